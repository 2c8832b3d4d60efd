import { almatyDate } from '../kz/index.ts'
import { endOfAlmatyDay } from '../requests/index.ts'
import { INCIDENT_STATUSES, type IncidentStatus } from './incident-kinds.ts'
import { toIncidentView, type IncidentView } from './incident-view.ts'
import type { IncidentsDeps } from './incidents-deps.ts'

export interface IncidentFilters {
  /** Only incidents whose notice to the authorised body is past due and not recorded. */
  overdue?: boolean | undefined
  status?: IncidentStatus | undefined
  limit?: number | undefined
}

/** The register at a glance: what still owes the authorised body a notice, and what was late. */
export interface IncidentSummary {
  asOf: string
  total: number
  /** Not yet notified. */
  awaitingNotice: number
  /** Not notified and past the due time — must be impossible to miss. */
  overdue: number
  /** Not notified, not overdue, due by the end of today (Almaty). */
  dueToday: number
  /** Notified after the due time (recorded, never hidden). */
  notifiedLate: number
  byStatus: Record<IncidentStatus, number>
}

export interface IncidentList {
  incidents: IncidentView[]
  summary: IncidentSummary
}

/**
 * The operator's breach register, unnotified and earliest due first, with a
 * summary in which overdue incidents are counted apart.
 *
 * @example
 * const { incidents, summary } = await listIncidents(deps, 'kzk', { overdue: true })
 */
export async function listIncidents(deps: Pick<IncidentsDeps, 'db' | 'clock' | 'calendar'>, operatorId: string, filters: IncidentFilters = {}): Promise<IncidentList> {
  const now = deps.clock()
  let query = deps.db.selectFrom('incidents').selectAll().where('operator_id', '=', operatorId)
  if (filters.overdue === true) query = query.where('authority_notified_at', 'is', null).where('due_at', '<', now)
  if (filters.overdue === false) query = query.where((eb) => eb.or([eb('authority_notified_at', 'is not', null), eb('due_at', '>=', now)]))
  if (filters.status) query = query.where('status', '=', filters.status)
  const rows = await query
    .orderBy((eb) => eb.case().when('authority_notified_at', 'is', null).then(0).else(1).end())
    .orderBy('due_at').orderBy('reference').limit(filters.limit ?? 200).execute()

  const all = await deps.db.selectFrom('incidents').select(['status', 'due_at', 'authority_notified_at', 'authority_notice']).where('operator_id', '=', operatorId).execute()
  const endOfToday = endOfAlmatyDay(almatyDate(now))
  const byStatus = Object.fromEntries(INCIDENT_STATUSES.map((s) => [s, 0])) as Record<IncidentStatus, number>
  const summary: IncidentSummary = { asOf: now.toISOString(), total: all.length, awaitingNotice: 0, overdue: 0, dueToday: 0, notifiedLate: 0, byStatus }
  for (const row of all) {
    byStatus[row.status] += 1
    const dueAt = new Date(row.due_at)
    if (row.authority_notified_at === null) {
      summary.awaitingNotice += 1
      if (now > dueAt) summary.overdue += 1
      else if (dueAt <= endOfToday) summary.dueToday += 1
    } else if (row.authority_notice?.late) summary.notifiedLate += 1
  }
  return { incidents: rows.map((r) => toIncidentView(r, now, deps.calendar)), summary }
}
