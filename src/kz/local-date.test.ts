import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addCalendarDays, dayNumber, fromDayNumber, isLocalDate, isoWeekday, packLocalDate, toLocalDate } from './local-date.ts'

const MS_PER_DAY = 86_400_000

describe('LocalDate', () => {
  it.each(['2024-02-29', '2000-02-29', '0001-01-01', '9999-12-31'])('accepts %s', (s) => {
    expect(isLocalDate(s)).toBe(true)
  })

  it.each(['2025-02-29', '1900-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '2026-1-01', '2026/01/01', '0000-01-01', '2026-01-01T00:00', ''])(
    'refuses %j',
    (s) => {
      expect(isLocalDate(s)).toBe(false)
      expect(packLocalDate(s)).toBe(-1)
      expect(() => toLocalDate(s)).toThrow(RangeError)
    },
  )

  it('knows the weekday: 2026-11-20 is a Friday, 1970-01-01 a Thursday', () => {
    expect(isoWeekday(dayNumber('2026-11-20'))).toBe(5)
    expect(isoWeekday(0)).toBe(4)
    expect(isoWeekday(-1)).toBe(3)
  })

  it('adds calendar days across month, leap day and year ends', () => {
    expect(addCalendarDays('2024-02-28', 2)).toBe('2024-03-01')
    expect(addCalendarDays('2025-12-31', 1)).toBe('2026-01-01')
    expect(addCalendarDays('2026-01-01', -1)).toBe('2025-12-31')
  })

  it('day numbers agree with UTC Date for every day of years 0001–9999', () => {
    fc.assert(
      fc.property(fc.integer({ min: dayNumber('0001-01-01'), max: dayNumber('9999-12-31') }), (n) => {
        const iso = new Date(n * MS_PER_DAY).toISOString().slice(0, 10)
        expect(fromDayNumber(n)).toBe(iso)
        expect(dayNumber(fromDayNumber(n))).toBe(n)
        expect(isoWeekday(n)).toBe(new Date(n * MS_PER_DAY).getUTCDay() || 7)
      }),
    )
  })
})
