import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database } from '../../db/index.ts'
import type { ConsentRecord } from '../consent-record.ts'
import type { ConsentStatus } from '../consent-tables.ts'

type Db = Kysely<Database> | Transaction<Database>

/** One row of the `consent_state` projection, as the ledger writes it. */
export interface ConsentStateRow {
  purposeId: string
  /** '' for a purpose not consented per channel. */
  channel: string
  status: ConsentStatus
  formId: string
  formVersion: number
  eventId: string
  givenAt: Date | null
  expiresAt: Date | null
  withdrawalEffectiveAt: Date | null
  byRepresentative: boolean
  countries: string[]
}

/**
 * The state rows a given, refused or re-affirmed consent sets: one per
 * purpose whose legal basis is consent (a contract or a legal duty needs
 * none, ESP-2) and, for marketing purposes, one per channel (ESP-2, TTC-9.4).
 * Purposes with a recipient abroad carry the consented countries (art. 16).
 */
export function stateRowsOf(record: ConsentRecord, status: ConsentStatus, foreignPurposes: readonly string[]): ConsentStateRow[] {
  const rows: ConsentStateRow[] = []
  const given = status === 'given'
  for (const purpose of record.purposes) {
    if (purpose.basis !== 'consent') continue
    for (const channel of record.channelsByPurpose?.[purpose.id] ?? ['']) {
      rows.push({
        purposeId: purpose.id,
        channel,
        status,
        formId: record.form.id,
        formVersion: record.form.version,
        eventId: record.recordId,
        givenAt: given ? new Date(record.effectiveAt) : null,
        expiresAt: given && record.expiresAt ? new Date(record.expiresAt) : null,
        withdrawalEffectiveAt: null,
        byRepresentative: record.givenBy.kind === 'representative',
        countries: given && foreignPurposes.includes(purpose.id) ? record.crossBorder.countries : [],
      })
    }
  }
  return rows
}

/** Writes state rows of one subject, replacing what was there for each purpose and channel. */
export async function writeConsentState(db: Db, operatorId: string, subjectId: string, rows: readonly ConsentStateRow[], updatedAt: Date): Promise<void> {
  await upsertConsentState(db, rows.map((r) => toStateInsert(operatorId, subjectId, r, updatedAt)))
}

/** A state row as stored, for any subject. */
export function toStateInsert(operatorId: string, subjectId: string, r: ConsentStateRow, updatedAt: Date) {
  return {
    operator_id: operatorId,
    subject_id: subjectId,
    purpose_id: r.purposeId,
    channel: r.channel,
    status: r.status,
    form_id: r.formId,
    form_version: r.formVersion,
    event_id: r.eventId,
    given_at: r.givenAt,
    expires_at: r.expiresAt,
    withdrawal_effective_at: r.withdrawalEffectiveAt,
    by_representative: r.byRepresentative,
    countries: JSON.stringify(r.countries),
    updated_at: updatedAt,
  }
}

export type StateInsert = ReturnType<typeof toStateInsert>

/** Rows per statement (~0.4 MB of arrays: node-postgres grows its message buffer by copying, which costs disproportionately past ~1 MB). */
const CHUNK = 2000

/**
 * Upserts state rows of any subjects as one array per column (`unnest`):
 * 14 parameters per 2,000 rows instead of 14 per row, so a bulk import binds
 * and plans little. `keepNewer` leaves a row alone when it changed after the
 * incoming consent was given (an import must not undo a later withdrawal).
 */
export async function upsertConsentState(db: Db, rows: readonly StateInsert[], options: { keepNewer?: boolean } = {}): Promise<void> {
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK)
    const column = <K extends keyof StateInsert>(key: K) => chunk.map((r) => r[key])
    await sql`
      insert into consent_state (operator_id, subject_id, purpose_id, channel, status, form_id, form_version, event_id,
        given_at, expires_at, withdrawal_effective_at, by_representative, countries, updated_at)
      select o, s, p, c, st, f, v, e, g, x, w, b, co::jsonb, u
      from unnest(${column('operator_id')}::text[], ${column('subject_id')}::text[], ${column('purpose_id')}::text[],
        ${column('channel')}::text[], ${column('status')}::text[], ${column('form_id')}::text[], ${column('form_version')}::int[],
        ${column('event_id')}::text[], ${column('given_at')}::timestamptz[], ${column('expires_at')}::timestamptz[],
        ${column('withdrawal_effective_at')}::timestamptz[], ${column('by_representative')}::bool[], ${column('countries')}::text[],
        ${column('updated_at')}::timestamptz[]) as t(o, s, p, c, st, f, v, e, g, x, w, b, co, u)
      on conflict (operator_id, subject_id, purpose_id, channel) do update set
        status = excluded.status, form_id = excluded.form_id, form_version = excluded.form_version, event_id = excluded.event_id,
        given_at = excluded.given_at, expires_at = excluded.expires_at, withdrawal_effective_at = excluded.withdrawal_effective_at,
        by_representative = excluded.by_representative, countries = excluded.countries, updated_at = excluded.updated_at
      ${options.keepNewer ? sql`where consent_state.updated_at < excluded.given_at` : sql``}`.execute(db)
  }
}

/** The subject's current state rows, optionally only those in some statuses; locked when inside a transaction that asks. */
export async function readConsentState(db: Db, operatorId: string, subjectId: string, statuses?: readonly ConsentStatus[]): Promise<ConsentStateRow[]> {
  let query = db.selectFrom('consent_state').selectAll().where('operator_id', '=', operatorId).where('subject_id', '=', subjectId)
  if (statuses) query = query.where('status', 'in', [...statuses])
  const rows = await query.orderBy('purpose_id').orderBy('channel').execute()
  return rows.map((r) => ({
    purposeId: r.purpose_id,
    channel: r.channel,
    status: r.status,
    formId: r.form_id,
    formVersion: r.form_version,
    eventId: r.event_id,
    givenAt: r.given_at,
    expiresAt: r.expires_at,
    withdrawalEffectiveAt: r.withdrawal_effective_at,
    byRepresentative: r.by_representative,
    countries: typeof r.countries === 'string' ? (JSON.parse(r.countries) as string[]) : r.countries,
  }))
}
