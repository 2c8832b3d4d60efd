import { sql, type RawBuilder } from 'kysely'

/**
 * Open requests that hold a subject's data: the data is needed to answer them
 * (access, information, a correction, a complaint or dispute). Requests that
 * themselves ask for the data to end (destroy, anonymise, withdraw, block, stop)
 * do not hold it.
 */
export const HOLDING_REQUEST_KINDS = [
  'information', 'access', 'rectify', 'supplement', 'unblock', 'complaint', 'automated_decision_objection', 'remove_published',
] as const

/** The request kind whose receipt is the `deletion_request` trigger (TW-6.3, ESP-8). */
export const DELETION_REQUEST_KIND = 'destroy_unlawful'

/**
 * A JSON array of the facts `subjectRetention` reads, for each subject of
 * `ids` (a relation with a `subject_id` column) — one correlated subquery per
 * fact, run only for the subjects a page found due or a console asks about.
 */
export function subjectFactsColumns(operatorId: string): RawBuilder<unknown> {
  return sql`
    (select coalesce(jsonb_agg(jsonb_build_object('i', v.item_id, 'n', v.value_no, 'c', v.collected_at, 'p', v.purposes) order by v.item_id, v.value_no), '[]')
       from vault_items v where v.operator_id = ${operatorId} and v.subject_id = s.subject_id) as items,
    (select coalesce(jsonb_agg(jsonb_build_object('p', c.purpose_id, 'w', c.w, 'e', c.e)), '[]') from (
       select purpose_id,
         case when bool_and(withdrawal_effective_at is not null) then max(withdrawal_effective_at) end as w,
         case when bool_and(expires_at is not null) then max(expires_at) end as e
       from consent_state where operator_id = ${operatorId} and subject_id = s.subject_id group by purpose_id) c) as consents,
    (select coalesce(jsonb_agg(jsonb_build_object('t', t.trigger, 'p', t.purpose_id, 'at', t.occurred_at)), '[]')
       from retention_triggers t where t.operator_id = ${operatorId} and t.subject_id = s.subject_id) as recorded,
    (select min(q.received_at) from requests q
       where q.operator_id = ${operatorId} and q.subject_id = s.subject_id and q.kind = ${DELETION_REQUEST_KIND} and q.state <> 'refused') as deletion_requested_at`
}
