import { describe, expect, it } from 'vitest'
import { DerbesError } from '../errors/index.ts'
import { OFFICIAL_CALENDAR_YEARS } from './official-calendar.ts'
import { parseYearData, validateYearData } from './validate-year-data.ts'

const NAME = { kk: 'Жаңа жыл', ru: 'Новый год', en: 'New Year' }

function year2027(extra: Record<string, unknown> = {}) {
  return {
    year: 2027,
    source: 'order of the Minister of Labour «О переносе дня отдыха в 2027 году»',
    holidays: [{ date: '2027-01-01', name: NAME, religious: false }],
    transfers: [],
    ...extra,
  }
}

describe('validateYearData', () => {
  it('finds nothing wrong in the repository years 2023–2026', () => {
    expect(OFFICIAL_CALENDAR_YEARS.map((y) => y.year)).toEqual([2023, 2024, 2025, 2026])
    for (const year of OFFICIAL_CALENDAR_YEARS) expect(validateYearData(year)).toEqual([])
  })

  it('accepts a well-formed operator year, including a transfer without a working day', () => {
    expect(validateYearData(year2027({ transfers: [{ dayOff: '2027-12-31', workingDay: '2027-12-25' }, { dayOff: '2027-12-30' }] }))).toEqual([])
  })

  it.each([
    ['a bad date', { holidays: [{ date: '2027-02-30', name: NAME, religious: false }] }, '/holidays/0/date', 'is not a calendar date'],
    ['a date in another year', { holidays: [{ date: '2026-12-31', name: NAME, religious: false }] }, '/holidays/0/date', 'outside 2027'],
    ['a missing language', { holidays: [{ date: '2027-01-01', name: { kk: 'x', ru: 'y' }, religious: false }] }, '/holidays/0/name/en', 'non-empty'],
    ['religious not boolean', { holidays: [{ date: '2027-01-01', name: NAME, religious: 'no' }] }, '/holidays/0/religious', 'true or false'],
    [
      'a holiday listed twice',
      { holidays: [{ date: '2027-01-01', name: NAME, religious: false }, { date: '2027-01-01', name: NAME, religious: false }] },
      '/holidays/1/date',
      'listed twice',
    ],
    ['a transfer to a non-weekend', { transfers: [{ dayOff: '2027-01-08', workingDay: '2027-01-11' }] }, '/transfers/0/workingDay', 'is a Monday'],
    ['a day off already on a weekend', { transfers: [{ dayOff: '2027-01-09' }] }, '/transfers/0/dayOff', 'is a Saturday'],
    ['a day off already a holiday', { transfers: [{ dayOff: '2027-01-01' }] }, '/transfers/0/dayOff', 'already a holiday'],
    [
      'a working day that is a holiday',
      { holidays: [{ date: '2027-01-02', name: NAME, religious: false }], transfers: [{ dayOff: '2027-01-04', workingDay: '2027-01-02' }] },
      '/transfers/0/workingDay',
      'is a holiday',
    ],
    ['a working day two years away', { transfers: [{ dayOff: '2027-01-04', workingDay: '2029-01-06' }] }, '/transfers/0/workingDay', 'outside'],
    ['a typo in a key', { transfer: [] }, '/transfer', 'unknown property'],
    ['an empty source', { source: ' ' }, '/source', 'name the act'],
    ['holidays not a list', { holidays: {} }, '/holidays', 'must be an array'],
  ])('reports %s at its pointer', (_, change, pointer, detail) => {
    const problems = validateYearData(year2027(change))
    expect(problems).toContainEqual({ pointer, detail: expect.stringContaining(detail) })
  })

  it('refuses a non-object and a missing year', () => {
    expect(validateYearData([])).toEqual([{ pointer: '', detail: expect.stringContaining('must be an object') }])
    expect(validateYearData({ source: 'x', holidays: [], transfers: [] })).toEqual([
      { pointer: '/year', detail: expect.stringContaining('is not a year') },
    ])
  })

  it('parseYearData throws DERBES_VALIDATION listing every problem', () => {
    const bad = year2027({ transfers: [{ dayOff: '2027-01-09', workingDay: '2027-01-11' }] })
    try {
      parseYearData(bad)
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(DerbesError)
      const e = error as DerbesError
      expect(e.code).toBe('DERBES_VALIDATION')
      expect(e.message).toMatch(/^calendar data for 2027 is not valid: /)
      expect(e.errors.map((p) => p.pointer)).toEqual(['/transfers/0/dayOff', '/transfers/0/workingDay'])
    }
  })
})
