import { sql } from 'kysely'
import { almatyDate, type LocalDate } from '../kz/index.ts'
import { dueBounds } from './list-requests.ts'
import type { SubjectRequestKind } from './request-kinds.ts'
import { CLOSED_STATES } from './request-states.ts'
import type { RequestsDeps } from './requests-deps.ts'

export interface DeadlineCounts {
  /** Still owed an answer. */
  open: number
  /** Open and past the due time. */
  overdue: number
  /** Open, not overdue, due by the end of today (Almaty). */
  dueToday: number
  /** Open, not overdue, due within the reminder lead (business days). */
  dueSoon: number
  /** In `verifying`, waiting for identity proof or authority — their deadlines run too. */
  waiting: number
}

export interface OverdueSummary extends DeadlineCounts {
  asOf: string
  byKind: (DeadlineCounts & { kind: SubjectRequestKind })[]
  /** The request late the longest, so a dashboard can lead with it. */
  oldestOverdue: { requestId: string; reference: string; kind: SubjectRequestKind; dueOn: LocalDate; businessDaysOverdue: number } | null
}

/**
 * Counts of the operator's open requests by deadline, in all and by kind —
 * for dashboards and reports, where an overdue request must be impossible to
 * miss — and the one overdue the longest.
 *
 * @example
 * const { overdue, oldestOverdue } = await overdueSummary(deps, 'ttc')
 */
export async function overdueSummary(deps: Pick<RequestsDeps, 'db' | 'clock' | 'calendar' | 'settings'>, operatorId: string): Promise<OverdueSummary> {
  const now = deps.clock()
  const { endOfToday, endOfSoon } = dueBounds(deps, now)
  const rows = await deps.db
    .selectFrom('requests')
    .select([
      'kind',
      sql<string>`count(*)`.as('open'),
      sql<string>`count(*) filter (where due_at < ${now})`.as('overdue'),
      sql<string>`count(*) filter (where due_at >= ${now} and due_at <= ${endOfToday})`.as('due_today'),
      sql<string>`count(*) filter (where due_at >= ${now} and due_at <= ${endOfSoon})`.as('due_soon'),
      sql<string>`count(*) filter (where state = 'verifying')`.as('waiting'),
    ])
    .where('operator_id', '=', operatorId)
    .where('state', 'not in', CLOSED_STATES)
    .groupBy('kind')
    .orderBy('kind')
    .execute()
  const byKind = rows.map((r) => ({ kind: r.kind, open: Number(r.open), overdue: Number(r.overdue), dueToday: Number(r.due_today), dueSoon: Number(r.due_soon), waiting: Number(r.waiting) }))
  const sum = (key: keyof DeadlineCounts) => byKind.reduce((n, k) => n + k[key], 0)
  const oldest = await deps.db
    .selectFrom('requests')
    .select(['request_id', 'reference', 'kind', 'due_at'])
    .where('operator_id', '=', operatorId)
    .where('state', 'not in', CLOSED_STATES)
    .where('due_at', '<', now)
    .orderBy('due_at')
    .orderBy('request_id')
    .limit(1)
    .executeTakeFirst()
  const dueOn = oldest ? almatyDate(new Date(oldest.due_at)) : undefined
  return {
    asOf: now.toISOString(),
    open: sum('open'),
    overdue: sum('overdue'),
    dueToday: sum('dueToday'),
    dueSoon: sum('dueSoon'),
    waiting: sum('waiting'),
    byKind,
    oldestOverdue: oldest && dueOn
      ? { requestId: oldest.request_id, reference: oldest.reference, kind: oldest.kind, dueOn, businessDaysOverdue: deps.calendar.businessDaysBetween(dueOn, almatyDate(now)) }
      : null,
  }
}
