import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { kAnonymise, type CountedCell } from './k-anonymise.ts'
import type { Dimension } from './statistics-dimensions.ts'

const kind: Dimension = { name: 'subject_kind', unit: 'subjects', levels: 2, levelNames: ['value', 'all'], generalise: (v, l) => (l === 0 ? v : '*') }
const year: Dimension = {
  name: 'relationship_start_year', unit: 'subjects', levels: 4, levelNames: ['year', '5 years', 'decade', 'all'],
  generalise: (v, l) => (l === 0 ? v : l === 1 ? `${Number(v) - (Number(v) % 5)}-${Number(v) - (Number(v) % 5) + 4}` : l === 2 ? `${Number(v) - (Number(v) % 10)}s` : '*'),
}
const dims = [kind, year]

// A random population: subjects with a kind and a start year, counted into level-0 cells as the SQL does.
const population = fc.array(fc.record({ kind: fc.constantFrom('client', 'child', 'parent', 'school', 'web-user'), year: fc.integer({ min: 2005, max: 2026 }) }), { maxLength: 400 })

function cellsOf(people: { kind: string; year: number }[]): CountedCell[] {
  const counts = new Map<string, number>()
  for (const p of people) counts.set(`${p.kind}|${p.year}`, (counts.get(`${p.kind}|${p.year}`) ?? 0) + 1)
  return [...counts].map(([key, subjects]) => ({ values: key.split('|'), subjects }))
}

describe('k-anonymity of released statistics (art. 17(1), TW-3.2.6, PS-8.1)', () => {
  it('for random populations no released group is below k, and released plus suppressed subjects equal the population', () => {
    fc.assert(
      fc.property(population, fc.integer({ min: 2, max: 12 }), fc.double({ min: 0, max: 0.5, noNaN: true }), (people, k, share) => {
        const table = kAnonymise(cellsOf(people), dims, { k, maxSuppressedShare: share })
        for (const g of table.groups) expect(g.subjects).toBeGreaterThanOrEqual(k)
        const released = table.groups.reduce((n, g) => n + g.subjects, 0)
        expect(released + table.suppressed.subjects).toBe(people.length)
        expect(table.population.subjects).toBe(people.length)
        // What was suppressed is within the allowed share, unless nothing was left to generalise.
        const fullyGeneralised = table.generalised.length === dims.length && table.generalised.every((g) => g.levelName === 'all')
        if (!fullyGeneralised) expect(table.suppressed.subjects).toBeLessThanOrEqual(share * people.length)
      }),
      { numRuns: 300 },
    )
  })

  it('for random request populations every released group holds requests of at least k distinct subjects, and requests add up', () => {
    const requests = fc.array(fc.record({ subject: fc.integer({ min: 1, max: 40 }), kind: fc.constantFrom('access', 'rectify', 'destroy', 'withdraw') }), { maxLength: 300 })
    const kindOf: Dimension = { ...kind, name: 'request_kind', unit: 'requests' }
    fc.assert(
      fc.property(requests, fc.integer({ min: 2, max: 8 }), (rows, k) => {
        const cells = new Map<string, CountedCell>()
        for (const r of rows) {
          const key = `${r.kind}|${r.subject}`
          const cell = cells.get(key) ?? { values: [r.kind], subjects: 1, requests: 0, subjectKey: String(r.subject) }
          cells.set(key, { ...cell, requests: (cell.requests ?? 0) + 1 })
        }
        const table = kAnonymise([...cells.values()], [kindOf], { k })
        for (const g of table.groups) expect(g.subjects).toBeGreaterThanOrEqual(k)
        expect(table.groups.reduce((n, g) => n + (g.requests ?? 0), 0) + (table.suppressed.requests ?? 0)).toBe(rows.length)
      }),
      { numRuns: 200 },
    )
  })

  it('says what it generalised: years into five-year periods when single years are too thin', () => {
    const cells: CountedCell[] = [2020, 2021, 2022, 2023, 2024].map((y) => ({ values: ['client', String(y)], subjects: 2 }))
    const table = kAnonymise(cells, dims, { k: 5, maxSuppressedShare: 0 })
    expect(table.groups).toEqual([{ values: { subject_kind: 'client', relationship_start_year: '2020-2024' }, subjects: 10 }])
    expect(table.generalised).toEqual([{ dimension: 'relationship_start_year', level: 1, levelName: '5 years', mapped: { 2020: '2020-2024', 2021: '2020-2024', 2022: '2020-2024', 2023: '2020-2024', 2024: '2020-2024' } }])
    expect(table.suppressed).toEqual({ groups: 0, subjects: 0 })
  })

  it('suppresses a population smaller than k entirely', () => {
    const table = kAnonymise([{ values: ['client', '2020'], subjects: 3 }], dims, { k: 5 })
    expect(table.groups).toEqual([])
    expect(table.suppressed).toEqual({ groups: 1, subjects: 3 })
  })
})
