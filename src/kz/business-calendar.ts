import { DerbesError } from '../errors/index.ts'
import { almatyDate } from './almaty-date.ts'
import type { CalendarCoverage, CalendarYearData, DayOffTransfer, Holiday } from './calendar-year-data.ts'
import { estimateYearData } from './estimate-year-data.ts'
import { MAX_YEAR, packLocalDate, type LocalDate } from './local-date.ts'
import { OFFICIAL_CALENDAR_YEARS } from './official-calendar.ts'
import { parseYearData } from './validate-year-data.ts'
import { businessDate, buildYearTable, DAY_KINDS, isBusinessKind, type DayKind, type YearTable } from './year-table.ts'

/** What the calendar says about one date, for explaining a deadline to a person. */
export interface DayDescription {
  date: LocalDate
  businessDay: boolean
  kind: DayKind
  /** The holiday on this date, or the one a moved day off stands for. */
  holiday?: Holiday
  transfer?: DayOffTransfer
  coverage: CalendarCoverage
}

/** Freezes a year deeply, so no caller can change a calendar after its tables are built. */
function freezeYear(data: CalendarYearData): CalendarYearData {
  for (const h of data.holidays) Object.freeze(Object.freeze(h).name)
  for (const t of data.transfers) Object.freeze(t)
  Object.freeze(data.holidays)
  Object.freeze(data.transfers)
  return Object.freeze(data)
}

