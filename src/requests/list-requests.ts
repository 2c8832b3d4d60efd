import { almatyDate } from '../kz/index.ts'
import { endOfAlmatyDay } from './almaty-day-bounds.ts'
import type { RequestState, SubjectRequestKind } from './request-kinds.ts'
import { CLOSED_STATES, OPEN_STATES } from './request-states.ts'
import { toRequestView, type RequestView } from './request-view.ts'
import type { RequestsDeps } from './requests-deps.ts'

/** Which requests by their deadline: past it, due by the end of today, or due within the reminder lead. */
export const DUE_FILTERS = ['overdue', 'today', 'soon'] as const
export type DueFilter = (typeof DUE_FILTERS)[number]

export interface RequestFilters {
  /** One state, or `open` for every state still owed an answer. */
  state?: RequestState | 'open' | undefined
  kind?: SubjectRequestKind | undefined
  subjectId?: string | undefined
  due?: DueFilter | undefined
  limit?: number | undefined
  offset?: number | undefined
}

export interface RequestList {
  /** Sorted by due date, earliest first: what is overdue comes first. */
  items: RequestView[]
  /** How many match the filters, beyond this page too. */
  total: number
  /** Open requests of the operator past their due time, whatever the filters — never out of sight. */
  overdue: number
}

/** The bounds of the `due` filters at `now`, in the operator's calendar. */
export function dueBounds(deps: Pick<RequestsDeps, 'calendar' | 'settings'>, now: Date): { endOfToday: Date; endOfSoon: Date } {
  const today = almatyDate(now)
  return { endOfToday: endOfAlmatyDay(today), endOfSoon: endOfAlmatyDay(deps.calendar.addBusinessDays(today, deps.settings.reminderLeadDays)) }
}

/**
 * The operator's requests, earliest due first, each with `overdue` and the
 * business days left. Filters: state (or `open`), kind, subject, and `due`:
 * `overdue` (open, past the due time), `today` (open, due by the end of today
 * in Almaty), `soon` (open, due within the reminder lead in business days).
 * `overdue` in the answer counts every open overdue request of the operator,
 * so a filtered page never hides that something is late.
 *
 * @example
 * const { items, overdue } = await listRequests(deps, 'tw', { due: 'soon' })
 */
export async function listRequests(deps: Pick<RequestsDeps, 'db' | 'clock' | 'calendar' | 'settings'>, operatorId: string, filters: RequestFilters = {}): Promise<RequestList> {
  const now = deps.clock()
  const { endOfToday, endOfSoon } = dueBounds(deps, now)
  let query = deps.db.selectFrom('requests').where('operator_id', '=', operatorId)
  if (filters.state === 'open') query = query.where('state', 'in', OPEN_STATES)
  else if (filters.state) query = query.where('state', '=', filters.state)
  if (filters.kind) query = query.where('kind', '=', filters.kind)
  if (filters.subjectId) query = query.where('subject_id', '=', filters.subjectId)
  if (filters.due) {
    query = query.where('state', 'not in', CLOSED_STATES)
    if (filters.due === 'overdue') query = query.where('due_at', '<', now)
    else query = query.where('due_at', '>=', now).where('due_at', '<=', filters.due === 'today' ? endOfToday : endOfSoon)
  }
  const rows = await query
    .selectAll()
    .orderBy('due_at')
    .orderBy('received_at')
    .orderBy('request_id')
    .limit(filters.limit ?? 100)
    .offset(filters.offset ?? 0)
    .execute()
  const total = await query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()
  const overdue = await deps.db
    .selectFrom('requests')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('operator_id', '=', operatorId)
    .where('state', 'not in', CLOSED_STATES)
    .where('due_at', '<', now)
    .executeTakeFirstOrThrow()
  return { items: rows.map((row) => toRequestView(row, now, deps.calendar)), total: Number(total.n), overdue: Number(overdue.n) }
}
