import type { Kysely, Transaction } from 'kysely'
import { appendAudit, type AuditAction } from '../../audit/index.ts'
import type { Database } from '../../db/index.ts'
import { enqueueEvent, type EventType } from '../../notify/index.ts'
import type { ConsentRecord } from '../consent-record.ts'
import type { ConsentEventKind } from '../consent-tables.ts'
import { serializeConsentRecord, type SerializedRecord } from './build-consent-record.ts'

type Db = Kysely<Database> | Transaction<Database>

/** The audit action and outbox event of each kind of consent event. */
export const CONSENT_EVENT_EFFECTS: Record<ConsentEventKind, { action: AuditAction; event: EventType }> = {
  given: { action: 'consent_given', event: 'consent.given' },
  refused: { action: 'consent_refused', event: 'consent.refused' },
  withdrawn: { action: 'consent_withdrawn', event: 'consent.withdrawn' },
  withdrawal_requested: { action: 'consent_withdrawal_requested', event: 'consent.withdrawal_scheduled' },
  withdrawal_refused: { action: 'consent_withdrawal_refused', event: 'consent.withdrawal_refused' },
  expired: { action: 'consent_expired', event: 'consent.expired' },
  reaffirmed: { action: 'consent_reaffirmed', event: 'consent.reaffirmed' },
}

export interface AppendedConsentEvent {
  eventId: string
  recordHash: string
  record: ConsentRecord
}

/** The `consent_events` row of a record, stored as the canonical text that was hashed. */
export function consentEventRow(operatorId: string, record: ConsentRecord, serialized: SerializedRecord) {
  return {
    operator_id: operatorId,
    event_id: record.recordId,
    subject_id: record.subject.id,
    kind: record.kind,
    recorded_at: record.recordedAt,
    effective_at: record.effectiveAt,
    form_id: record.form.id,
    form_version: record.form.version,
    purposes: JSON.stringify(record.purposes.map((p) => p.id)),
    record: serialized.json,
    record_hash: serialized.hash,
  }
}

/** Audit details of a consent event: ids and hashes only, never personal data. */
export function consentAuditDetails(record: ConsentRecord, recordHash: string) {
  return {
    eventId: record.recordId,
    recordHash,
    formId: record.form.id,
    formVersion: record.form.version,
    purposes: record.purposes.map((p) => p.id),
    ...(record.channels.length > 0 ? { channels: record.channels } : {}),
    ...(record.givenBy.kind === 'representative' ? { representativeId: record.givenBy.representativeId, relation: record.givenBy.relation } : {}),
  }
}

/**
 * Appends one consent event INSIDE the caller's transaction: the ledger row
 * (append-only), its audit entry — the record's hash chained into the
 * operator's audit log — and its outbox event, plus one `consequence.<x>`
 * event per consequence of a withdrawal (ESP-9, TTC-9.3, PS-7.1). The audit
 * entry names the purpose when there is one, else lists them in `details`.
 *
 * @example
 * await db.transaction().execute((trx) => appendConsentEvent(trx, 'esp', record))
 */
export async function appendConsentEvent(trx: Db, operatorId: string, record: ConsentRecord): Promise<AppendedConsentEvent> {
  const serialized = serializeConsentRecord(record)
  const recordHash = serialized.hash
  await trx.insertInto('consent_events').values(consentEventRow(operatorId, record, serialized)).execute()
  const effects = CONSENT_EVENT_EFFECTS[record.kind]
  const at = new Date(record.recordedAt)
  await appendAudit(trx, {
    operatorId,
    at,
    actor: record.recordedBy,
    action: effects.action,
    subjectId: record.subject.id,
    purpose: record.purposes.length === 1 ? record.purposes[0]!.id : null,
    details: consentAuditDetails(record, recordHash),
  })
  const data = {
    eventId: record.recordId,
    kind: record.kind,
    formId: record.form.id,
    formVersion: record.form.version,
    purposes: record.purposes.map((p) => p.id),
    ...(record.channelsByPurpose ? { channels: record.channelsByPurpose } : {}),
    effectiveAt: record.effectiveAt,
    expiresAt: record.expiresAt,
    byRepresentative: record.givenBy.kind === 'representative',
  }
  await enqueueEvent(trx, { operatorId, type: effects.event, subjectId: record.subject.id, occurredAt: at, data })
  for (const consequence of record.kind === 'withdrawn' ? (record.withdrawal?.consequences ?? []) : []) {
    await enqueueEvent(trx, {
      operatorId,
      type: `consequence.${consequence}` as EventType,
      subjectId: record.subject.id,
      occurredAt: new Date(record.effectiveAt),
      data: { eventId: record.recordId, formId: record.form.id, consequence },
    })
  }
  return { eventId: record.recordId, recordHash, record }
}
