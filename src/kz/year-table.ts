import type { CalendarCoverage, CalendarYearData, DayOffTransfer, Holiday } from './calendar-year-data.ts'
import { civilToDayNumber, dayNumber, daysInYear, fromDayNumber, isoWeekday, type LocalDate } from './local-date.ts'

/** Why a day is what it is; the index in this list is the code stored per day. */
export const DAY_KINDS = ['workday', 'weekend', 'holiday', 'moved_holiday', 'transfer_day_off', 'transfer_working_day'] as const
export type DayKind = (typeof DAY_KINDS)[number]

const WORKDAY = 0
const WEEKEND = 1
const HOLIDAY = 2
const MOVED_HOLIDAY = 3
const TRANSFER_DAY_OFF = 4
const TRANSFER_WORKING_DAY = 5

/**
 * One year, precomputed so lookups are array reads: the kind of every day,
 * how many business days come before it, and where each business day falls.
 */
export interface YearTable {
  readonly year: number
  readonly coverage: CalendarCoverage
  /** Day of year (from 0) → index into {@link DAY_KINDS}. */
  readonly kinds: Uint8Array
  /** Business days strictly before each day of year; the last entry is the year's total. */
  readonly rankBefore: Uint16Array
  /** Day of year of the k-th business day. */
  readonly businessDays: Uint16Array
  readonly total: number
  /** The holiday a moved day off stands for, by day of year. */
  readonly movedFrom: ReadonlyMap<number, Holiday>
  readonly holidays: ReadonlyMap<number, Holiday>
  readonly transfers: ReadonlyMap<number, DayOffTransfer>
  /** `YYYY-MM-DD` of each business day, built on first use so results allocate nothing. */
  dates: LocalDate[] | undefined
}

export function isBusinessKind(kind: number): boolean {
  return kind === WORKDAY || kind === TRANSFER_WORKING_DAY
}

/**
 * The days off that non-religious holidays falling on a Saturday or Sunday
 * move to: the next weekday that is not a holiday, a decree day off or already
 * taken by an earlier move (law.md "Working days"). Religious holidays stay put.
 * `following` is the next year's data, so a late-December move sees January.
 */
export function movedHolidays(data: CalendarYearData, following?: CalendarYearData): { day: number; holiday: Holiday }[] {
  const busy = new Set<number>()
  for (const source of following ? [data, following] : [data]) {
    for (const h of source.holidays) busy.add(dayNumber(h.date))
    for (const t of source.transfers) busy.add(dayNumber(t.dayOff))
  }
  const moved: { day: number; holiday: Holiday }[] = []
  for (const holiday of [...data.holidays].sort((a, b) => (a.date < b.date ? -1 : 1))) {
    const day = dayNumber(holiday.date)
    if (holiday.religious || isoWeekday(day) <= 5) continue
    let target = day + 1
    while (isoWeekday(target) > 5 || busy.has(target)) target++
    busy.add(target)
    moved.push({ day: target, holiday })
  }
  return moved
}

/**
 * Builds the table of `year` from its own data and its neighbours' (a move or
 * a transfer may cross New Year). `dataOf` gives any year's data, recorded or
 * estimated.
 */
export function buildYearTable(
  year: number,
  coverage: CalendarCoverage,
  dataOf: (year: number) => CalendarYearData,
): YearTable {
  const first = civilToDayNumber(year, 1, 1)
  const length = daysInYear(year)
  const kinds = new Uint8Array(length)
  for (let i = 0; i < length; i++) kinds[i] = isoWeekday(first + i) > 5 ? WEEKEND : WORKDAY

  const previous = dataOf(year - 1)
  const current = dataOf(year)
  const next = dataOf(year + 1)
  const holidays = new Map<number, Holiday>()
  for (const h of current.holidays) {
    const i = dayNumber(h.date) - first
    kinds[i] = HOLIDAY
    holidays.set(i, h)
  }
  const movedFrom = new Map<number, Holiday>()
  for (const m of [...movedHolidays(previous, current), ...movedHolidays(current, next)]) {
    const i = m.day - first
    if (i < 0 || i >= length) continue
    kinds[i] = MOVED_HOLIDAY
    movedFrom.set(i, m.holiday)
  }
  const transfers = new Map<number, DayOffTransfer>()
  for (const source of [previous, current, next])
    for (const t of source.transfers) {
      const off = dayNumber(t.dayOff) - first
      if (off >= 0 && off < length) {
        kinds[off] = TRANSFER_DAY_OFF
        transfers.set(off, t)
      }
      if (t.workingDay === undefined) continue
      const work = dayNumber(t.workingDay) - first
      if (work >= 0 && work < length) {
        kinds[work] = TRANSFER_WORKING_DAY
        transfers.set(work, t)
      }
    }

  const rankBefore = new Uint16Array(length + 1)
  let total = 0
  for (let i = 0; i < length; i++) {
    rankBefore[i] = total
    if (isBusinessKind(kinds[i]!)) total++
  }
  rankBefore[length] = total
  const businessDays = new Uint16Array(total)
  for (let i = 0, k = 0; i < length; i++) if (isBusinessKind(kinds[i]!)) businessDays[k++] = i
  return { year, coverage, kinds, rankBefore, businessDays, total, movedFrom, holidays, transfers, dates: undefined }
}

/** The `YYYY-MM-DD` of the k-th business day of a table's year. */
export function businessDate(table: YearTable, k: number): LocalDate {
  if (table.dates === undefined) {
    const first = civilToDayNumber(table.year, 1, 1)
    table.dates = Array.from(table.businessDays, (i) => fromDayNumber(first + i))
  }
  return table.dates[k]!
}
