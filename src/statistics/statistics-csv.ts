import type { AnonymisedTable } from './k-anonymise.ts'

const cell = (v: string | number) => {
  const s = String(v)
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s
}

/** The marker the suppression row carries in every dimension column. */
export const SUPPRESSED_MARK = '(suppressed)'

/**
 * The released groups as CSV (RFC 4180, CRLF), one column per dimension and
 * measure, and a last row `(suppressed)` with what was held back, so the
 * column of subjects (or requests) sums to the population.
 *
 * @example
 * statisticsCsv(table, ['subject_kind']) // 'subject_kind,subjects\r\nclient,12\r\n(suppressed),3\r\n'
 */
export function statisticsCsv(table: AnonymisedTable, dimensions: readonly string[]): string {
  const withRequests = table.population.requests !== undefined
  const header = [...dimensions, 'subjects', ...(withRequests ? ['requests'] : [])]
  const rows = table.groups.map((g) => [...dimensions.map((d) => g.values[d]!), g.subjects, ...(withRequests ? [g.requests ?? 0] : [])])
  rows.push([...dimensions.map(() => SUPPRESSED_MARK), table.suppressed.subjects, ...(withRequests ? [table.suppressed.requests ?? 0] : [])])
  return [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n'
}
