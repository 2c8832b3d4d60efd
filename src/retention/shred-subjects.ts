import { randomUUID } from 'node:crypto'
import { sql, type Transaction } from 'kysely'
import { appendAuditBatch } from '../audit/index.ts'
import type { Database } from '../db/index.ts'
import type { RetentionDeps } from './retention-deps.ts'

export interface ShredInput {
  operatorId: string
  subjectIds: readonly string[]
  outcome: 'destroyed' | 'anonymised'
  actor: string
  /** The run or act behind it, for the audit entries (no personal data). */
  reference?: string
}

interface Counted {
  subject_id: string
  n: number | string
}

const counts = (rows: Counted[]) => new Map(rows.map((r) => [r.subject_id, Number(r.n)]))

/**
 * Crypto-shredding of many subjects at once, set-based: per batch one
 * statement each deletes the vault values, the identifiers' blind indexes,
 * the representations either way and the wrapped data keys, one updates the
 * subjects' status, and the audit entries and events go in with
 * `appendAuditBatch` and one INSERT — all in one transaction. The guarantees
 * are exactly those of `eraseSubject` (src/subjects/erase-subject.ts): after
 * it no plaintext and no usable key of these subjects remain, their rows stay
 * as `destroyed` or `anonymised` emptied of dates, age and capacity, and each
 * subject has its `destroy`/`anonymise` entry with the same details
 * (`reason`, `reference`, `erased` counts and key id). Subjects already gone
 * (or unknown) are skipped, not failed: shredding twice is harmless.
 *
 * @example
 * const done = await shredSubjects(deps, { operatorId: 'tw', subjectIds, outcome: 'destroyed', actor: 'retention:run-1' })
 */
export async function shredSubjects(deps: Pick<RetentionDeps, 'db' | 'clock'>, input: ShredInput): Promise<string[]> {
  if (input.subjectIds.length === 0) return []
  const now = deps.clock()
  return deps.db.transaction().execute((trx) => shredInTransaction(trx, now, input))
}

/** The same inside the caller's transaction. */
export async function shredInTransaction(trx: Transaction<Database>, now: Date, input: ShredInput): Promise<string[]> {
  const { operatorId, outcome } = input
  const ids = [...new Set(input.subjectIds)]
  // Locked in a fixed order, as eraseSubject locks its one row, so a concurrent change waits.
  const live = await sql<{ subject_id: string }>`
    select subject_id from subjects
    where operator_id = ${operatorId} and subject_id = any(${ids}::text[]) and status in ('active', 'blocked')
    order by subject_id for update`.execute(trx)
  const gone = live.rows.map((r) => r.subject_id)
  if (gone.length === 0) return []
  const values = counts((await sql<Counted>`
    with d as (delete from vault_items where operator_id = ${operatorId} and subject_id = any(${gone}::text[]) returning subject_id)
    select subject_id, count(*) as n from d group by subject_id`.execute(trx)).rows)
  const identifiers = counts((await sql<Counted>`
    with d as (delete from subject_identifiers where operator_id = ${operatorId} and subject_id = any(${gone}::text[]) returning subject_id)
    select subject_id, count(*) as n from d group by subject_id`.execute(trx)).rows)
  const representations = new Map<string, number>()
  const represented = await sql<{ subject_id: string; representative_id: string }>`
    delete from subject_representatives
    where operator_id = ${operatorId} and (subject_id = any(${gone}::text[]) or representative_id = any(${gone}::text[]))
    returning subject_id, representative_id`.execute(trx)
  const goneSet = new Set(gone)
  for (const r of represented.rows) {
    for (const id of new Set([r.subject_id, r.representative_id])) if (goneSet.has(id)) representations.set(id, (representations.get(id) ?? 0) + 1)
  }
  const keys = new Map((await sql<{ subject_id: string; key_id: string }>`
    delete from subject_keys where operator_id = ${operatorId} and subject_id = any(${gone}::text[]) returning subject_id, key_id`.execute(trx)).rows.map((r) => [r.subject_id, r.key_id]))
  await sql`
    update subjects set status = ${outcome}, minor_until = null, age_source = null, legal_capacity = 'full',
      relationship_started_at = null, relationship_ended_at = null, updated_at = ${now}
    where operator_id = ${operatorId} and subject_id = any(${gone}::text[])`.execute(trx)
  const reason = 'retention_ended'
  await appendAuditBatch(trx, gone.map((subjectId) => ({
    operatorId,
    at: now,
    actor: input.actor,
    action: outcome === 'destroyed' ? 'destroy' as const : 'anonymise' as const,
    subjectId,
    details: {
      reason,
      ...(input.reference ? { reference: input.reference } : {}),
      erased: { values: values.get(subjectId) ?? 0, identifiers: identifiers.get(subjectId) ?? 0, representations: representations.get(subjectId) ?? 0, keyId: keys.get(subjectId) ?? null },
    },
  })))
  // The same event per subject as eraseSubject enqueues, one INSERT per 5,000 (6 parameters a row).
  const type = outcome === 'destroyed' ? 'subject.destroyed' : 'subject.anonymised'
  const data = JSON.stringify({ reason })
  for (let i = 0; i < gone.length; i += 5_000) {
    await trx.insertInto('event_outbox')
      .values(gone.slice(i, i + 5_000).map((subjectId) => ({ operator_id: operatorId, event_id: randomUUID(), type, subject_id: subjectId, occurred_at: now, data })))
      .execute()
  }
  return gone
}
