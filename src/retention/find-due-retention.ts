import { sql } from 'kysely'
import { getPublishedVersion } from '../operators/index.ts'
import type { CompiledPolicy } from '../policy/index.ts'
import type { DueRetention } from './due-retention.ts'
import type { RetentionDeps } from './retention-deps.ts'
import { retentionCutoffs, type RetentionCutoffs } from './retention-plan.ts'
import { DELETION_REQUEST_KIND, HOLDING_REQUEST_KINDS } from './subject-facts-sql.ts'
import { pageRowFacts, type PageRow } from './subject-facts.ts'
import { dueSteps, subjectRetention } from './subject-retention.ts'

export interface DuePage {
  due: DueRetention[]
  /** The last subject the page looked at: pass it as `after` for the next page; null when the operator has no more subjects. */
  nextAfter: string | null
}

export interface DuePageOptions {
  /** Start after this subject id (pages go in subject_id order). */
  after?: string
  /** How many subjects one page looks at. */
  limit: number
}

type SweepDeps = Pick<RetentionDeps, 'db' | 'calendar'>

/**
 * One page of the sweep: the next `limit` subjects (not destroyed) after
 * `after`, and the retention steps due for them at `asOf`. One SQL statement
 * reads the page and keeps the subjects one of whose trigger dates
 * (relationship end, a recorded contract end or account closure, a destroy
 * request, a consent withdrawn or expired, a purpose achieved, an item's
 * collection) is at or before the latest cutoff of that trigger under any
 * rule (`retentionCutoffs`) — on a typical page most relationships are
 * running and most consents given, and they stop there — less those under a
 * hold (a staff hold, an unfulfilled obligation — TTC-9.1, KZK-2.3.5,
 * art. 8(2) — or an open request). It returns the facts of those alone, and
 * `subjectRetention` decides exactly, item by item and purpose by purpose,
 * with the statutory minimums (TTC-4.1.11), what is due.
 */
export async function findDueRetentionPage(deps: Pick<RetentionDeps, 'db' | 'calendar' | 'clock'>, operatorId: string, asOf: Date, options: DuePageOptions): Promise<DuePage> {
  const policy = (await getPublishedVersion(deps, operatorId)).compiled
  const page = await readPage(deps, operatorId, asOf, retentionCutoffs(policy, asOf, deps.calendar), options)
  return { due: evaluatePage(deps, policy, asOf, page.rows), nextAfter: page.nextAfter }
}

/**
 * The whole sweep from `after` to the operator's last subject, page by page
 * in subject_id order, as `findDueRetentionPage` makes each page. A page's
 * statement is sent as soon as the one before has answered, so the database
 * reads the next page while this process evaluates the last (issue 5,
 * Speed); a consumer that stops early leaves at most that one page read for
 * nothing.
 *
 * @example
 * for await (const page of sweepDueRetention(deps, 'ttc', deps.clock(), { limit: 10_000 })) await execute(page.due)
 */
export async function* sweepDueRetention(deps: Pick<RetentionDeps, 'db' | 'calendar' | 'clock'>, operatorId: string, asOf: Date, options: DuePageOptions): AsyncGenerator<DuePage> {
  const policy = (await getPublishedVersion(deps, operatorId)).compiled
  const cutoffs = retentionCutoffs(policy, asOf, deps.calendar)
  const read = (after: string | undefined) => {
    const reading = readPage(deps, operatorId, asOf, cutoffs, { ...(after !== undefined ? { after } : {}), limit: options.limit })
    reading.catch(() => undefined) // awaited below; a consumer that stops early must not leave it unhandled
    return reading
  }
  let next = read(options.after)
  for (;;) {
    const page = await next
    if (page.nextAfter !== null) next = read(page.nextAfter)
    yield { due: evaluatePage(deps, policy, asOf, page.rows), nextAfter: page.nextAfter }
    if (page.nextAfter === null) return
  }
}

