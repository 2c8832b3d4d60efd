import type { SubjectRecord } from './answer-input.ts'
import { recordValue } from './records-sections.ts'

/** Names the JSON format, so a reader can tell this export from any other JSON. */
export const SUBJECT_DATA_FORMAT = 'derbes.subject-data.v1'

export const CSV_COLUMNS = ['source_system', 'table', 'item', 'value', 'collected_at'] as const

/** UTF-8 byte order mark: without it Excel reads a CSV as the machine's ANSI code page and garbles Cyrillic and Kazakh. */
const BOM = '\uFEFF'

/**
 * A cell that a spreadsheet would run as a formula (`=`, `@`, a leading tab or
 * CR, or `+`/`-` followed by something other than a number) gets a leading
 * apostrophe — OWASP's guard against CSV injection, since values come from
 * forms anyone can fill in. Phone numbers (`+7701…`) and negative numbers
 * are left alone; the JSON export always carries the value unchanged.
 */
function neutraliseFormula(value: string): string {
  return /^[=@\t\r]/.test(value) || /^[+-](?![\d\s.,]|$)/.test(value) ? `'${value}` : value
}

/** RFC 4180: a field with a comma, a double quote, CR or LF is quoted, its quotes doubled. */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

/**
 * The data export of an access request and the portal's download (ESP-3 "a
 * copy of any record", TW-9.1): every record given, as JSON and as CSV. CSV
 * is RFC 4180 (CRLF line ends, quoted where needed) in UTF-8 with a BOM so
 * Excel opens it right, one row per item: source system, table, item, value,
 * collected at (ISO 8601, UTC). Only the records passed in are written.
 *
 * @example
 * const { json, csv } = exportSubjectData(records)
 * attachments.push({ filename: `${reference}.json`, contentType: 'application/json', content: Buffer.from(json) },
 *                  { filename: `${reference}.csv`, contentType: 'text/csv; charset=utf-8', content: Buffer.from(csv) })
 */
export function exportSubjectData(records: readonly SubjectRecord[]): { json: string; csv: string } {
  const rows = records.map((r) => ({
    system: r.system,
    ...(r.systemName ? { systemName: r.systemName } : {}),
    table: r.table,
    item: r.item,
    value: r.value,
    collectedAt: r.collectedAt ? r.collectedAt.toISOString() : null,
  }))
  const json = `${JSON.stringify({ format: SUBJECT_DATA_FORMAT, records: rows }, null, 2)}\n`
  const lines = [
    CSV_COLUMNS.join(','),
    ...records.map((r) =>
      [r.systemName ?? r.system, r.table, r.item, neutraliseFormula(recordValue(r.value)), r.collectedAt ? r.collectedAt.toISOString() : '']
        .map(csvField)
        .join(','),
    ),
  ]
  return { json, csv: `${BOM}${lines.join('\r\n')}\r\n` }
}
