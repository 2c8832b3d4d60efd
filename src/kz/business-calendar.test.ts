import { describe, expect, it } from 'vitest'
import { DerbesError } from '../errors/index.ts'
import { BusinessCalendar } from './business-calendar.ts'
import type { CalendarYearData } from './calendar-year-data.ts'

const calendar = new BusinessCalendar()

describe('BusinessCalendar.addBusinessDays — "within N working days of receipt"', () => {
  it('day 1 is the first business day after the day of receipt', () => {
    expect(calendar.addBusinessDays('2026-11-20', 1)).toBe('2026-11-23') // Friday → Monday
    expect(calendar.addBusinessDays('2026-11-21', 1)).toBe('2026-11-23') // Saturday → Monday
    expect(calendar.addBusinessDays('2026-11-23', 1)).toBe('2026-11-24')
  })

  it('n = 0 is the date itself when it is a business day, else the next business day', () => {
    expect(calendar.addBusinessDays('2026-11-20', 0)).toBe('2026-11-20')
    expect(calendar.addBusinessDays('2026-11-21', 0)).toBe('2026-11-23')
    expect(calendar.addBusinessDays('2025-12-31', 0)).toBe('2025-12-31')
    expect(calendar.addBusinessDays('2026-01-01', 0)).toBe('2026-01-05')
  })

  it('steps over holidays, moved days off and decree transfers', () => {
    expect(calendar.addBusinessDays('2026-03-20', 1)).toBe('2026-03-26') // Nauryz 21–25 March
    expect(calendar.addBusinessDays('2026-03-20', 15)).toBe('2026-04-15') // art. 8(7): 15 working days
    expect(calendar.addBusinessDays('2024-05-03', 1)).toBe('2024-05-04') // working Saturday
    expect(calendar.addBusinessDays('2024-12-31', 1)).toBe('2025-01-05') // 1–3 Jan off, Sunday 5 Jan worked
    expect(calendar.addBusinessDays('2025-12-30', 3)).toBe('2026-01-06') // across New Year
  })

  it('crosses many years, into estimated ones', () => {
    expect(calendar.addBusinessDays('2023-01-01', 246 + 249 + 246 + 247)).toBe('2026-12-31')
    expect(calendar.addBusinessDays('2026-12-31', 1)).toBe('2027-01-05') // 1–2 Jan, 2 Jan on Saturday → Monday 4th
  })

  it('refuses a bad date or a negative or fractional count', () => {
    expect(() => calendar.addBusinessDays('2026-02-30' as '2026-02-30', 1)).toThrow(RangeError)
    expect(() => calendar.addBusinessDays('2026-02-01', -1)).toThrow(RangeError)
    expect(() => calendar.addBusinessDays('2026-02-01', 1.5)).toThrow(RangeError)
    expect(() => calendar.addBusinessDays('9999-12-31', 1)).toThrow(RangeError)
  })

  it('nextBusinessDay is the first business day strictly after', () => {
    expect(calendar.nextBusinessDay('2024-03-22')).toBe('2024-03-26')
    expect(calendar.nextBusinessDay('2023-06-30')).toBe('2023-07-01') // working Saturday
  })
})

describe('BusinessCalendar.businessDaysBetween — business days in (from, to]', () => {
  it('counts after from, up to and including to', () => {
    expect(calendar.businessDaysBetween('2026-11-20', '2026-11-23')).toBe(1)
    expect(calendar.businessDaysBetween('2026-11-20', '2026-11-20')).toBe(0)
    expect(calendar.businessDaysBetween('2026-11-21', '2026-11-22')).toBe(0)
    expect(calendar.businessDaysBetween('2026-03-20', '2026-04-15')).toBe(15)
  })

  it('is negative when to is before from', () => {
    expect(calendar.businessDaysBetween('2026-11-23', '2026-11-20')).toBe(-1)
    expect(calendar.businessDaysBetween('2026-11-22', '2026-11-21')).toBe(0) // +0, not -0
  })
})

