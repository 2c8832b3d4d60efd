import { DerbesError, type FieldProblem } from '../errors/index.ts'
import type { CalendarYearData } from './calendar-year-data.ts'
import { dayNumber, isLocalDate, isoWeekday, MAX_YEAR, type LocalDate } from './local-date.ts'

const WEEKDAY_NAMES = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const
const LANGUAGES = ['kk', 'ru', 'en'] as const

type Problem = Pick<FieldProblem, 'pointer' | 'detail'>

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function weekdayOf(date: LocalDate): number {
  return isoWeekday(dayNumber(date))
}

class Checker {
  readonly problems: Problem[] = []

  report(pointer: string, detail: string): void {
    this.problems.push({ pointer, detail })
  }

  onlyKeys(value: Record<string, unknown>, pointer: string, allowed: readonly string[]): void {
    for (const key of Object.keys(value))
      if (!allowed.includes(key)) this.report(`${pointer}/${key}`, `unknown property; expected one of ${allowed.join(', ')}`)
  }

  /** A real date, in one of the given years; returns it when it is one. */
  date(value: unknown, pointer: string, years: readonly number[]): LocalDate | undefined {
    if (typeof value !== 'string' || !isLocalDate(value)) {
      this.report(pointer, `${JSON.stringify(value)} is not a calendar date (YYYY-MM-DD)`)
      return undefined
    }
    if (!years.includes(Number(value.slice(0, 4)))) {
      this.report(pointer, `${value} is outside ${years.join(' or ')}`)
      return undefined
    }
    return value
  }
}

/**
 * Checks one year of calendar data — the repository's or an operator's
 * extension — and returns every problem with a JSON Pointer, or none.
 * Beyond shape, it checks what the law implies: dates fall in the year, no
 * date is listed twice, a transfer's day off is a weekday that is not already
 * a holiday, and its working day is a Saturday or Sunday that is not a holiday
 * (Labour Code art. 85(3); law.md "Working days").
 *
 * @example
 * validateYearData({ year: 2027, source: 'order …', holidays: [], transfers: [{ dayOff: '2027-01-09' }] })
 * // [{ pointer: '/transfers/0/dayOff', detail: '2027-01-09 is a Saturday, already a day off; …' }]
 */
export function validateYearData(input: unknown): Problem[] {
  const check = new Checker()
  if (!isRecord(input)) {
    check.report('', 'calendar year data must be an object with year, source, holidays and transfers')
    return check.problems
  }
  check.onlyKeys(input, '', ['year', 'source', 'holidays', 'transfers'])
  const { year, source, holidays, transfers } = input
  if (typeof year !== 'number' || !Number.isInteger(year) || year < 1 || year > MAX_YEAR) {
    check.report('/year', `${JSON.stringify(year)} is not a year (1–${MAX_YEAR})`)
    return check.problems
  }
  if (typeof source !== 'string' || source.trim() === '')
    check.report('/source', 'name the act the data comes from (holidays law, transfer order or decree)')

  const holidayDates = new Set<string>()
  if (!Array.isArray(holidays)) check.report('/holidays', 'must be an array (it may be empty)')
  else
    holidays.forEach((holiday: unknown, i) => {
      const at = `/holidays/${i}`
      if (!isRecord(holiday)) return check.report(at, 'must be an object with date, name and religious')
      check.onlyKeys(holiday, at, ['date', 'name', 'religious'])
      const date = check.date(holiday.date, `${at}/date`, [year])
      if (date && holidayDates.has(date)) check.report(`${at}/date`, `${date} is listed twice`)
      if (date) holidayDates.add(date)
      if (typeof holiday.religious !== 'boolean') check.report(`${at}/religious`, 'must be true or false')
      const name = holiday.name
      if (!isRecord(name)) return check.report(`${at}/name`, 'must be an object with kk, ru and en')
      check.onlyKeys(name, `${at}/name`, LANGUAGES)
      for (const language of LANGUAGES)
        if (typeof name[language] !== 'string' || name[language].trim() === '')
          check.report(`${at}/name/${language}`, 'must be a non-empty string')
    })

  const transferDates = new Set<string>()
  if (!Array.isArray(transfers)) check.report('/transfers', 'must be an array (it may be empty)')
  else
    transfers.forEach((transfer: unknown, i) => {
      const at = `/transfers/${i}`
      if (!isRecord(transfer)) return check.report(at, 'must be an object with dayOff and, optionally, workingDay')
      check.onlyKeys(transfer, at, ['dayOff', 'workingDay', 'source'])
      const dayOff = check.date(transfer.dayOff, `${at}/dayOff`, [year])
      if (dayOff) {
        const weekday = weekdayOf(dayOff)
        if (weekday > 5)
          check.report(`${at}/dayOff`, `${dayOff} is a ${WEEKDAY_NAMES[weekday]}, already a day off; a transfer must free a weekday`)
        if (holidayDates.has(dayOff)) check.report(`${at}/dayOff`, `${dayOff} is already a holiday`)
        if (transferDates.has(dayOff)) check.report(`${at}/dayOff`, `${dayOff} is used by another transfer`)
        transferDates.add(dayOff)
      }
      if (transfer.workingDay !== undefined) {
        const workingDay = check.date(transfer.workingDay, `${at}/workingDay`, [year - 1, year, year + 1])
        if (workingDay) {
          const weekday = weekdayOf(workingDay)
          if (weekday <= 5)
            check.report(
              `${at}/workingDay`,
              `${workingDay} is a ${WEEKDAY_NAMES[weekday]}, already a working day; a transfer's working day must be a Saturday or Sunday`,
            )
          if (holidayDates.has(workingDay)) check.report(`${at}/workingDay`, `${workingDay} is a holiday and cannot be worked`)
          if (transferDates.has(workingDay)) check.report(`${at}/workingDay`, `${workingDay} is used by another transfer`)
          transferDates.add(workingDay)
        }
      }
      if (transfer.source !== undefined && (typeof transfer.source !== 'string' || transfer.source.trim() === ''))
        check.report(`${at}/source`, 'must be a non-empty string when given')
    })
  return check.problems
}

/**
 * Returns the input as {@link CalendarYearData} when {@link validateYearData}
 * finds nothing, and otherwise throws `DERBES_VALIDATION` listing every problem.
 *
 * @example
 * const year2027 = parseYearData(JSON.parse(readFileSync('kz-2027.json', 'utf8')))
 */
export function parseYearData(input: unknown): CalendarYearData {
  const problems = validateYearData(input)
  if (problems.length === 0) return input as CalendarYearData
  const year = isRecord(input) && typeof input.year === 'number' ? ` for ${input.year}` : ''
  throw new DerbesError(
    'DERBES_VALIDATION',
    `calendar data${year} is not valid: ${problems.map((p) => `${p.pointer || '/'} ${p.detail}`).join('; ')}`,
    problems,
  )
}
