import type { ColumnFinding, ScanReport } from './scan-report.ts'

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => [...r[i]!].length)))
  const line = (cells: string[]) => cells.map((c, i) => c + ' '.repeat(widths[i]! - [...c].length)).join('  ').trimEnd()
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n')
}

function columnRow(where: string, column: ColumnFinding): string[] {
  return [where, column.name, column.kind ?? '', column.confidence.toFixed(2), `${column.matched}/${column.sampled}`, column.itemId ?? column.itemKind ?? '', column.examples.join(', ')]
}

/**
 * The summary `derbes scan` prints: the columns that hold personal data (and
 * the free-text columns where some was found), then, for files, what their
 * text holds per kind.
 */
export function summaryTable(report: ScanReport): string {
  const parts: string[] = [`${report.source} ${report.target} — ${report.mode}${report.sampleSize ? ` (${report.sampleSize} rows a table)` : ''}`]
  const columnRows: string[][] = []
  const mentionRows: string[][] = []
  const collect = (where: string, columns: ColumnFinding[]) => {
    for (const column of columns) {
      if (column.kind) columnRows.push(columnRow(where, column))
      else for (const m of column.mentions) mentionRows.push([where, column.name, m.kind, String(m.cells), m.examples.join(', ')])
    }
  }
  for (const t of report.tables) collect(t.name, t.columns)
  for (const f of report.files) collect(f.path, f.columns)
  const scannedColumns = report.tables.reduce((n, t) => n + t.columns.length, 0) + report.files.reduce((n, f) => n + f.columns.length, 0)
  if (scannedColumns > 0) {
    parts.push(`${columnRows.length} of ${scannedColumns} column(s) hold personal data`)
    if (columnRows.length > 0) parts.push(table(['table', 'column', 'kind', 'conf.', 'matched', 'policy item (or kind)', 'examples (masked)'], columnRows))
    if (mentionRows.length > 0) parts.push('found inside other columns', table(['table', 'column', 'kind', 'cells', 'examples (masked)'], mentionRows))
  }
  const textRows = report.files.flatMap((f) => f.kinds.map((k) => [f.path, k.kind, String(k.count), k.itemId ?? k.itemKind, k.examples.join(', ')]))
  if (report.files.length > 0) {
    const bytes = report.files.reduce((n, f) => n + f.bytes, 0)
    parts.push(`${report.files.length} file(s), ${(bytes / 1e6).toFixed(1)} MB of text`)
    if (textRows.length > 0) parts.push(table(['file', 'kind', 'count', 'policy item (or kind)', 'examples (masked)'], textRows))
  }
  return parts.join('\n\n')
}