describe('BusinessCalendar.dueAt — receipt instants read in Asia/Almaty', () => {
  it('Friday 23:30 in Almaty is Friday: 1 business day → Monday', () => {
    expect(calendar.dueAt(new Date('2026-11-20T18:30:00Z'), 1)).toBe('2026-11-23')
  })

  it('Saturday 00:30 in Almaty (still Friday in UTC) is Saturday: 1 business day → Monday', () => {
    expect(calendar.dueAt(new Date('2026-11-20T19:30:00Z'), 1)).toBe('2026-11-23')
    expect(calendar.dueAt(new Date('2026-11-19T19:30:00Z'), 1)).toBe('2026-11-23') // Friday 00:30 → Monday
  })

  it('uses UTC+6 before 1 March 2024', () => {
    // 2023-06-30T18:30Z is 00:30 on Saturday 1 July 2023 at +06 — a working Saturday by decree.
    expect(calendar.dueAt(new Date('2023-06-30T18:30:00Z'), 0)).toBe('2023-07-01')
    // At +05 it would still be Friday 30 June, and 0 days would give Friday.
    expect(calendar.dueAt(new Date('2023-06-30T18:30:00Z'), 1)).toBe('2023-07-03')
  })
})

describe('BusinessCalendar coverage and operator data', () => {
  it('covers 2023–2026 from the repository and estimates the rest', () => {
    expect([2022, 2023, 2026, 2027].map((y) => calendar.coverage(y))).toEqual(['estimated', 'official', 'official', 'estimated'])
    expect(calendar.describeDay('2027-03-15')).toMatchObject({ kind: 'holiday', coverage: 'estimated' })
  })

  it('extend adds a year and returns a new calendar, leaving the old one as it was', () => {
    const year2027: CalendarYearData = {
      ...calendar.yearData(2027),
      source: 'operator: order «О переносе дня отдыха в 2027 году»',
      transfers: [{ dayOff: '2027-03-26', workingDay: '2027-03-27' }],
    }
    const extended = calendar.extend(year2027)
    expect(extended.coverage(2027)).toBe('official')
    expect(extended.isBusinessDay('2027-03-26')).toBe(false)
    expect(extended.isBusinessDay('2027-03-27')).toBe(true)
    expect(calendar.coverage(2027)).toBe('estimated')
    expect(calendar.isBusinessDay('2027-03-26')).toBe(true)
  })

  it('extend replaces a covered year whole', () => {
    const extra: CalendarYearData = {
      ...calendar.yearData(2026),
      transfers: [{ dayOff: '2026-12-31', workingDay: '2026-12-26', source: 'operator' }],
    }
    const extended = calendar.extend(extra)
    expect(extended.addBusinessDays('2026-12-30', 1)).toBe('2027-01-05') // 31 Dec off; 1 Jan, 2 Jan → 4 Jan (est.)
    expect(extended.isBusinessDay('2026-12-26')).toBe(true)
    expect(extended.isBusinessDay('2026-03-25')).toBe(false) // the rest of 2026 is unchanged
  })

  it('a transfer whose working day falls in the previous year is applied there', () => {
    const extended = calendar.extend({
      ...calendar.yearData(2027),
      transfers: [{ dayOff: '2027-01-08', workingDay: '2026-12-26' }],
    })
    expect(extended.isBusinessDay('2026-12-26')).toBe(true)
    expect(extended.isBusinessDay('2027-01-08')).toBe(false)
  })

  it('refuses malformed operator data with DERBES_VALIDATION', () => {
    const bad = { ...calendar.yearData(2027), transfers: [{ dayOff: '2027-01-08', workingDay: '2027-01-11' }] } as CalendarYearData
    expect(() => calendar.extend(bad)).toThrow(DerbesError)
    expect(() => calendar.extend(bad)).toThrow(/2027-01-11 is a Monday/)
  })

  it('refuses the same year twice at construction', () => {
    const y = calendar.yearData(2026)
    expect(() => new BusinessCalendar([y, y])).toThrow(/given twice/)
  })

  it('is not changed by later edits to the data it was built from', () => {
    const data = structuredClone(calendar.yearData(2026)) as CalendarYearData
    const own = new BusinessCalendar([data])
    data.transfers.push({ dayOff: '2026-11-20' })
    expect(own.isBusinessDay('2026-11-20')).toBe(true)
  })
})
