import { addCalendarDays, almatyDate, type BusinessCalendar, type LocalDate } from '../kz/index.ts'
import type { CalendarCoverage } from '../kz/index.ts'
import type { CompiledPolicy, Deadline, DayUnit } from '../policy/index.ts'
import { endOfAlmatyDay } from './almaty-day-bounds.ts'
import type { SubjectRequestKind } from './request-kinds.ts'
import type { RequestSettings } from './request-settings.ts'

/** Where a deadline comes from: the operator's policy, Law 94-V, or the installation's default. */
export type DeadlineRule = 'policy' | 'law' | 'default'

/** One deadline that applies to a request, counted from its receipt. */
export interface DeadlineCandidate {
  rule: DeadlineRule
  days: number
  unit: DayUnit
  /** The due date it gives, in Almaty. */
  dueOn: LocalDate
  /** The policy's clauses (`TTC-9.3`). */
  clauses?: string[]
  /** The law's article (`art. 8(7)`). */
  article?: string
  /** law.md marks the figure [U], or it is the installation's default: configurable, not a confirmed rule. */
  unconfirmed?: boolean
}

/** Which rule bound a request's due date, and what else was weighed — stored as `requests.due_basis`. */
export interface DueBasis extends DeadlineCandidate {
  /** The day of receipt in Almaty: counting starts on the first business day after it. */
  receivedOn: LocalDate
  /** `estimated` when a year crossed has no calendar data (no decree transfers known): promise the date with care. */
  coverage: CalendarCoverage
  /** Every deadline that applied, the binding one first. */
  considered: DeadlineCandidate[]
}

export interface RequestDueDate {
  dueOn: LocalDate
  /** The end of `dueOn` in Almaty: overdue after this instant. */
  dueAt: Date
  basis: DueBasis
}

/** One deadline counted from `from` in the operator's calendar: requests count from receipt, incidents from discovery. */
export function deadlineCandidate(rule: DeadlineRule, deadline: Deadline & { article?: string; unconfirmed?: boolean }, receivedAt: Date, calendar: BusinessCalendar): DeadlineCandidate {
  // "Within N business days of receipt" counts from the first business day after receipt (DESIGN "Time");
  // N calendar days likewise from the day after. A calendar deadline that ends on a day off is not moved
  // to the next business day: the earlier reading is the safe one for the operator.
  const dueOn = deadline.unit === 'business' ? calendar.dueAt(receivedAt, deadline.days) : addCalendarDays(almatyDate(receivedAt), deadline.days)
  return {
    rule,
    days: deadline.days,
    unit: deadline.unit,
    dueOn,
    ...(deadline.clauses && deadline.clauses.length > 0 ? { clauses: [...deadline.clauses] } : {}),
    ...(deadline.article ? { article: deadline.article } : {}),
    ...(deadline.unconfirmed ? { unconfirmed: true } : {}),
  }
}

/**
 * The due date of a request received at `receivedAt`: every deadline the
 * policy and Law 94-V set for its kind is counted in the operator's calendar
 * (Kazakhstan holidays, transferred days off, Asia/Almaty), and the earliest
 * due date wins — the stricter rule (law.md: "the stricter deadline wins").
 * Where neither sets one (information and access are "not in the law",
 * law.md [U]; complaints outside KZK-7.1) the installation's default of
 * `defaultDeadlineDays` working days applies, marked unconfirmed.
 *
 * @example
 * // TTC-9.3: a withdrawal received on Friday 20 March 2026 — Nauryz 21–25 March — is due Thursday 26 March,
 * // not after art. 8(7)'s 15 working days.
 * dueDate(ttc, 'withdraw_consent', new Date('2026-03-20T10:00:00+05:00'), calendar, { defaultDeadlineDays: 15 })
 * // { dueOn: '2026-03-26', dueAt: 2026-03-26T18:59:59.999Z, basis: { rule: 'policy', days: 1, unit: 'business', clauses: ['TTC-9.3'], … } }
 */
export function dueDate(
  policy: CompiledPolicy,
  kind: SubjectRequestKind,
  receivedAt: Date,
  calendar: BusinessCalendar,
  config: Pick<RequestSettings, 'defaultDeadlineDays'>,
): RequestDueDate {
  const effective = policy.deadlines.get(kind)
  const considered: DeadlineCandidate[] = []
  if (effective?.policy) considered.push(deadlineCandidate('policy', effective.policy, receivedAt, calendar))
  if (effective?.law) considered.push(deadlineCandidate('law', effective.law, receivedAt, calendar))
  if (considered.length === 0) {
    considered.push(deadlineCandidate('default', { days: config.defaultDeadlineDays, unit: 'business', unconfirmed: true }, receivedAt, calendar))
  }
  // Earliest first; on a tie the policy's own promise is named, as the operator published it.
  considered.sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0))
  const binding = considered[0]!
  const receivedOn = almatyDate(receivedAt)
  const years = new Set([Number(receivedOn.slice(0, 4)), Number(binding.dueOn.slice(0, 4))])
  const coverage: CalendarCoverage = [...years].every((y) => calendar.coverage(y) === 'official') ? 'official' : 'estimated'
  return { dueOn: binding.dueOn, dueAt: endOfAlmatyDay(binding.dueOn), basis: { ...binding, receivedOn, coverage, considered } }
}
