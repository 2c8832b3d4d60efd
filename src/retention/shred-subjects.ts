import { sql, type Transaction } from 'kysely'
import { lockAuditChains, type AuditEntryInput } from '../audit/index.ts'
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

/**
 * Crypto-shredding of many subjects at once, set-based: per batch ONE
 * statement locks the live subjects, marks them, deletes the vault values,
 * the identifiers' blind indexes, the representations either way and the
 * wrapped data keys, and enqueues the events; the audit entries go in with
 * `appendAuditBatch` — all in one transaction. The guarantees
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

/** Subjects per statement: small enough that hashing one chunk's audit entries overlaps the database's work on the next. */
const CHUNK = 1_000

interface Shredded {
  subject_id: string
  values: number | string
  identifiers: number | string
  representations: number | string
  key_id: string | null
}

/** The same inside the caller's transaction. */
export async function shredInTransaction(trx: Transaction<Database>, now: Date, input: ShredInput): Promise<string[]> {
  const { operatorId, outcome } = input
  const ids = [...new Set(input.subjectIds)].sort()
  if (ids.length === 0) return []
  // All live subjects of the batch are locked first, in subject order as eraseSubject locks its one row, and
  // only then the audit chain: eraseSubject holds a subject, then takes the chain, so the two never wait in a circle.
  const live = (await sql<{ subject_id: string }>`
    select subject_id from subjects
    where operator_id = ${operatorId} and subject_id = any(${ids}::text[]) and status in ('active', 'blocked')
    order by subject_id for update`.execute(trx)).rows.map((r) => r.subject_id)
  if (live.length === 0) return []
  const chains = await lockAuditChains(trx, [operatorId])
  const reason = 'retention_ended'
  const action = outcome === 'destroyed' ? 'destroy' as const : 'anonymise' as const
  const entryOf = (row: Shredded): AuditEntryInput => ({
    operatorId,
    at: now,
    actor: input.actor,
    action,
    subjectId: row.subject_id,
    details: {
      reason,
      ...(input.reference ? { reference: input.reference } : {}),
      erased: { values: Number(row.values), identifiers: Number(row.identifiers), representations: Number(row.representations), keyId: row.key_id },
    },
  })
  // Statements are queued, not awaited one by one (as importConsents does): while the database shreds one chunk,
  // this process chains and hashes the audit entries of the one before. They run in order on the transaction's connection.
  const writes: Promise<unknown>[] = []
  const queue = <T>(write: Promise<T>): Promise<T> => {
    write.catch(() => undefined)
    writes.push(write)
    return write
  }
  const gone: string[] = []
  let next = queue(shredChunk(trx, now, operatorId, outcome, reason, live.slice(0, CHUNK)))
  for (let start = 0; start < live.length; start += CHUNK) {
    const rows = await next
    if (start + CHUNK < live.length) next = queue(shredChunk(trx, now, operatorId, outcome, reason, live.slice(start + CHUNK, start + 2 * CHUNK)))
    for (const row of rows) gone.push(row.subject_id)
    if (rows.length > 0) queue(chains.write(chains.chain(rows.map(entryOf))))
  }
  queue(chains.finish())
  const failed = (await Promise.allSettled(writes)).find((r) => r.status === 'rejected')
  if (failed) throw failed.reason
  return gone
}

/**
 * One statement shreds a chunk of locked subjects: data-modifying CTEs run
 * once each, and the rows `gone` returns (marked and emptied) are the only
 * ones the deletes and the events see. Ids travel as one text[] parameter,
 * so the statement does not grow with the chunk; the events get their ids
 * from the database and their seq in subject order. Returns, per subject,
 * what was erased, for its audit entry.
 */
async function shredChunk(trx: Transaction<Database>, now: Date, operatorId: string, outcome: ShredInput['outcome'], reason: string, ids: string[]): Promise<Shredded[]> {
  const type = outcome === 'destroyed' ? 'subject.destroyed' : 'subject.anonymised'
  const { rows } = await sql<Shredded>`
    with gone as (
      update subjects set status = ${outcome}, minor_until = null, age_source = null, legal_capacity = 'full',
        relationship_started_at = null, relationship_ended_at = null, updated_at = ${now}
      where operator_id = ${operatorId} and subject_id = any(${ids}::text[]) and status in ('active', 'blocked')
      returning subject_id
    ), v as (
      delete from vault_items where operator_id = ${operatorId} and subject_id = any(array(select subject_id from gone)) returning subject_id
    ), i as (
      delete from subject_identifiers where operator_id = ${operatorId} and subject_id = any(array(select subject_id from gone)) returning subject_id
    ), r as (
      delete from subject_representatives
      where operator_id = ${operatorId} and (subject_id = any(array(select subject_id from gone)) or representative_id = any(array(select subject_id from gone)))
      returning subject_id, representative_id
    ), k as (
      delete from subject_keys where operator_id = ${operatorId} and subject_id = any(array(select subject_id from gone)) returning subject_id, key_id
    ), e as (
      insert into event_outbox (operator_id, event_id, type, subject_id, occurred_at, data)
      select ${operatorId}, gen_random_uuid()::text, ${type}, subject_id, ${now}, ${JSON.stringify({ reason })}::jsonb from gone order by subject_id
      returning 1
    )
    -- Counted in one pass (a join of CTEs, whose sizes the planner cannot know, becomes nested loops).
    select subject_id,
      count(*) filter (where part = 'v') as values, count(*) filter (where part = 'i') as identifiers,
      count(*) filter (where part = 'r') as representations, max(key_id) as key_id
    from (
      select subject_id, 'g' as part, null::text as key_id from gone
      union all select subject_id, 'v', null from v
      union all select subject_id, 'i', null from i
      union all select x.id, 'r', null from r cross join lateral (select distinct unnest(array[r.subject_id, r.representative_id]) as id) x
      union all select subject_id, 'k', key_id from k
      union all select null, 'e', null from e
    ) parts
    group by subject_id
    having count(*) filter (where part = 'g') > 0
    order by subject_id`.execute(trx)
  return rows
}
