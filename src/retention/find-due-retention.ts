import { sql } from 'kysely'
import { getPublishedVersion } from '../operators/index.ts'
import type { CompiledPolicy } from '../policy/index.ts'
import type { DueRetention } from './due-retention.ts'
import type { RetentionDeps } from './retention-deps.ts'
import { planRecords, retentionPlan } from './retention-plan.ts'
import { DELETION_REQUEST_KIND, HOLDING_REQUEST_KINDS, subjectFactsColumns } from './subject-facts-sql.ts'
import { toSubjectFacts, type SubjectFactsRow } from './subject-facts.ts'
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
  const { rows } = await sql<SubjectFactsRow & { last_id: string }>`
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
    recorded as (
      select subject_id, trigger, purpose_id, occurred_at from retention_triggers
      where operator_id = ${operatorId} and subject_id > ${after} and subject_id <= (select hi from bounds)
    ),
    deletion as (
      select subject_id, min(received_at) as at from requests
      where operator_id = ${operatorId} and subject_id > ${after} and subject_id <= (select hi from bounds)
        and kind = ${DELETION_REQUEST_KIND} and state <> 'refused'
      group by subject_id
    ),
    consent as (
      select subject_id, purpose_id,
        case when bool_and(withdrawal_effective_at is not null) then max(withdrawal_effective_at) end as w,
        case when bool_and(expires_at is not null) then max(expires_at) end as e
      from consent_state
      where operator_id = ${operatorId} and subject_id > ${after} and subject_id <= (select hi from bounds)
      group by subject_id, purpose_id
    ),
    item_purposes as (
      select v.subject_id, v.item_id, v.value_no, v.collected_at, ip.purpose_id
      from vault_items v cross join lateral jsonb_array_elements_text(v.purposes) as ip(purpose_id)
      where v.operator_id = ${operatorId} and v.subject_id > ${after} and v.subject_id <= (select hi from bounds)
    ),
    item_verdicts as (
      select ip.subject_id, bool_and(
        coalesce(
          ip.collected_at <= pl.c_collection or pg.relationship_ended_at <= pl.c_relationship_end
          or ce.occurred_at <= pl.c_contract_end or ac.occurred_at <= pl.c_account_closed or d.at <= pl.c_deletion_request
          or c.w <= pl.c_consent_withdrawn or c.e <= pl.c_consent_expired or pa.occurred_at <= pl.c_purpose_achieved,
          false)
        and case when pl.s_from is null then true else coalesce(
          (case pl.s_from
            when 'collection' then ip.collected_at when 'relationship_end' then pg.relationship_ended_at
            when 'contract_end' then ce.occurred_at when 'account_closed' then ac.occurred_at when 'deletion_request' then d.at
            when 'consent_withdrawn' then c.w when 'consent_expired' then c.e when 'purpose_achieved' then pa.occurred_at end) <= pl.s_cutoff,
          false) end
      ) as may_go
      from item_purposes ip
      join page pg on pg.subject_id = ip.subject_id
      join item_category ic on ic.item_id = ip.item_id
      join plan pl on pl.purpose_id = ip.purpose_id and pl.category_id = ic.category_id
      left join recorded ce on ce.subject_id = ip.subject_id and ce.trigger = 'contract_end'
      left join recorded ac on ac.subject_id = ip.subject_id and ac.trigger = 'account_closed'
      left join recorded pa on pa.subject_id = ip.subject_id and pa.trigger = 'purpose_achieved' and pa.purpose_id = ip.purpose_id
      left join deletion d on d.subject_id = ip.subject_id
      left join consent c on c.subject_id = ip.subject_id and c.purpose_id = ip.purpose_id
      group by ip.subject_id, ip.item_id, ip.value_no
    ),
    with_items as (select distinct subject_id from item_purposes),
    candidates as (
      select subject_id from item_verdicts where may_go
      union
      -- A subject without data items: due when its subject-level clocks ran out (decided exactly by subjectRetention).
      select pg.subject_id from page pg
      left join deletion d on d.subject_id = pg.subject_id
      where not exists (select 1 from with_items w where w.subject_id = pg.subject_id) and (
        pg.relationship_ended_at <= (select max(c_relationship_end) from plan)
        or d.at <= (select max(c_deletion_request) from plan)
        or exists (select 1 from recorded r where r.subject_id = pg.subject_id)
        or exists (select 1 from consent c where c.subject_id = pg.subject_id and (c.w is not null or c.e is not null)))
    )
    select s.subject_id, s.kind, s.status, s.relationship_ended_at, (select hi from bounds) as last_id,
      ${subjectFactsColumns(operatorId)}
    from page s
    where s.subject_id in (select subject_id from candidates) and s.subject_id not in (select subject_id from held)
    union all
    -- The page's end, so the caller can go on even when nothing in it is due.
    select null, null, null, null, (select hi from bounds), null, null, null, null
    order by 1 nulls last`.execute(deps.db)
  const nextAfter = rows.at(-1)?.last_id ?? null
  const due: DueRetention[] = []
  for (const row of rows) {
    if (row.subject_id === null) continue
    const facts = toSubjectFacts(row)
    due.push(...dueSteps(policy, facts, subjectRetention(policy, facts, asOf, deps.calendar), asOf, deps.calendar))
  }
  return { due, nextAfter }
}

/**
 * What retention is due at `asOf` for the subjects after `after`, in
 * subject_id order: the steps of the first page of `limit` subjects that has
 * any. An empty answer means nothing more is due; pass the last answer's
 * last `subjectId` as `after` to go on (issue 5 §1).
 *
 * @example
 * let after: string | undefined
 * for (;;) {
 *   const due = await findDueRetention(deps, 'ttc', deps.clock(), { after, limit: 5000 })
 *   if (due.length === 0) break
 *   // … run the steps …
 *   after = due.at(-1)!.subjectId
 * }
 */
export async function findDueRetention(deps: Pick<RetentionDeps, 'db' | 'calendar' | 'clock'>, operatorId: string, asOf: Date, options: DuePageOptions): Promise<DueRetention[]> {
  const policy = (await getPublishedVersion(deps, operatorId)).compiled
  let after = options.after
  for (;;) {
    const page = await duePage(deps, policy, operatorId, asOf, { ...(after !== undefined ? { after } : {}), limit: options.limit })
    if (page.due.length > 0 || page.nextAfter === null) return page.due
    after = page.nextAfter
  }
}
