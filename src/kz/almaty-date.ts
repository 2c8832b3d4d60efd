import { fromDayNumber, type LocalDate } from './local-date.ts'

const MS_PER_DAY = 86_400_000
const MS_PER_MINUTE = 60_000

/** 2004-10-31 02:00 local (+07): Almaty left daylight saving time and stayed on UTC+6. */
const FIXED_OFFSETS_FROM_MS = Date.UTC(2004, 9, 30, 20)
/** 2024-03-01 00:00 local (+06): the whole country moved to UTC+5 (law.md "Working days"). */
const UTC5_FROM_MS = Date.UTC(2024, 1, 29, 18)

let historicFormat: Intl.DateTimeFormat | undefined

function historicOffsetMinutes(ms: number): number {
  // Before 2004 Almaty kept daylight saving time; only the tz database knows those rules.
  historicFormat ??= new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Almaty', timeZoneName: 'longOffset' })
  const name = historicFormat.formatToParts(ms).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT+06:00'
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name)
  if (!match) return 360
  const minutes = Number(match[2]) * 60 + Number(match[3])
  return match[1] === '-' ? -minutes : minutes
}

/**
 * Offset of Asia/Almaty from UTC at an instant, in minutes: +360 until
 * 2024-03-01, +300 since. The two recent rules are written here rather than
 * read from ICU so that a Node build with stale time-zone data still dates a
 * request correctly; earlier instants ask the tz database.
 *
 * @example
 * almatyOffsetMinutes(new Date('2025-06-01T00:00:00Z')) // 300
 */
export function almatyOffsetMinutes(instant: Date): number {
  const ms = instant.getTime()
  if (Number.isNaN(ms)) throw new RangeError('invalid Date')
  if (ms >= UTC5_FROM_MS) return 300
  if (ms >= FIXED_OFFSETS_FROM_MS) return 360
  return historicOffsetMinutes(ms)
}

/**
 * The calendar date in Almaty at an instant — the day a request was received
 * for counting deadlines.
 *
 * @example
 * almatyDate(new Date('2026-11-20T19:30:00Z')) // '2026-11-21' (00:30 in Almaty)
 */
export function almatyDate(instant: Date): LocalDate {
  const ms = instant.getTime() + almatyOffsetMinutes(instant) * MS_PER_MINUTE
  return fromDayNumber(Math.floor(ms / MS_PER_DAY))
}
