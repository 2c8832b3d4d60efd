import { ColumnTally } from '../columns/classify-column.ts'
import { columnFinding, type ScanMode, type TableFinding } from '../report/scan-report.ts'
import type { CatalogTable, DatabaseSource } from './database-source.ts'

export interface DatabaseScanOptions {
  mode: ScanMode
  /** Rows per table in sample mode. */
  sampleSize: number
  /** Rows per fetch in full mode. */
  batchSize?: number
  /** Called after each table with how many of how many are done. */
  onTable?: (done: number, total: number, table: string) => void
  now?: Date
}

export const DEFAULT_SAMPLE_SIZE = 1000

/**
 * Scans every table of a database (issue 7, "Scanning": "sampling rows per
 * column, with a configurable sample size and a full-scan mode") and
 * classifies each column. Tables are read one after another so the operator's
 * database sees at most one discovery query at a time.
 */
export async function scanDatabase(source: DatabaseSource, options: DatabaseScanOptions): Promise<TableFinding[]> {
  const tables = await source.tables()
  const findings: TableFinding[] = []
  for (const [index, table] of tables.entries()) {
    findings.push(await scanTable(source, table, options))
    options.onTable?.(index + 1, tables.length, table.name)
  }
  return findings
}

async function scanTable(source: DatabaseSource, table: CatalogTable, options: DatabaseScanOptions): Promise<TableFinding> {
  const tallies = table.columns.map((column) => new ColumnTally(column.name, column.type, options.now))
  let rowsRead = 0
  const add = (rows: unknown[][]) => {
    rowsRead += rows.length
    for (const [i, tally] of tallies.entries()) tally.add(rows.map((row) => row[i]))
  }
  if (options.mode === 'full') {
    for await (const rows of source.readAll(table, options.batchSize ?? 10_000)) add(rows)
  } else {
    add(await source.sample(table, options.sampleSize))
  }
  const columns = tallies.map((tally, i) => columnFinding(table.columns[i]!.name, table.columns[i]!.type, tally.verdict()))
  return { name: table.name, ...(table.estimatedRows !== undefined ? { estimatedRows: table.estimatedRows } : {}), rowsRead, columns }
}
