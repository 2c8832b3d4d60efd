import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseCalendarDuration, subtractCalendarDuration } from './calendar-duration.ts'

const at = (iso: string) => Date.parse(iso)
const back = (iso: string, duration: string) => new Date(subtractCalendarDuration(at(iso), parseCalendarDuration(duration))).toISOString()

describe('calendar durations of retention rules', () => {
  it('parses P10Y, P6M, P2W, P15D, P0D and refuses what is not one', () => {
    expect(parseCalendarDuration('P10Y')).toEqual({ years: 10, months: 0, days: 0 })
    expect(parseCalendarDuration('P1Y6M2W1D')).toEqual({ years: 1, months: 6, days: 15 })
    expect(parseCalendarDuration('P0D')).toEqual({ years: 0, months: 0, days: 0 })
    expect(() => parseCalendarDuration('P')).toThrow(RangeError)
    expect(() => parseCalendarDuration('PT5H')).toThrow(RangeError)
  })

  it('steps back by calendar years and months, clamping to the end of the month like PostgreSQL', () => {
    expect(back('2026-12-10T05:00:00.000Z', 'P10Y')).toBe('2016-12-10T05:00:00.000Z')
    expect(back('2024-02-29T12:00:00.000Z', 'P1Y')).toBe('2023-02-28T12:00:00.000Z')
    expect(back('2026-03-31T00:00:00.000Z', 'P1M')).toBe('2026-02-28T00:00:00.000Z')
    expect(back('2026-01-15T00:00:00.000Z', 'P2M15D')).toBe('2025-10-31T00:00:00.000Z')
    expect(back('1970-01-01T00:00:00.000Z', 'P1D')).toBe('1969-12-31T00:00:00.000Z')
  })

  it('agrees with Date arithmetic whenever no clamping is involved', () => {
    fc.assert(fc.property(fc.integer({ min: Date.UTC(1950, 0, 1), max: Date.UTC(2100, 0, 1) }), fc.nat(30), fc.nat(11), fc.nat(400), (ms, years, months, days) => {
      const date = new Date(ms)
      fc.pre(date.getUTCDate() <= 28)
      const expected = new Date(ms)
      expected.setUTCFullYear(date.getUTCFullYear() - years, date.getUTCMonth() - months)
      expected.setUTCDate(expected.getUTCDate() - days)
      expect(subtractCalendarDuration(ms, { years, months, days })).toBe(expected.getTime())
    }))
  })
})
