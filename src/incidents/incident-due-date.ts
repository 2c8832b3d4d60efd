import { almatyDate, type BusinessCalendar, type CalendarCoverage, type LocalDate } from '../kz/index.ts'
import type { CompiledPolicy } from '../policy/index.ts'
import { deadlineCandidate, endOfAlmatyDay, type DeadlineCandidate } from '../requests/index.ts'

/** One deadline that applies to notifying the authorised body, counted from discovery. */
export type IncidentDeadlineCandidate = DeadlineCandidate

/** Which rule bound the due date, and what else was weighed — stored as `incidents.due_basis`. */
export interface IncidentDueBasis extends IncidentDeadlineCandidate {
  /** The day of discovery in Almaty: counting starts on the first business day after it. */
  discoveredOn: LocalDate
  coverage: CalendarCoverage
  considered: IncidentDeadlineCandidate[]
}

export interface IncidentDueDate {
  dueOn: LocalDate
  /** The end of `dueOn` in Almaty: overdue after this instant. */
  dueAt: Date
  basis: IncidentDueBasis
}

/**
 * When the authorised body must hear of a breach discovered at
 * `discoveredAt`: art. 25(2)(8) gives one working day from discovery (the
 * law profile's `breach_notice_authority`), a policy may promise less, and
 * the earlier due date wins. Counted in the operator's calendar — "within N
 * working days" starts on the first business day after the day of discovery
 * (DESIGN "Time"), so a breach found on Friday evening is due by the end of
 * Monday, and one found on the eve of Nauryz after it.
 *
 * @example
 * incidentDueDate(kzk, new Date('2026-12-04T20:00:00+05:00'), calendar).dueOn // '2026-12-07' (Monday)
 */
export function incidentDueDate(policy: CompiledPolicy, discoveredAt: Date, calendar: BusinessCalendar): IncidentDueDate {
  const effective = policy.deadlines.get('breach_notice_authority')
  const considered: IncidentDeadlineCandidate[] = []
  if (effective?.policy) considered.push(deadlineCandidate('policy', effective.policy, discoveredAt, calendar))
  if (effective?.law) considered.push(deadlineCandidate('law', effective.law, discoveredAt, calendar))
  // The law profile always carries art. 25(2)(8); an operator profile without it would be a bug, not a free pass.
  if (considered.length === 0) throw new Error('no breach_notice_authority deadline in the law profile or the policy')
  considered.sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0))
  const binding = considered[0]!
  const discoveredOn = almatyDate(discoveredAt)
  const years = new Set([Number(discoveredOn.slice(0, 4)), Number(binding.dueOn.slice(0, 4))])
  const coverage: CalendarCoverage = [...years].every((y) => calendar.coverage(y) === 'official') ? 'official' : 'estimated'
  return { dueOn: binding.dueOn, dueAt: endOfAlmatyDay(binding.dueOn), basis: { ...binding, discoveredOn, coverage, considered } }
}