/** The due steps of a page's subjects, decided exactly from their facts. */
function evaluatePage(deps: SweepDeps, policy: CompiledPolicy, asOf: Date, rows: readonly PageRow[]): DueRetention[] {
  const due: DueRetention[] = []
  for (const row of rows) {
    const facts = pageRowFacts(row)
    for (const step of dueSteps(policy, facts, subjectRetention(policy, facts, asOf, deps.calendar), asOf, deps.calendar)) due.push(step)
  }
  return due
}

async function readPage(deps: SweepDeps, operatorId: string, asOf: Date, cutoffs: RetentionCutoffs, options: DuePageOptions): Promise<{ rows: PageRow[]; nextAfter: string | null }> {
  const after = options.after ?? ''
  // A dense table (every consent, every item) is read over the page only when some rule starts a clock from it.
  const byPurpose = cutoffs.consent_withdrawn ?? cutoffs.consent_expired ?? cutoffs.purpose_achieved
  const byCollection = cutoffs.collection
  const { rows } = await deps.db.transaction().execute(async (trx) => {
    // Estimates of the CTEs' sizes are far off, which on PostgreSQL can cross jit_above_cost: compiling the
    // statement then takes seconds, running it milliseconds.
    await sql`set local jit = off`.execute(trx)
    return sql<PageRow & { last_id: string | null }>`
    with page as materialized (
      select subject_id, kind, status, relationship_ended_at from subjects
      where operator_id = ${operatorId} and subject_id > ${after} and status <> 'destroyed'
      order by subject_id limit ${options.limit}
    ),
    bounds as materialized (select max(subject_id) as hi from page),
    -- Per subject, the dates of the subject-wide triggers (sparse tables, read over the page's range).
    subject_dates as (
      select subject_id, min(at) filter (where k = 'contract_end') as contract_end, min(at) filter (where k = 'account_closed') as account_closed,
        min(at) filter (where k = 'deletion_request') as deletion_request
      from (
        select subject_id, trigger as k, occurred_at as at from retention_triggers
        where operator_id = ${operatorId} and subject_id > ${after} and subject_id <= (select hi from bounds) and purpose_id = ''
        union all
        select subject_id, 'deletion_request', received_at from requests
        where operator_id = ${operatorId} and subject_id > ${after} and subject_id <= (select hi from bounds)
          and kind = ${DELETION_REQUEST_KIND} and state <> 'refused'
      ) t group by subject_id
    ),
    held as (
      select h.subject_id from retention_holds h
      where h.operator_id = ${operatorId} and h.subject_id > ${after} and h.subject_id <= (select hi from bounds)
        and h.placed_at <= ${asOf} and (h.released_at is null or h.released_at > ${asOf}) and (h.until is null or h.until > ${asOf})
      union
      select o.subject_id from subject_obligations o
      where o.operator_id = ${operatorId} and o.subject_id > ${after} and o.subject_id <= (select hi from bounds)
        and o.opened_at <= ${asOf} and (o.fulfilled_at is null or o.fulfilled_at > ${asOf})
      union
      select q.subject_id from requests q
      where q.operator_id = ${operatorId} and q.subject_id > ${after} and q.subject_id <= (select hi from bounds)
        and q.received_at <= ${asOf} and q.state not in ('answered', 'refused') and q.kind in (${sql.join([...HOLDING_REQUEST_KINDS])})
    ),
    chosen as materialized (
      select pg.subject_id, pg.kind, pg.status, pg.relationship_ended_at as relationship_end, sd.contract_end, sd.account_closed, sd.deletion_request
      from page pg left join subject_dates sd on sd.subject_id = pg.subject_id
      where (pg.relationship_ended_at <= ${cutoffs.relationship_end ?? null} or sd.contract_end <= ${cutoffs.contract_end ?? null}
        or sd.account_closed <= ${cutoffs.account_closed ?? null} or sd.deletion_request <= ${cutoffs.deletion_request ?? null}
        ${byPurpose === undefined ? sql`` : sql`or pg.subject_id in (
          select subject_id from consent_state
          where operator_id = ${operatorId} and subject_id > ${after} and subject_id <= (select hi from bounds)
          group by subject_id, purpose_id
          having (bool_and(withdrawal_effective_at is not null) and max(withdrawal_effective_at) <= ${cutoffs.consent_withdrawn ?? null})
            or (bool_and(expires_at is not null) and max(expires_at) <= ${cutoffs.consent_expired ?? null}))
        or pg.subject_id in (
          select subject_id from retention_triggers
          where operator_id = ${operatorId} and subject_id > ${after} and subject_id <= (select hi from bounds) and trigger = 'purpose_achieved'
            and occurred_at <= ${cutoffs.purpose_achieved ?? null})`}
        ${byCollection === undefined ? sql`` : sql`or pg.subject_id in (
          select subject_id from vault_items
          where operator_id = ${operatorId} and subject_id > ${after} and subject_id <= (select hi from bounds) and collected_at <= ${byCollection})`})
        and pg.subject_id not in (select subject_id from held)
    ),
    -- The chosen subjects' items and purpose dates, by index lookups of those subjects alone.
    chosen_items as (
      select v.subject_id, jsonb_agg(jsonb_build_object('i', v.item_id, 'n', v.value_no, 'c', v.collected_at, 'p', v.purposes) order by v.item_id, v.value_no) as items
      from vault_items v
      where v.operator_id = ${operatorId} and v.subject_id = any(array(select subject_id from chosen))
      group by v.subject_id
    ),
    chosen_purposes as (
      select subject_id, jsonb_agg(jsonb_build_object('p', purpose_id, 'w', w, 'e', e, 'a', achieved)) as purposes from (
        select subject_id, purpose_id, max(w) as w, max(e) as e, max(achieved) as achieved from (
          select subject_id, purpose_id,
            case when bool_and(withdrawal_effective_at is not null) then max(withdrawal_effective_at) end as w,
            case when bool_and(expires_at is not null) then max(expires_at) end as e, null::timestamptz as achieved
          from consent_state
          where operator_id = ${operatorId} and subject_id = any(array(select subject_id from chosen))
          group by subject_id, purpose_id
          union all
          select subject_id, purpose_id, null, null, occurred_at from retention_triggers
          where operator_id = ${operatorId} and subject_id = any(array(select subject_id from chosen)) and trigger = 'purpose_achieved'
        ) t group by subject_id, purpose_id
      ) p group by subject_id
    )
    select c.*, coalesce(ci.items, '[]') as items, coalesce(cp.purposes, '[]') as purposes, null as last_id
    from chosen c
    left join chosen_items ci on ci.subject_id = c.subject_id
    left join chosen_purposes cp on cp.subject_id = c.subject_id
    union all
    -- The page's end, so the caller can go on even when nothing in it is due.
    select null, null, null, null, null, null, null, null, null, (select hi from bounds)
    order by 1 nulls last`.execute(trx)
  })
  const end = rows.pop()!
  return { rows, nextAfter: end.last_id }
}

/**
 * What retention is due at `asOf` for the subjects after `after`, in
 * subject_id order: at least `limit` steps (more when the last subject has
 * several, or its page had more — a subject's steps are never split), fewer
 * only when no subject is left. Pass the last answer's last `subjectId` as
 * `after` to go on; an answer shorter than `limit` is the end (issue 5 §1).
 * Each statement looks at `limit` subjects (`findDueRetentionPage`).
 *
 * @example
 * let after: string | undefined
 * for (;;) {
 *   const due = await findDueRetention(deps, 'ttc', deps.clock(), { after, limit: 5000 })
 *   // … run the steps …
 *   if (due.length < 5000) break
 *   after = due.at(-1)!.subjectId
 * }
 */
export async function findDueRetention(deps: Pick<RetentionDeps, 'db' | 'calendar' | 'clock'>, operatorId: string, asOf: Date, options: DuePageOptions): Promise<DueRetention[]> {
  const due: DueRetention[] = []
  for await (const page of sweepDueRetention(deps, operatorId, asOf, options)) {
    due.push(...page.due)
    if (due.length >= options.limit) break
  }
  return due
}
