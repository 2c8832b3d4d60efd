import { describe, expect, it } from 'vitest'
import { estimateYearData } from './estimate-year-data.ts'
import { estimateKurbanAit } from './kurban-ait.ts'
import { OFFICIAL_CALENDAR_YEARS } from './official-calendar.ts'
import { validateYearData } from './validate-year-data.ts'

describe('estimateYearData', () => {
  it('reproduces the holidays of every repository year (transfers aside)', () => {
    for (const official of OFFICIAL_CALENDAR_YEARS) {
      const estimated = estimateYearData(official.year)
      expect(estimated.holidays).toEqual(official.holidays)
      expect(estimated.transfers).toEqual([])
    }
  })

  it('is valid calendar data', () => {
    for (const year of [2021, 2027, 2039, 2050]) expect(validateYearData(estimateYearData(year))).toEqual([])
  })

  it('follows the changes in the holidays law: 30 August until 2025, 15 March from 2027 (law.md "Working days")', () => {
    const dates = (year: number) => estimateYearData(year).holidays.map((h) => h.date.slice(5))
    expect(dates(2025)).toContain('08-30')
    expect(dates(2026)).not.toContain('08-30')
    expect(dates(2026)).not.toContain('03-15')
    expect(dates(2027)).toContain('03-15')
    expect(dates(2021)).toEqual(expect.arrayContaining(['12-01', '12-17']))
    expect(dates(2021)).not.toContain('10-25')
    expect(dates(2022)).not.toContain('12-17')
  })
})

describe('estimateKurbanAit', () => {
  it('matches the official first days of Kurban Ait 2023–2026', () => {
    expect(estimateKurbanAit(2023)).toEqual(['2023-06-28'])
    expect(estimateKurbanAit(2024)).toEqual(['2024-06-16'])
    expect(estimateKurbanAit(2025)).toEqual(['2025-06-06'])
    expect(estimateKurbanAit(2026)).toEqual(['2026-05-27'])
  })

  it('finds both dates in a year the lunar year fits twice', () => {
    expect(estimateKurbanAit(2039)).toHaveLength(2)
  })
})
