import { createReadStream } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import { createInterface } from 'node:readline'
import { parse } from 'csv-parse'
import { ColumnTally } from '../columns/classify-column.ts'
import { columnFinding, type ColumnFinding, type FileFinding } from '../report/scan-report.ts'

/** A JSON file is read whole for its columns only up to this size; beyond it only its text is scanned. */
const JSON_WHOLE_LIMIT = 64 << 20

/**
 * The columns of a table kept in a file — a CSV or TSV with a header row,
 * NDJSON, or a JSON array of objects — classified from its first `rows` rows
 * (all of them when `rows` is Infinity), the way a database table's are from
 * a sample. Nested fields are named by their path (`client.phone`).
 */
export async function fileColumns(path: string, format: FileFinding['format'], rows: number, now?: Date): Promise<ColumnFinding[]> {
  const tallies = new Map<string, ColumnTally>()
  const add = (record: Record<string, unknown>) => {
    for (const [name, value] of Object.entries(record)) {
      let tally = tallies.get(name)
      if (!tally) tallies.set(name, (tally = new ColumnTally(name, undefined, now)))
      tally.add(Array.isArray(value) ? value : [value])
    }
  }
  if (format === 'csv' || format === 'tsv') await eachCsvRecord(path, format === 'tsv' ? '\t' : ',', rows, add)
  else if (format === 'ndjson') await eachNdjsonRecord(path, rows, add)
  else if (format === 'json') await eachJsonRecord(path, rows, add)
  return [...tallies.entries()].map(([name, tally]) => columnFinding(name, 'text', tally.verdict()))
}

async function eachCsvRecord(path: string, delimiter: string, rows: number, add: (record: Record<string, unknown>) => void): Promise<void> {
  const stream = createReadStream(path)
  const parser = stream.pipe(parse({ delimiter, columns: true, bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, trim: true }))
  let seen = 0
  try {
    for await (const record of parser) {
      add(record as Record<string, unknown>)
      if (++seen >= rows) break
    }
  } finally {
    stream.destroy()
  }
}

async function eachNdjsonRecord(path: string, rows: number, add: (record: Record<string, unknown>) => void): Promise<void> {
  const stream = createReadStream(path)
  const lines = createInterface({ input: stream, crlfDelay: Infinity })
  let seen = 0
  try {
    for await (const line of lines) {
      const record = parseObject(line)
      if (!record) continue
      add(flatten(record))
      if (++seen >= rows) break
    }
  } finally {
    lines.close()
    stream.destroy()
  }
}

async function eachJsonRecord(path: string, rows: number, add: (record: Record<string, unknown>) => void): Promise<void> {
  if ((await stat(path)).size > JSON_WHOLE_LIMIT) return
  let parsed: unknown
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'))
  } catch {
    return // not JSON after all: its text is still scanned
  }
  const records = Array.isArray(parsed) ? parsed : [parsed]
  let seen = 0
  for (const record of records) {
    if (record === null || typeof record !== 'object' || Array.isArray(record)) continue
    add(flatten(record as Record<string, unknown>))
    if (++seen >= rows) break
  }
}

function parseObject(line: string): Record<string, unknown> | undefined {
  if (!line.trimStart().startsWith('{')) return undefined
  try {
    return JSON.parse(line) as Record<string, unknown>
  } catch {
    return undefined
  }
}

/** `{ client: { phone: '…' }, tags: ['a'] }` → `{ 'client.phone': '…', 'tags[]': ['a'] }`. */
function flatten(record: Record<string, unknown>, prefix = '', into: Record<string, unknown> = {}): Record<string, unknown> {
  for (const [key, value] of Object.entries(record)) {
    const name = prefix ? `${prefix}.${key}` : key
    if (Array.isArray(value)) into[`${name}[]`] = value.filter((v) => v === null || typeof v !== 'object')
    else if (value !== null && typeof value === 'object') flatten(value as Record<string, unknown>, name, into)
    else into[name] = value
  }
  return into
}
