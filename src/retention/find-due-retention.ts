import { sql } from 'kysely'
import { getPublishedVersion } from '../operators/index.ts'
import type { CompiledPolicy, RetentionTrigger } from '../policy/index.ts'
import type { DueRetention } from './due-retention.ts'
import type { RetentionDeps } from './retention-deps.ts'
import { planRecords, retentionPlan, type RetentionPlan } from './retention-plan.ts'
import { DELETION_REQUEST_KIND, HOLDING_REQUEST_KINDS } from './subject-facts-sql.ts'
import { pageRowFacts, type PageRow } from './subject-facts.ts'
import { dueSteps, subjectRetention } from './subject-retention.ts'

/** The latest cutoff of a trigger over the whole plan: a subject-level date after it is due under no rule. */
function latest(plan: RetentionPlan, trigger: RetentionTrigger): Date | null {
  const cutoffs = plan.rows.map((r) => r.cutoffs[trigger]).filter((c): c is string => c !== undefined).sort()
  return cutoffs.length ? new Date(cutoffs.at(-1)!) : null
}

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

/**
 * One page of the sweep: the next `limit` subjects (not destroyed) after
 * `after`, and the retention steps due for them at `asOf` — one SQL statement.
 * The statement compares each subject's trigger dates (relationship end,
 * consents, recorded triggers, destroy requests, each item's collection) with
 * the plan's cutoffs per purpose and category, so terms in business days cost
 * nothing per row; it drops subjects under a hold (a staff hold, an unfulfilled
 * obligation — TTC-9.1, KZK-2.3.5, art. 8(2) — or an open request) and items a
 * statutory minimum still keeps (TTC-4.1.11), and returns the facts of the rest
 * only, from which the due steps are built (`subjectRetention`).
 */
export async function findDueRetentionPage(deps: Pick<RetentionDeps, 'db' | 'calendar' | 'clock'>, operatorId: string, asOf: Date, options: DuePageOptions): Promise<DuePage> {
  const policy = (await getPublishedVersion(deps, operatorId)).compiled
  return duePage(deps, policy, operatorId, asOf, options)
}

