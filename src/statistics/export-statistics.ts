import { appendAudit } from '../audit/index.ts'
import { DerbesError } from '../errors/index.ts'
import type { AppDeps } from '../http/app-deps.ts'
import { almatyDate } from '../kz/index.ts'
import { getPublishedVersion } from '../operators/index.ts'
import { countCells } from './count-cells.ts'
import { kAnonymise, type AnonymisedTable } from './k-anonymise.ts'
import { statisticsCsv } from './statistics-csv.ts'
import { resolveDimensions, type StatisticsUnit } from './statistics-dimensions.ts'

export interface StatisticsExportInput {
  dimensions: readonly string[]
  /** `subjects` (always) and, for request dimensions, `requests`. */
  measures?: readonly ('subjects' | 'requests')[]
  /** At least this many subjects in every released group; the configured default (5) when absent. */
  k?: number
  /** Generalise further while more than this share of subjects would be suppressed (default 0.05). */
  maxSuppressedShare?: number
}

export interface StatisticsExport extends AnonymisedTable {
  operatorId: string
  unit: StatisticsUnit
  dimensions: string[]
  exportedAt: string
  policyVersionId: string
  /** The same table as CSV, with a `(suppressed)` row. */
  csv: string
  clauses: string[]
}

const CLAUSES = ['art. 17(1)', 'TW-3.2.6', 'PS-8.1']

/**
 * Aggregate statistics of an operator for research and marketing: counts by
 * non-identifying attributes Derbes holds in clear, generalised and
 * suppressed so that every released group holds at least k subjects
 * (art. 17(1): anonymised before statistical or marketing research; TW-3.2.6
 * statistics on anonymised data; PS-8.1 anonymous statistics may be shared,
 * also after a withdrawal). One transaction reads a consistent snapshot and
 * records who exported which dimensions with which k in the audit log.
 *
 * @example
 * const out = await exportStatistics(deps, 'tw', { dimensions: ['subject_kind', 'relationship_start_year'], k: 5 }, 'staff:3', 5)
 * out.groups.every((g) => g.subjects >= 5) // true
 */
export async function exportStatistics(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  operatorId: string,
  input: StatisticsExportInput,
  actor: string,
  defaultK: number,
): Promise<StatisticsExport> {
  const version = await getPublishedVersion(deps, operatorId)
  const { unit, dimensions } = resolveDimensions(version.compiled, input.dimensions)
  if (unit === 'subjects' && input.measures?.includes('requests')) {
    throw new DerbesError('DERBES_STATISTICS_DIMENSION_UNKNOWN', 'requests are counted by request dimensions only', [{ pointer: '/body/measures', detail: 'use request_kind, request_state, request_channel or request_year' }])
  }
  const k = input.k ?? defaultK
  const now = deps.clock()
  return deps.db.transaction().execute(async (trx) => {
    const cells = await countCells(trx, operatorId, unit, dimensions, { today: almatyDate(now), adultAge: version.compiled.document.ageRules.adultAge })
    const table = kAnonymise(cells, dimensions, { k, countRequests: unit === 'requests', ...(input.maxSuppressedShare !== undefined ? { maxSuppressedShare: input.maxSuppressedShare } : {}) })
    const names = dimensions.map((d) => d.name)
    await appendAudit(trx, {
      operatorId, at: now, actor, action: 'statistics_exported',
      details: {
        dimensions: names, unit, k,
        groups: table.groups.length,
        suppressedGroups: table.suppressed.groups,
        suppressedSubjects: table.suppressed.subjects,
        generalised: table.generalised.map((g) => `${g.dimension}:${g.levelName}`),
        clauses: CLAUSES,
      },
    })
    return { operatorId, unit, dimensions: names, exportedAt: now.toISOString(), policyVersionId: version.compiled.versionId, ...table, csv: statisticsCsv(table, names), clauses: CLAUSES }
  })
}
