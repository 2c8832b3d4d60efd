import { ITEM_KIND_OF, type DetectedKind } from '../detectors/detection.ts'
import type { ItemKind } from '../../policy/schema/data.ts'
import type { ColumnClassification, Mention } from '../columns/classify-column.ts'

/** What discovery concluded about one column (issue 7, "Results": tables → columns → kind → confidence → samples → item). */
export interface ColumnFinding {
  name: string
  type: string
  /** Non-empty values looked at. */
  sampled: number
  kind?: DetectedKind
  /** The policy's item kind `kind` maps to. */
  itemKind?: ItemKind
  /** The operator's policy item proposed for the column, or the one the data map already gives it (scans of a connected system). */
  itemId?: string
  confidence: number
  /** Values that are wholly `kind`. */
  matched: number
  examples: string[]
  mentions: Mention[]
}

export interface TableFinding {
  name: string
  estimatedRows?: number
  /** Rows read: the sample, or all of them in full mode. */
  rowsRead: number
  columns: ColumnFinding[]
}

/** Personal data found in a file's text, per kind. */
export interface KindCount {
  kind: DetectedKind
  itemKind: ItemKind
  /** The policy's item of that kind, when a policy was given. */
  itemId?: string
  count: number
  examples: string[]
}

export interface FileFinding {
  path: string
  format: 'csv' | 'tsv' | 'ndjson' | 'json' | 'text'
  bytes: number
  kinds: KindCount[]
  /** For tables in files (CSV, TSV, NDJSON, a JSON array of objects): their columns, from the first rows. */
  columns: ColumnFinding[]
}

export type ScanMode = 'sample' | 'full'

/**
 * One scan of one target: a database (its URL with the password hidden) or a
 * file. Never holds a value of personal data, only counts, kinds and masked
 * examples.
 */
export interface ScanReport {
  source: 'postgres' | 'mysql' | 'file'
  target: string
  mode: ScanMode
  /** Rows sampled per table in sample mode. */
  sampleSize?: number
  startedAt: string
  finishedAt: string
  tables: TableFinding[]
  files: FileFinding[]
}

/** The columns found to hold personal data, with where they are. */
export function personalColumns(report: ScanReport): { table: string; column: ColumnFinding }[] {
  const tables = report.tables.map((t) => ({ name: t.name, columns: t.columns }))
  const files = report.files.map((f) => ({ name: f.path, columns: f.columns }))
  return [...tables, ...files].flatMap((t) => t.columns.filter((c) => c.kind !== undefined).map((column) => ({ table: t.name, column })))
}

/** A column's finding from the classifier's verdict: what a report keeps of it. */
export function columnFinding(name: string, type: string, verdict: ColumnClassification): ColumnFinding {
  return {
    name,
    type,
    sampled: verdict.sampled,
    ...(verdict.kind ? { kind: verdict.kind, itemKind: ITEM_KIND_OF[verdict.kind] } : {}),
    confidence: verdict.confidence,
    matched: verdict.matched,
    examples: verdict.examples,
    mentions: verdict.mentions,
  }
}