export async function duePage(deps: Pick<RetentionDeps, 'db' | 'calendar'>, policy: CompiledPolicy, operatorId: string, asOf: Date, options: DuePageOptions): Promise<DuePage> {
  const plan = retentionPlan(policy, asOf, deps.calendar)
  const after = options.after ?? ''
  // The planner's estimates for the joins with the plan are far off (it cannot see into the JSON), which on
  // PostgreSQL crosses jit_above_cost: compiling the statement then takes seconds, running it milliseconds.
  const { rows } = await deps.db.transaction().execute(async (trx) => {
    await sql`set local jit = off`.execute(trx)
    return sql<PageRow>`
    with plan as (
      select * from jsonb_to_recordset(${JSON.stringify(planRecords(plan))}::jsonb) as r(
        purpose_id text, category_id text,
        c_collection timestamptz, c_relationship_end timestamptz, c_contract_end timestamptz, c_account_closed timestamptz,
        c_deletion_request timestamptz, c_consent_withdrawn timestamptz, c_consent_expired timestamptz, c_purpose_achieved timestamptz,
        s_from text, s_cutoff timestamptz)
    ),
    item_category as (
      select * from jsonb_to_recordset(${JSON.stringify(plan.itemCategories)}::jsonb) as r(item_id text, category_id text)
    ),
    item_plan as materialized (
      select ic.item_id, pl.* from item_category ic join plan pl on pl.category_id = ic.category_id
    ),
    page as materialized (
      select subject_id, kind, status, relationship_ended_at from subjects
      where operator_id = ${operatorId} and subject_id > ${after} and status <> 'destroyed'
      order by subject_id limit ${options.limit}
    ),
    bounds as materialized (select max(subject_id) as hi from page),
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
    -- Per subject, the dates of the subject-wide triggers; per subject and purpose, those of the purpose's own.
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
    purpose_dates as (
      select subject_id, purpose_id, max(w) as w, max(e) as e, max(achieved) as achieved from (
        select subject_id, purpose_id,
          case when bool_and(withdrawal_effective_at is not null) then max(withdrawal_effective_at) end as w,
          case when bool_and(expires_at is not null) then max(expires_at) end as e, null::timestamptz as achieved
        from consent_state
        where operator_id = ${operatorId} and subject_id > ${after} and subject_id <= (select hi from bounds)
        group by subject_id, purpose_id
        union all
        select subject_id, purpose_id, null, null, occurred_at from retention_triggers
        where operator_id = ${operatorId} and subject_id > ${after} and subject_id <= (select hi from bounds) and trigger = 'purpose_achieved'
      ) t group by subject_id, purpose_id
    ),
    dated as materialized (
      select pg.subject_id, pg.relationship_ended_at as relationship_end, sd.contract_end, sd.account_closed, sd.deletion_request
      from page pg left join subject_dates sd on sd.subject_id = pg.subject_id
    ),
    -- Only subjects with a clock that may have run out under some rule go on to the item-by-item verdict:
    -- on a typical page most relationships are running and most consents given, and they stop here.
    pre as materialized (
      select subject_id from dated
      where relationship_end <= ${latest(plan, 'relationship_end')} or contract_end <= ${latest(plan, 'contract_end')}
        or account_closed <= ${latest(plan, 'account_closed')} or deletion_request <= ${latest(plan, 'deletion_request')}
      union
      select subject_id from purpose_dates
      where w <= ${latest(plan, 'consent_withdrawn')} or e <= ${latest(plan, 'consent_expired')} or achieved <= ${latest(plan, 'purpose_achieved')}
      union
      select subject_id from vault_items
      where ${latest(plan, 'collection')}::timestamptz is not null and operator_id = ${operatorId} and subject_id > ${after} and subject_id <= (select hi from bounds)
        and collected_at <= ${latest(plan, 'collection')}
    ),
    item_verdicts as (
      select v.subject_id, v.item_id, v.value_no, bool_and(
        coalesce(
          v.collected_at <= pl.c_collection or sd.relationship_end <= pl.c_relationship_end
          or sd.contract_end <= pl.c_contract_end or sd.account_closed <= pl.c_account_closed or sd.deletion_request <= pl.c_deletion_request
          or pd.w <= pl.c_consent_withdrawn or pd.e <= pl.c_consent_expired or pd.achieved <= pl.c_purpose_achieved,
          false)
        and case when pl.s_from is null then true else coalesce(
          (case pl.s_from
            when 'collection' then v.collected_at when 'relationship_end' then sd.relationship_end
            when 'contract_end' then sd.contract_end when 'account_closed' then sd.account_closed when 'deletion_request' then sd.deletion_request
            when 'consent_withdrawn' then pd.w when 'consent_expired' then pd.e when 'purpose_achieved' then pd.achieved end) <= pl.s_cutoff,
          false) end
      ) as may_go
      from pre
      join vault_items v on v.operator_id = ${operatorId} and v.subject_id = pre.subject_id
        and v.subject_id > ${after} and v.subject_id <= (select hi from bounds)
      cross join lateral jsonb_array_elements_text(v.purposes) as ip(purpose_id)
      join dated sd on sd.subject_id = v.subject_id
      join item_plan pl on pl.item_id = v.item_id and pl.purpose_id = ip.purpose_id
      left join purpose_dates pd on pd.subject_id = v.subject_id and pd.purpose_id = ip.purpose_id
      group by v.subject_id, v.item_id, v.value_no
    ),
    candidates as (
      select subject_id from item_verdicts group by subject_id having bool_or(may_go)
      union all
      -- A subject without data items: its subject-level clocks decide (exactly, in subjectRetention).
      select pre.subject_id from pre where not exists (
        select 1 from vault_items v where v.operator_id = ${operatorId} and v.subject_id = pre.subject_id
          and v.subject_id > ${after} and v.subject_id <= (select hi from bounds))
    ),
    chosen as (select subject_id from candidates except select subject_id from held),
    chosen_items as (
      select v.subject_id, jsonb_agg(jsonb_build_object('i', v.item_id, 'n', v.value_no, 'c', v.collected_at, 'p', v.purposes) order by v.item_id, v.value_no) as items
      from vault_items v join chosen c on c.subject_id = v.subject_id
      where v.operator_id = ${operatorId} and v.subject_id > ${after} and v.subject_id <= (select hi from bounds)
      group by v.subject_id
    ),
    chosen_purposes as (
      select pd.subject_id, jsonb_agg(jsonb_build_object('p', pd.purpose_id, 'w', pd.w, 'e', pd.e, 'a', pd.achieved)) as purposes
      from purpose_dates pd join chosen c on c.subject_id = pd.subject_id
      group by pd.subject_id
    )
    -- The facts of the chosen subjects, from what the page already read.
    select s.subject_id, s.kind, s.status, sd.relationship_end, sd.contract_end, sd.account_closed, sd.deletion_request,
      coalesce(ci.items, '[]') as items, coalesce(cp.purposes, '[]') as purposes, (select hi from bounds) as last_id
    from chosen c
    join page s on s.subject_id = c.subject_id
    join dated sd on sd.subject_id = c.subject_id
    left join chosen_items ci on ci.subject_id = c.subject_id
    left join chosen_purposes cp on cp.subject_id = c.subject_id
    union all
    -- The page's end, so the caller can go on even when nothing in it is due.
    select null, null, null, null, null, null, null, null, null, (select hi from bounds)
    order by 1 nulls last`.execute(trx)
  })
  const nextAfter = rows.at(-1)?.last_id ?? null
  const due: DueRetention[] = []
  for (const row of rows) {
    if (row.subject_id === null) continue
    const facts = pageRowFacts(row)
    due.push(...dueSteps(policy, facts, subjectRetention(policy, facts, asOf, deps.calendar), asOf, deps.calendar))
  }
  return { due, nextAfter }
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
  const policy = (await getPublishedVersion(deps, operatorId)).compiled
  const due: DueRetention[] = []
  let after = options.after
  for (;;) {
    const page = await duePage(deps, policy, operatorId, asOf, { ...(after !== undefined ? { after } : {}), limit: options.limit })
    due.push(...page.due)
    if (due.length >= options.limit || page.nextAfter === null) return due
    after = page.nextAfter
  }
}
