import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/index.ts'
import { DerbesError } from '../../errors/index.ts'
import type { ConsentRecord } from '../consent-record.ts'
import type { ConsentEventKind } from '../consent-tables.ts'
import { readConsentState, type ConsentStateRow } from './project-consent-state.ts'

type Db = Kysely<Database> | Transaction<Database>

/** One consent event as the API shows it: the stored record (its personal data sealed) and its hash. */
export interface ConsentEventView {
  eventId: string
  seq: number
  subjectId: string | null
  kind: ConsentEventKind
  recordedAt: string
  effectiveAt: string
  formId: string | null
  formVersion: number | null
  purposes: string[]
  recordHash: string
  record: ConsentRecord
}

const parse = <T>(value: unknown): T => (typeof value === 'string' ? (JSON.parse(value) as T) : (value as T))

function toView(row: {
  event_id: string; seq: string | number; subject_id: string | null; kind: ConsentEventKind; recorded_at: Date; effective_at: Date
  form_id: string | null; form_version: number | null; purposes: unknown; record: unknown; record_hash: string
}): ConsentEventView {
  return {
    eventId: row.event_id,
    seq: Number(row.seq),
    subjectId: row.subject_id,
    kind: row.kind,
    recordedAt: row.recorded_at.toISOString(),
    effectiveAt: row.effective_at.toISOString(),
    formId: row.form_id,
    formVersion: row.form_version,
    purposes: parse<string[]>(row.purposes),
    recordHash: row.record_hash,
    record: parse<ConsentRecord>(row.record),
  }
}

/**
 * One event of the operator's ledger.
 *
 * @example
 * const event = await getConsentEvent(db, 'ttc', eventId) // { kind: 'given', record: { form: { id: 'app-2', … } }, … }
 */
export async function getConsentEvent(db: Db, operatorId: string, eventId: string): Promise<ConsentEventView> {
  const row = await db.selectFrom('consent_events').selectAll().where('operator_id', '=', operatorId).where('event_id', '=', eventId).executeTakeFirst()
  if (!row) throw new DerbesError('DERBES_CONSENT_NOT_FOUND', `operator '${operatorId}' has no consent event '${eventId}'`)
  return toView(row)
}

export interface SubjectConsents {
  /** The projection: one row per purpose and channel. */
  state: ConsentStateRow[]
  /** Events of the subject, newest first. */
  history: ConsentEventView[]
}

/**
 * A subject's consents: the current state per purpose and channel, and the
 * history of events (newest first, at most `limit`).
 *
 * @example
 * const { state, history } = await listSubjectConsents(db, 'esp', subjectId)
 */
export async function listSubjectConsents(db: Db, operatorId: string, subjectId: string, options: { limit?: number } = {}): Promise<SubjectConsents> {
  const subject = await db.selectFrom('subjects').select('subject_id').where('operator_id', '=', operatorId).where('subject_id', '=', subjectId).executeTakeFirst()
  if (!subject) throw new DerbesError('DERBES_SUBJECT_NOT_FOUND', `operator '${operatorId}' has no subject '${subjectId}'`)
  const rows = await db
    .selectFrom('consent_events')
    .selectAll()
    .where('operator_id', '=', operatorId)
    .where('subject_id', '=', subjectId)
    .orderBy('seq', 'desc')
    .limit(options.limit ?? 100)
    .execute()
  return { state: await readConsentState(db, operatorId, subjectId), history: rows.map(toView) }
}