function unpack(date: LocalDate): number {
  const packed = packLocalDate(date)
  if (packed < 0) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`)
  return packed
}

function checkCount(n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`a number of business days must be a whole number ≥ 0, got ${n}`)
}

/**
 * Kazakhstan's business days: Saturday and Sunday off, public holidays off,
 * non-religious holidays on a weekend moved to the next working day, and the
 * transfers ordered each year (law.md "Working days"). Built from the
 * repository's year data plus any operator data; years with neither are
 * estimated from the rules — ask {@link coverage} before promising a date.
 *
 * Counting follows the law's "within N working days of receipt": day 1 is the
 * first business day after the day of receipt, so a request received on
 * Friday 20 November 2026 with 1 business day is due Monday 23 November.
 *
 * Instances are immutable; {@link extend} returns a new one. Each instance
 * caches one small table per year it has been asked about.
 *
 * @example
 * const calendar = new BusinessCalendar()
 * calendar.addBusinessDays('2026-11-20', 1)                  // '2026-11-23'
 * calendar.dueAt(new Date('2026-03-20T10:00:00Z'), 1)        // '2026-03-26' (Nauryz 21–25 March)
 * calendar.coverage(2030)                                    // 'estimated'
 */
export class BusinessCalendar {
  readonly #data: ReadonlyMap<number, CalendarYearData>
  readonly #estimated = new Map<number, CalendarYearData>()
  readonly #tables = new Map<number, YearTable>()
  #lastTable: YearTable | undefined

  /**
   * @param years calendar data by year, each copied and checked with
   *   `validateYearData` (throws `DERBES_VALIDATION` on the first bad year);
   *   defaults to the repository's.
   */
  constructor(years: readonly CalendarYearData[] = OFFICIAL_CALENDAR_YEARS) {
    const data = new Map<number, CalendarYearData>()
    for (const input of years) {
      const year = parseYearData(structuredClone(input))
      if (data.has(year.year)) throw new DerbesError('DERBES_VALIDATION', `calendar data for ${year.year} is given twice`)
      data.set(year.year, freezeYear(year))
    }
    this.#data = data
  }

  /**
   * A calendar with operator data added: a year not covered yet becomes
   * covered, a covered year is replaced whole (to amend one, start from
   * {@link yearData}). Throws `DERBES_VALIDATION` listing every problem.
   *
   * @example
   * const amended = calendar.extend({ ...calendar.yearData(2026), transfers: [{ dayOff: '2026-12-31', workingDay: '2026-12-26', source: 'order …' }] })
   */
  extend(...years: CalendarYearData[]): BusinessCalendar {
    const merged = new Map(this.#data)
    for (const input of years) {
      const year = parseYearData(input)
      merged.set(year.year, year)
    }
    return new BusinessCalendar([...merged.values()])
  }

  /**
   * `official` when the year comes from data (repository or operator),
   * `estimated` when only the rules are known — no decree transfers, Kurban Ait guessed.
   *
   * @example
   * calendar.coverage(2026) // 'official'
   */
  coverage(year: number): CalendarCoverage {
    return this.#data.has(year) ? 'official' : 'estimated'
  }

  /**
   * The data a year is computed from, recorded or estimated.
   *
   * @example
   * calendar.yearData(2025).transfers // [{ dayOff: '2025-01-03', workingDay: '2025-01-05' }]
   */
  yearData(year: number): CalendarYearData {
    const recorded = this.#data.get(year)
    if (recorded) return recorded
    let estimated = this.#estimated.get(year)
    if (!estimated) {
      estimated = freezeYear(estimateYearData(year))
      this.#estimated.set(year, estimated)
    }
    return estimated
  }

  #table(year: number): YearTable {
    const last = this.#lastTable
    if (last !== undefined && last.year === year) return last
    let table = this.#tables.get(year)
    if (table === undefined) {
      if (year < 1 || year > MAX_YEAR) throw new RangeError(`year ${year} is outside 0001–${MAX_YEAR}`)
      table = buildYearTable(year, this.coverage(year), (y) => this.yearData(y))
      this.#tables.set(year, table)
    }
    this.#lastTable = table
    return table
  }

  /**
   * @example
   * calendar.isBusinessDay('2025-03-10') // false — 8 March fell on a Saturday
   */
  isBusinessDay(date: LocalDate): boolean {
    const packed = unpack(date)
    return isBusinessKind(this.#table(packed >>> 9).kinds[packed & 511]!)
  }

  /**
   * Why a date is a business day or not.
   *
   * @example
   * calendar.describeDay('2025-01-05') // { businessDay: true, kind: 'transfer_working_day', transfer: { dayOff: '2025-01-03', … }, … }
   */
  describeDay(date: LocalDate): DayDescription {
    const packed = unpack(date)
    const table = this.#table(packed >>> 9)
    const i = packed & 511
    const kind = DAY_KINDS[table.kinds[i]!]!
    const description: DayDescription = { date, businessDay: isBusinessKind(table.kinds[i]!), kind, coverage: table.coverage }
    const holiday = table.holidays.get(i) ?? table.movedFrom.get(i)
    if (holiday) description.holiday = holiday
    const transfer = table.transfers.get(i)
    if (transfer) description.transfer = transfer
    return description
  }

  /**
   * The n-th business day after `date` (day 1 is the first business day after
   * it). For n = 0, `date` itself when it is a business day, else the next one
   * — a "0 working days" deadline is due on the first day one can act.
   * Constant time per year crossed: two array reads, no date arithmetic.
   *
   * @example
   * calendar.addBusinessDays('2026-11-20', 1) // '2026-11-23' (Friday → Monday)
   * calendar.addBusinessDays('2026-11-21', 0) // '2026-11-23'
   */
  addBusinessDays(date: LocalDate, n: number): LocalDate {
    checkCount(n)
    const packed = unpack(date)
    let year = packed >>> 9
    const dayOfYear = packed & 511
    let table = this.#table(year)
    // Index, among the year's business days, of the answer: days up to `date`, plus n, from 0.
    let k = n === 0 ? table.rankBefore[dayOfYear]! : table.rankBefore[dayOfYear + 1]! + n - 1
    while (k >= table.total) {
      k -= table.total
      table = this.#table(++year)
    }
    return businessDate(table, k)
  }

  /**
   * The first business day strictly after `date`.
   *
   * @example
   * calendar.nextBusinessDay('2024-03-22') // '2024-03-26' (23 March on a Saturday moved to the 25th)
   */
  nextBusinessDay(date: LocalDate): LocalDate {
    return this.addBusinessDays(date, 1)
  }

  /**
   * Business days in (from, to]: after `from`, up to and including `to`;
   * negative when `to` is before `from`. The inverse of
   * {@link addBusinessDays}: `businessDaysBetween(d, addBusinessDays(d, n)) === n` for n ≥ 1.
   *
   * @example
   * calendar.businessDaysBetween('2026-11-20', '2026-11-23') // 1
   */
  businessDaysBetween(from: LocalDate, to: LocalDate): number {
    const a = unpack(from)
    const b = unpack(to)
    if (b < a) {
      const back = this.businessDaysBetween(to, from)
      return back === 0 ? 0 : -back // never -0
    }
    const fromYear = a >>> 9
    const toYear = b >>> 9
    let count = this.#table(toYear).rankBefore[(b & 511) + 1]! - this.#table(fromYear).rankBefore[(a & 511) + 1]!
    for (let year = fromYear; year < toYear; year++) count += this.#table(year).total
    return count
  }

  /**
   * The due date of something received at an instant and owed within n
   * business days: the instant is read as a date in Almaty (UTC+6 before
   * 2024-03-01, UTC+5 since; law.md "Working days"), then counted as
   * {@link addBusinessDays} does.
   *
   * @example
   * // Friday 23:30 in Almaty is still Friday: due Monday.
   * calendar.dueAt(new Date('2026-11-20T18:30:00Z'), 1) // '2026-11-23'
   */
  dueAt(receivedAt: Date, n: number): LocalDate {
    return this.addBusinessDays(almatyDate(receivedAt), n)
  }
}
