import { describe, expect, it } from 'vitest'
import { businessDaysMaxCalendar, countryLabel, durationMinDays } from './policy-facts.ts'

describe('durationMinDays', () => {
  it('counts the fewest days an ISO 8601 duration can last', () => {
    expect(durationMinDays('P0D')).toBe(0)
    expect(durationMinDays('P15D')).toBe(15)
    expect(durationMinDays('P2W')).toBe(14)
    expect(durationMinDays('P1M')).toBe(28)
    expect(durationMinDays('P10Y')).toBe(3650)
    expect(durationMinDays('P1Y6M')).toBe(365 + 168)
  })

  it('answers NaN for what is not a duration, so no comparison with it holds', () => {
    expect(durationMinDays('unlimited')).toBeNaN()
  })
})

describe('businessDaysMaxCalendar', () => {
  it('art. 8(7): bounds 15 business days by 27 calendar days, 1 business day by 9', () => {
    expect(businessDaysMaxCalendar(15)).toBe(27)
    expect(businessDaysMaxCalendar(1)).toBe(9)
  })
})

describe('countryLabel', () => {
  it('names ZZ as an unnamed country (PS-4.7) and leaves real codes alone', () => {
    expect(countryLabel('ZZ')).toBe('an unnamed country (ZZ)')
    expect(countryLabel('RU')).toBe('RU')
  })
})
