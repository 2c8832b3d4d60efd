/**
 * A calendar date with no time of day and no zone, `YYYY-MM-DD` (years 0001–9999).
 * Deadlines under Law 94-V are counted in whole days (law.md "Working days"),
 * so dates are kept as plain strings and all day math is integer arithmetic —
 * never `Date` in the local time zone of the server.
 */
export type LocalDate = `${number}-${number}-${number}`

const DAYS_BEFORE_MONTH = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334] as const
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const

/** Largest year a {@link LocalDate} can carry (four digits). */
export const MAX_YEAR = 9999

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

export function daysInYear(year: number): number {
  return isLeapYear(year) ? 366 : 365
}

function readDigits(s: string, from: number, count: number): number {
  let value = 0
  for (let i = from; i < from + count; i++) {
    const digit = s.charCodeAt(i) - 48
    if (digit < 0 || digit > 9) return -1
    value = value * 10 + digit
  }
  return value
}

/**
 * Packs a date into one integer, `year * 512 + dayOfYear` (day of year from 0),
 * or returns -1 when `s` is not a real `YYYY-MM-DD` date. Allocation-free: the
 * business calendar calls it on every lookup.
 *
 * @example
 * packLocalDate('2026-01-02') // 2026 * 512 + 1
 * packLocalDate('2026-02-30') // -1
 */
export function packLocalDate(s: string): number {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return -1
  const year = readDigits(s, 0, 4)
  const month = readDigits(s, 5, 2)
  const day = readDigits(s, 8, 2)
  if (year < 1 || month < 1 || month > 12 || day < 1) return -1
  const leap = isLeapYear(year)
  const monthLength = month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!
  if (day > monthLength) return -1
  return year * 512 + DAYS_BEFORE_MONTH[month - 1]! + (month > 2 && leap ? 1 : 0) + day - 1
}

/**
 * True when `s` is a real calendar date written `YYYY-MM-DD`.
 *
 * @example
 * isLocalDate('2024-02-29') // true
 * isLocalDate('2025-02-29') // false
 */
export function isLocalDate(s: string): s is LocalDate {
  return packLocalDate(s) >= 0
}

/**
 * Checks and narrows a string to {@link LocalDate}; throws a `RangeError` naming it otherwise.
 *
 * @example
 * const due = toLocalDate(row.due_on)
 */
export function toLocalDate(s: string): LocalDate {
  if (!isLocalDate(s)) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${JSON.stringify(s)}`)
  return s
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function civilToDayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yearOfEra = y - era * 400
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear
  return era * 146097 + dayOfEra - 719468
}

/**
 * Days since 1970-01-01 (UTC day number) of a date.
 *
 * @example
 * dayNumber('1970-01-02') // 1
 */
export function dayNumber(date: LocalDate): number {
  const packed = packLocalDate(date)
  if (packed < 0) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`)
  const year = Math.floor(packed / 512)
  return civilToDayNumber(year, 1, 1) + (packed % 512)
}

/**
 * The date of a UTC day number (H. Hinnant's civil_from_days).
 *
 * @example
 * fromDayNumber(0) // '1970-01-01'
 */
export function fromDayNumber(days: number): LocalDate {
  const z = days + 719468
  const era = Math.floor(z / 146097)
  const dayOfEra = z - era * 146097
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  )
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100))
  const mp = Math.floor((5 * dayOfYear + 2) / 153)
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1
  const month = mp < 10 ? mp + 3 : mp - 9
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
  if (year < 1 || year > MAX_YEAR) throw new RangeError(`day number ${days} is outside years 0001–${MAX_YEAR}`)
  return formatLocalDate(year, month, day)
}

/** Writes year, month and day as `YYYY-MM-DD` without checking them. */
export function formatLocalDate(year: number, month: number, day: number): LocalDate {
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}` as LocalDate
}

/**
 * ISO weekday of a UTC day number: 1 = Monday … 6 = Saturday, 7 = Sunday.
 *
 * @example
 * isoWeekday(dayNumber('2026-11-20')) // 5 (Friday)
 */
export function isoWeekday(days: number): number {
  return ((((days + 3) % 7) + 7) % 7) + 1
}

/**
 * The date `n` calendar days after `date` (`n` may be negative).
 *
 * @example
 * addCalendarDays('2024-02-28', 2) // '2024-03-01'
 */
export function addCalendarDays(date: LocalDate, n: number): LocalDate {
  return fromDayNumber(dayNumber(date) + n)
}
