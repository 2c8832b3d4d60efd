import { addCalendarDays, almatyOffsetMinutes, type LocalDate } from '../kz/index.ts'

/**
 * The instant a calendar day begins in Almaty.
 *
 * @example
 * startOfAlmatyDay('2026-12-03') // 2026-12-02T19:00:00.000Z
 */
export function startOfAlmatyDay(date: LocalDate): Date {
  const utcMidnight = Date.parse(`${date}T00:00:00Z`)
  if (Number.isNaN(utcMidnight)) throw new RangeError(`not a calendar date: ${date}`)
  return new Date(utcMidnight - almatyOffsetMinutes(new Date(utcMidnight + 12 * 3_600_000)) * 60_000)
}

/**
 * The last millisecond of a calendar day in Almaty: a request due on a day
 * may be answered until that day ends there (DESIGN "Time").
 *
 * @example
 * endOfAlmatyDay('2026-12-03') // 2026-12-03T18:59:59.999Z
 */
export function endOfAlmatyDay(date: LocalDate): Date {
  return new Date(startOfAlmatyDay(addCalendarDays(date, 1)).getTime() - 1)
}
