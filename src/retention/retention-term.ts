import { addCalendarDays, almatyDate, almatyOffsetMinutes, dayNumber, fromDayNumber, type BusinessCalendar, type LocalDate } from '../kz/index.ts'
import type { DayUnit } from '../policy/index.ts'
import { startOfAlmatyDay, endOfAlmatyDay } from '../requests/index.ts'

/** A retention term: an ISO 8601 duration whose days count in calendar or business days (policy `keepUnit`). */
export interface RetentionTerm {
  keep: string
  unit?: DayUnit | undefined
}

interface DurationParts {
  years: number
  months: number
  days: number
}

const DURATION = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/

export function durationParts(keep: string): DurationParts {
  const m = DURATION.exec(keep)
  if (!m || keep === 'P') throw new RangeError(`not an ISO 8601 duration of years, months, weeks and days: ${keep}`)
  return { years: Number(m[1] ?? 0), months: Number(m[2] ?? 0), days: Number(m[3] ?? 0) * 7 + Number(m[4] ?? 0) }
}

export function isZeroTerm(keep: string): boolean {
  return /^P(0+[YMWD])+$/.test(keep)
}

/** Years and months on the calendar; a day past the month's end falls back to its last day (31 Jan + P1M = 28/29 Feb). */
function addMonths(date: LocalDate, months: number): LocalDate {
  if (months === 0) return date
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const index = y * 12 + (m - 1) + months
  const year = Math.floor(index / 12)
  const month = (index % 12) + 1
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}` as LocalDate
}

/** The last day data is kept: the trigger's day in Almaty plus the term. */
export function lastDayKept(triggeredOn: LocalDate, term: RetentionTerm, calendar: BusinessCalendar): LocalDate {
  const p = durationParts(term.keep)
  const months = addMonths(triggeredOn, p.years * 12 + p.months)
  if (p.days === 0) return months
  return term.unit === 'business' ? calendar.addBusinessDays(months, p.days) : addCalendarDays(months, p.days)
}

/**
 * When a term that started at `triggeredAt` has run out. A zero term (P0D)
 * runs out at the trigger itself; any other is kept through the whole last
 * day in Almaty and runs out as the next day begins (TTC-6.4: ten years after
 * the relationship ends, not a day earlier — Civil Code art. 171: a term in
 * years ends on the same date of its last year).
 *
 * @example
 * termEndsAt(new Date('2026-06-30T10:00:00+05:00'), { keep: 'P10Y' }, calendar) // 2036-06-30T19:00:00Z (1 July 2036, 00:00 Almaty)
 */
export function termEndsAt(triggeredAt: Date, term: RetentionTerm, calendar: BusinessCalendar): Date {
  const ends = endsOf(term, calendar)
  if (ends.zero) return triggeredAt
  // A sweep meets the same trigger days over and over: the end depends only on the day, the term and the calendar.
  // The day is keyed by its number (almatyDate's own arithmetic), so a hit costs no date string.
  const ms = triggeredAt.getTime()
  const day = Math.floor((ms + almatyOffsetMinutes(triggeredAt) * MS_PER_MINUTE) / MS_PER_DAY)
  let end = ends.byDay.get(day)
  if (end === undefined) {
    if (ends.byDay.size >= 100_000) ends.byDay.clear()
    end = startOfAlmatyDay(addCalendarDays(lastDayKept(almatyDate(triggeredAt), term, calendar), 1)).getTime()
    ends.byDay.set(day, end)
  }
  return new Date(end)
}

const MS_PER_MINUTE = 60_000
const MS_PER_DAY = 86_400_000

interface TermEnds {
  zero: boolean
  /** Almaty day number of the trigger → when the term started that day runs out (ms). */
  byDay: Map<number, number>
}

/** Per calendar, per term (`keep`, then `unit`): whether it is zero, and the ends already computed. */
const ENDS = new WeakMap<BusinessCalendar, Map<string, Map<string, TermEnds>>>()

function endsOf(term: RetentionTerm, calendar: BusinessCalendar): TermEnds {
  let byKeep = ENDS.get(calendar)
  if (!byKeep) ENDS.set(calendar, (byKeep = new Map()))
  let byUnit = byKeep.get(term.keep)
  if (!byUnit) byKeep.set(term.keep, (byUnit = new Map()))
  const unit = term.unit ?? 'calendar'
  let ends = byUnit.get(unit)
  if (!ends) byUnit.set(unit, (ends = { zero: isZeroTerm(term.keep), byDay: new Map() }))
  return ends
}

/**
 * The latest trigger instant whose term has run out at `asOf`: a trigger at or
 * before it is due, one after it is not. It lets one SQL statement compare
 * dates with a parameter instead of adding business days row by row; it is
 * exact because `termEndsAt` is monotonic in the trigger's day.
 */
export function termCutoff(term: RetentionTerm, asOf: Date, calendar: BusinessCalendar): Date {
  if (isZeroTerm(term.keep)) return asOf
  // Due when the day after the last day kept has begun: the last day kept is before asOf's day.
  const limit = dayNumber(addCalendarDays(almatyDate(asOf), -1))
  const ends = (day: number) => dayNumber(lastDayKept(fromDayNumber(day), term, calendar))
  const p = durationParts(term.keep)
  // A first guess from the calendar length, then exact steps; business days take at most ~1.4 calendar days each plus holidays.
  let day = limit - Math.round(p.years * 365.25 + p.months * 30.44) - (term.unit === 'business' ? Math.ceil(p.days * 1.4) + 10 : p.days)
  while (ends(day) > limit) day -= 1
  while (ends(day + 1) <= limit) day += 1
  return endOfAlmatyDay(fromDayNumber(day))
}
