import type { DetectedKind } from '../detectors/detection.ts'
import type { ScanReport } from '../report/scan-report.ts'

export interface ColumnChange {
  table: string
  column: string
  /** The kind in the previous scan, absent when it held no personal data (or did not exist). */
  before?: DetectedKind
  /** The kind now, absent when it holds none (or is gone). */
  after?: DetectedKind
}

export interface ScanDiff {
  previousScanId: string | undefined
  tablesAdded: string[]
  tablesRemoved: string[]
  /** Columns that hold personal data now and did not before, that no longer do, or whose kind changed. */
  columns: ColumnChange[]
}

function kinds(report: ScanReport): Map<string, Map<string, DetectedKind | undefined>> {
  return new Map(report.tables.map((t) => [t.name, new Map(t.columns.map((c) => [c.name, c.kind]))]))
}

/**
 * What changed since the last scan of the same system (issue 7 item 3:
 * "stored, diffable against the last scan"): the drift the data map must
 * follow — new tables, dropped ones, columns that started or stopped holding
 * personal data or hold another kind now.
 */
export function diffReports(previous: { scanId: string; report: ScanReport } | undefined, current: ScanReport): ScanDiff {
  const before = previous ? kinds(previous.report) : new Map<string, Map<string, DetectedKind | undefined>>()
  const after = kinds(current)
  const columns: ColumnChange[] = []
  for (const table of new Set([...before.keys(), ...after.keys()])) {
    const was = before.get(table) ?? new Map<string, DetectedKind | undefined>()
    const now = after.get(table) ?? new Map<string, DetectedKind | undefined>()
    for (const column of new Set([...was.keys(), ...now.keys()])) {
      const b = was.get(column)
      const a = now.get(column)
      if (a !== b) columns.push({ table, column, ...(b ? { before: b } : {}), ...(a ? { after: a } : {}) })
    }
  }
  return {
    previousScanId: previous?.scanId,
    tablesAdded: [...after.keys()].filter((t) => !before.has(t)),
    tablesRemoved: [...before.keys()].filter((t) => !after.has(t)),
    columns,
  }
}
