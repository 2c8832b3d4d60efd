import { ANY, type Dimension } from './statistics-dimensions.ts'

/** One counted cell at level 0: its values per dimension, and how many subjects (and requests) it holds. */
export interface CountedCell {
  values: readonly string[]
  subjects: number
  requests?: number
  /** For request counts: whose requests they are, so merged groups count distinct subjects. Never released. */
  subjectKey?: string
}

export interface ReleasedGroup {
  values: Record<string, string>
  subjects: number
  requests?: number
}

export interface Generalisation {
  dimension: string
  level: number
  levelName: string
  /** Each counted value that was released as another one: `{ '2021': '2020-2024' }`. */
  mapped: Record<string, string>
}

export interface AnonymisedTable {
  k: number
  groups: ReleasedGroup[]
  /** Groups held back because fewer than k subjects were in them, in total. */
  suppressed: { groups: number; subjects: number; requests?: number }
  generalised: Generalisation[]
  population: { subjects: number; requests?: number }
}

export interface KAnonymiseOptions {
  k: number
  /** Generalise further while more than this share of subjects would be suppressed (default 0.05). */
  maxSuppressedShare?: number
  /** Count requests beside subjects (request dimensions); otherwise inferred from the cells. */
  countRequests?: boolean
}

interface Group {
  values: string[]
  subjects: number
  requests: number
  keys?: Set<string>
}

function groupCells(cells: readonly CountedCell[], dimensions: readonly Dimension[], levels: readonly number[]): Group[] {
  const groups = new Map<string, Group>()
  for (const cell of cells) {
    const values = dimensions.map((d, i) => d.generalise(cell.values[i]!, levels[i]!))
    const key = JSON.stringify(values)
    let g = groups.get(key)
    if (!g) groups.set(key, (g = { values, subjects: 0, requests: 0, ...(cell.subjectKey !== undefined ? { keys: new Set<string>() } : {}) }))
    g.requests += cell.requests ?? 0
    if (g.keys && cell.subjectKey !== undefined) g.keys.add(cell.subjectKey)
    else g.subjects += cell.subjects
  }
  for (const g of groups.values()) if (g.keys) g.subjects = g.keys.size
  return [...groups.values()]
}

/**
 * Releases counts so that every group holds at least k subjects
 * (k-anonymity, art. 17(1); TW-3.2.6, PS-8.1 "anonymous statistics"):
 * full-domain generalisation in the manner of Datafly — while groups under k
 * hold more than the allowed share of subjects, the dimension with the most
 * distinct values moves one level up its hierarchy (a year to five years, an
 * age band to minor/adult, a value to `*`) — then the groups still under k
 * are suppressed. It says exactly what it did: each generalised dimension with
 * its level and value mapping, and how many groups and subjects were held back.
 * Released plus suppressed subjects always equal the population.
 *
 * @example
 * kAnonymise(cells, [kind, year], { k: 5 }).suppressed // { groups: 1, subjects: 2 }
 */
export function kAnonymise(cells: readonly CountedCell[], dimensions: readonly Dimension[], options: KAnonymiseOptions): AnonymisedTable {
  const { k } = options
  const share = options.maxSuppressedShare ?? 0.05
  const withRequests = options.countRequests ?? cells.some((c) => c.requests !== undefined)
  const populationSubjects = groupCells(cells, dimensions, dimensions.map((d) => d.levels - 1)).reduce((n, g) => n + g.subjects, 0)
  const levels = dimensions.map(() => 0)
  let groups = groupCells(cells, dimensions, levels)
  const small = (gs: Group[]) => gs.filter((g) => g.subjects < k)
  for (;;) {
    const held = small(groups).reduce((n, g) => n + g.subjects, 0)
    if (held === 0 || held <= share * populationSubjects) break
    // The dimension with the most distinct released values that can still climb.
    let pick = -1
    let most = -1
    dimensions.forEach((d, i) => {
      if (levels[i]! >= d.levels - 1) return
      const distinct = new Set(groups.map((g) => g.values[i])).size
      if (distinct > most) [pick, most] = [i, distinct]
    })
    if (pick < 0) break
    levels[pick]!++
    groups = groupCells(cells, dimensions, levels)
  }
  const released = groups.filter((g) => g.subjects >= k)
  const held = small(groups)
  // Counting requests, one subject may have requests in several groups: the held subjects are the distinct ones among held groups,
  // and the exact sum is on requests (released + held = all). Counting subjects, each subject is in exactly one group.
  const heldSubjects = withRequests ? new Set(held.flatMap((g) => [...(g.keys ?? [])])).size : held.reduce((n, g) => n + g.subjects, 0)
  const generalised: Generalisation[] = []
  dimensions.forEach((d, i) => {
    if (levels[i] === 0) return
    const mapped: Record<string, string> = {}
    for (const c of cells) {
      const from = c.values[i]!
      const to = d.generalise(from, levels[i]!)
      if (to !== from) mapped[from] = to
    }
    generalised.push({ dimension: d.name, level: levels[i]!, levelName: d.levelNames[levels[i]!] ?? ANY, mapped })
  })
  const byName = (g: Group): Record<string, string> => Object.fromEntries(dimensions.map((d, i) => [d.name, g.values[i]!]))
  return {
    k,
    groups: released
      .map((g) => ({ values: byName(g), subjects: g.subjects, ...(withRequests ? { requests: g.requests } : {}) }))
      .sort((a, b) => JSON.stringify(Object.values(a.values)).localeCompare(JSON.stringify(Object.values(b.values)))),
    suppressed: { groups: held.length, subjects: heldSubjects, ...(withRequests ? { requests: held.reduce((n, g) => n + g.requests, 0) } : {}) },
    generalised,
    population: { subjects: populationSubjects, ...(withRequests ? { requests: cells.reduce((n, c) => n + (c.requests ?? 0), 0) } : {}) },
  }
}
