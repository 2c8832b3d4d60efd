const MS_PER_DAY = 86_400_000

/** An ISO 8601 calendar duration split into its parts: P10Y → { years: 10, months: 0, days: 0 }. */
export interface CalendarDuration {
  readonly years: number
  readonly months: number
  readonly days: number
}

/**
 * Parses the policy's durations (P10Y, P6M, P2W, P15D, and combinations).
 *
 * @example
 * parseCalendarDuration('P1Y6M') // { years: 1, months: 6, days: 0 }
 */
export function parseCalendarDuration(text: string): CalendarDuration {
  const match = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/.exec(text)
  if (!match || text === 'P') throw new RangeError(`'${text}' is not an ISO 8601 duration of years, months, weeks and days`)
  return { years: Number(match[1] ?? 0), months: Number(match[2] ?? 0), days: Number(match[3] ?? 0) * 7 + Number(match[4] ?? 0) }
}

// Days from 1970-01-01 to a civil date and back (H. Hinnant's algorithms), so
// the engine shifts instants by calendar months with integer arithmetic only:
// a decision allocates nothing on its allow path, not even a Date.
function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146_097 + doe - 719_468
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
}

function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeap(y) ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31
}

/**
 * The instant `duration` before `ms`, in the UTC calendar: years and months
 * first with the day clamped to the month's end (as PostgreSQL does), then days.
 *
 * @example
 * new Date(subtractCalendarDuration(Date.parse('2026-03-31T00:00:00Z'), { years: 0, months: 1, days: 0 })).toISOString() // '2026-02-28T00:00:00.000Z'
 */
export function subtractCalendarDuration(ms: number, duration: CalendarDuration): number {
  const dayNumber = Math.floor(ms / MS_PER_DAY)
  const timeOfDay = ms - dayNumber * MS_PER_DAY
  // civil-from-days
  const z = dayNumber + 719_468
  const era = Math.floor(z / 146_097)
  const doe = z - era * 146_097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1
  const m = mp < 10 ? mp + 3 : mp - 9
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0)
  const monthIndex = y * 12 + (m - 1) - duration.years * 12 - duration.months
  const newYear = Math.floor(monthIndex / 12)
  const newMonth = monthIndex - newYear * 12 + 1
  const newDay = Math.min(d, daysInMonth(newYear, newMonth))
  return (daysFromCivil(newYear, newMonth, newDay) - duration.days) * MS_PER_DAY + timeOfDay
}
