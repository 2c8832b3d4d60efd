import { almatyOffsetMinutes, type LocalDate } from '../../kz/index.ts'

/**
 * The instant a calendar day begins in Almaty: a withdrawal with a notice
 * period takes effect at the start of its due day (ESP App.1 §5).
 *
 * @example
 * startOfAlmatyDay('2026-04-08') // 2026-04-07T19:00:00.000Z
 */
export function startOfAlmatyDay(date: LocalDate): Date {
  const utcMidnight = Date.parse(`${date}T00:00:00Z`)
  if (Number.isNaN(utcMidnight)) throw new RangeError(`not a calendar date: ${date}`)
  return new Date(utcMidnight - almatyOffsetMinutes(new Date(utcMidnight + 12 * 3_600_000)) * 60_000)
}
