/** A column of a table as the database's catalogue describes it. */
export interface CatalogColumn {
  name: string
  type: string
}

export interface CatalogTable {
  /** `schema.table`, or just `table` in the default schema. */
  name: string
  /** The planner's estimate; undefined when the database has none yet. */
  estimatedRows: number | undefined
  columns: CatalogColumn[]
}

/**
 * A database discovery reads (issue 7, "Scanning"): its catalogue, a sample of
 * rows per table, or every row. Values arrive as text, one array per row in
 * the order of the columns asked for. Sources only ever read.
 */
export interface DatabaseSource {
  readonly kind: 'postgres' | 'mysql'
  tables(): Promise<CatalogTable[]>
  /** About `size` rows spread over the table (not merely the first ones). */
  sample(table: CatalogTable, size: number): Promise<unknown[][]>
  /** Every row, in batches, for full-scan mode. */
  readAll(table: CatalogTable, batchSize: number): AsyncIterable<unknown[][]>
  close(): Promise<void>
}

/** The share of rows to draw so that about `size` come back, with a margin; 100 when the table is small or unknown. */
export function samplePercent(size: number, estimatedRows: number | undefined): number {
  if (estimatedRows === undefined || estimatedRows <= size * 2) return 100
  return Math.min(100, (100 * size * 1.5) / estimatedRows)
}
