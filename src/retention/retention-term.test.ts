import { describe, expect, it } from 'vitest'
import { BusinessCalendar } from '../kz/index.ts'
import { lastDayKept, termCutoff, termEndsAt } from './retention-term.ts'

const calendar = new BusinessCalendar()

// Terms in calendar and business days (policy `keepUnit`), counted on the Almaty calendar.
describe('retention terms', () => {
  it('TTC-6.4: P10Y keeps data through the same date ten years on; a leap day falls back to 28 February', () => {
    expect(lastDayKept('2016-12-02', { keep: 'P10Y' }, calendar)).toBe('2026-12-02')
    expect(termEndsAt(new Date('2016-12-02T15:00:00+05:00'), { keep: 'P10Y' }, calendar)).toEqual(new Date('2026-12-02T19:00:00Z'))
    expect(lastDayKept('2016-02-29', { keep: 'P10Y' }, calendar)).toBe('2026-02-28')
    expect(lastDayKept('2026-01-31', { keep: 'P1M' }, calendar)).toBe('2026-02-28')
  })

  it('business days skip weekends and holidays (Nauryz 21–25 March 2026); calendar days do not', () => {
    // Friday 20 March 2026: the 1st business day after is Thursday 26 March, the 3rd Monday 30 March.
    expect(lastDayKept('2026-03-20', { keep: 'P3D', unit: 'business' }, calendar)).toBe('2026-03-30')
    expect(lastDayKept('2026-03-20', { keep: 'P3D', unit: 'calendar' }, calendar)).toBe('2026-03-23')
    expect(lastDayKept('2026-03-20', { keep: 'P3D' }, calendar)).toBe('2026-03-23')
  })

  it('P0D runs out at the trigger itself', () => {
    const at = new Date('2026-11-30T10:00:00+05:00')
    expect(termEndsAt(at, { keep: 'P0D' }, calendar)).toEqual(at)
    expect(termCutoff({ keep: 'P0D' }, at, calendar)).toEqual(at)
  })

  it('the cutoff is exact: a trigger at or before it has run its term out at asOf, one after it has not', () => {
    const terms = [{ keep: 'P10Y' }, { keep: 'P6M' }, { keep: 'P15D' }, { keep: 'P15D', unit: 'business' as const }, { keep: 'P1Y2M3D', unit: 'business' as const }]
    for (const term of terms) {
      for (let day = 0; day < 400; day += 7) {
        const asOf = new Date(Date.UTC(2026, 0, 1, 7) + day * 86_400_000)
        const cutoff = termCutoff(term, asOf, calendar)
        expect(termEndsAt(cutoff, term, calendar) <= asOf, `${term.keep} ${term.unit} at ${asOf.toISOString()}`).toBe(true)
        expect(termEndsAt(new Date(cutoff.getTime() + 1), term, calendar) > asOf, `${term.keep} ${term.unit} at ${asOf.toISOString()}`).toBe(true)
      }
    }
  })
})
