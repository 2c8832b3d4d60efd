import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { BusinessCalendar } from './business-calendar.ts'
import { dayNumber, fromDayNumber, type LocalDate } from './local-date.ts'

const calendar = new BusinessCalendar()

/** Dates from 2020 to 2030: estimated, official and estimated years again. */
const date = fc.integer({ min: dayNumber('2020-01-01'), max: dayNumber('2030-12-31') }).map((n) => fromDayNumber(n))
const count = fc.integer({ min: 1, max: 400 })

/** The slow way: walk day by day, asking isBusinessDay. */
function walk(from: LocalDate, n: number): LocalDate {
  let day = dayNumber(from)
  let left = n
  if (n === 0) {
    while (!calendar.isBusinessDay(fromDayNumber(day))) day++
    return fromDayNumber(day)
  }
  while (left > 0) if (calendar.isBusinessDay(fromDayNumber(++day))) left--
  return fromDayNumber(day)
}

describe('BusinessCalendar — properties', () => {
  it('addBusinessDays lands on a business day and agrees with walking day by day', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 0, max: 400 }), (d, n) => {
        const due = calendar.addBusinessDays(d, n)
        expect(calendar.isBusinessDay(due)).toBe(true)
        expect(due).toBe(walk(d, n))
      }),
    )
  })

  it('is strictly increasing in n ≥ 1; n = 0 equals n = 1 exactly when the date is not a business day', () => {
    fc.assert(
      fc.property(date, count, (d, n) => {
        expect(calendar.addBusinessDays(d, n + 1) > calendar.addBusinessDays(d, n)).toBe(true)
        const zero = calendar.addBusinessDays(d, 0)
        expect(zero === calendar.addBusinessDays(d, 1)).toBe(!calendar.isBusinessDay(d))
        expect(zero >= d).toBe(true)
      }),
    )
  })

  it('businessDaysBetween inverts addBusinessDays', () => {
    fc.assert(
      fc.property(date, count, (d, n) => {
        const due = calendar.addBusinessDays(d, n)
        expect(calendar.businessDaysBetween(d, due)).toBe(n)
        expect(calendar.businessDaysBetween(due, d)).toBe(-n)
      }),
    )
  })

  it('businessDaysBetween adds up over any middle date', () => {
    fc.assert(
      fc.property(date, date, date, (a, b, c) => {
        expect(calendar.businessDaysBetween(a, b) + calendar.businessDaysBetween(b, c)).toBe(calendar.businessDaysBetween(a, c))
      }),
    )
  })

  it('dueAt counts from the Almaty date of the instant', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2023, 0, 1), max: Date.UTC(2027, 0, 1) }), fc.integer({ min: 0, max: 30 }), (ms, n) => {
        const offsetHours = ms >= Date.UTC(2024, 1, 29, 18) ? 5 : 6
        const local = new Date(ms + offsetHours * 3_600_000).toISOString().slice(0, 10) as LocalDate
        expect(calendar.dueAt(new Date(ms), n)).toBe(calendar.addBusinessDays(local, n))
      }),
    )
  })
})
