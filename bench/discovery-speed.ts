import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { ColumnTally } from '../src/discovery/columns/classify-column.ts'
import { sampleCrm } from '../src/discovery/databases/sample-crm.ts'
import { createPostgresSample } from '../src/discovery/databases/sample-databases.ts'
import { ChunkPool } from '../src/discovery/files/chunk-pool.ts'
import { readChunks } from '../src/discovery/files/read-chunks.ts'
import { sampleLetters } from '../src/discovery/files/sample-text.ts'
import { scanFiles } from '../src/discovery/files/scan-files.ts'
import { scanTarget } from '../src/discovery/scan-target.ts'
import { median } from './measure.ts'

// Issue 7, "Speed": files at ≥ 150 MB/s per core end to end for the ID, phone, e-mail, card and IBAN
// detectors on mixed Cyrillic/Latin text, ≥ 80 MB/s per core with names and addresses on, beside reading and
// UTF-8 decoding the same file, for one worker and for all cores; databases ≥ 2,000,000 cells/s per core classified.

const MB = 1e6

async function time(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now()
  await fn()
  return (performance.now() - start) / 1000
}

export interface FileSpeed {
  megabytes: number
  cores: number
  readDecodeMBps: number
  /** Starting the worker threads (tsx compiles the detectors in each), paid once per scan. */
  startupMs: Record<number, number>
  rows: { label: string; workers: number; MBps: number; perCoreMBps: number; target: number; exact: boolean }[]
}

export async function benchDiscoveryFiles(options: { megabytes?: number; rounds?: number } = {}): Promise<FileSpeed> {
  const dir = mkdtempSync(join(tmpdir(), 'derbes-bench-discovery-'))
  const path = join(dir, 'letters.txt')
  const { text: block, counts } = sampleLetters(20_000)
  const copies = Math.ceil(((options.megabytes ?? 128) * MB) / Buffer.byteLength(block))
  writeFileSync(path, block.repeat(copies))
  const bytes = Buffer.byteLength(block) * copies
  const rounds = options.rounds ?? 3
  const cores = availableParallelism()
  try {
    // The baseline: the same streamed read, and UTF-8 decoding of every chunk.
    const decoder = new TextDecoder()
    const readDecode = async () => {
      let chars = 0
      for await (const chunk of readChunks(path)) chars += decoder.decode(chunk).length
      return chars
    }
    const measure = async (fn: () => Promise<unknown>) => {
      const rates: number[] = []
      for (let i = 0; i < rounds; i++) rates.push(bytes / MB / (await time(fn)))
      return median(rates)
    }
    const readDecodeMBps = await measure(readDecode)
    const rows: FileSpeed['rows'] = []
    const startupMs: Record<number, number> = {}
    const configurations = [
      { label: 'ID, phone, e-mail, card and IBAN detectors', names: false, identifiersOnly: true, target: 150, kinds: ['iin', 'phone', 'email', 'bank_card', 'iban'] },
      { label: 'every detector, names and addresses on', names: true, identifiersOnly: false, target: 80, kinds: Object.keys(counts) },
    ]
    for (const workers of [...new Set([1, cores])]) {
      const started = performance.now()
      const pool = new ChunkPool(workers)
      await scanFiles(path, { mode: 'sample', sampleSize: 0, names: false, identifiersOnly: true, pool }).catch(() => undefined)
      startupMs[workers] = performance.now() - started
      try {
        for (const { label, names, identifiersOnly, target, kinds } of configurations) {
          // The warm-up run is also the check: the scan must find exactly what the text was made with.
          const [finding] = await scanFiles(path, { mode: 'sample', sampleSize: 0, names, identifiersOnly, pool })
          const exact = kinds.every((kind) => finding!.kinds.find((k) => k.kind === kind)?.count === counts[kind as keyof typeof counts] * copies)
          const MBps = await measure(() => scanFiles(path, { mode: 'sample', sampleSize: 0, names, identifiersOnly, pool }))
          rows.push({ label, workers, MBps, perCoreMBps: MBps / workers, target, exact })
        }
      } finally {
        await pool.close()
      }
    }
    return { megabytes: bytes / MB, cores, readDecodeMBps, startupMs, rows }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export function formatDiscoveryFiles(r: FileSpeed): string {
  const lines = [
    `discovery: files — ${r.megabytes.toFixed(0)} MB of mixed Kazakh/Russian/English text, ${r.cores} core(s); end to end from the file on disk, workers started beforehand`,
    `  baseline: streamed read + UTF-8 decode: ${r.readDecodeMBps.toFixed(0)} MB/s (one thread)`,
    `  starting the workers and a first pass: ${Object.entries(r.startupMs).map(([w, ms]) => `${w} worker(s) ${(ms / 1000).toFixed(1)} s`).join(', ')} (paid once per scan)`,
  ]
  for (const row of r.rows) {
    const met = row.perCoreMBps >= row.target ? 'met' : 'NOT met'
    lines.push(`  ${row.label}, ${row.workers} worker(s): ${row.MBps.toFixed(0)} MB/s = ${row.perCoreMBps.toFixed(0)} MB/s per core (${(row.MBps / r.readDecodeMBps).toFixed(2)}× read+decode; target ≥ ${row.target} per core — ${met}); ${row.exact ? 'found exactly what was planted' : 'DID NOT find exactly what was planted'}`)
  }
  return lines.join('\n')
}

export interface DatabaseSpeed {
  cells: number
  classifyCellsPerSec: number
  endToEnd: { cellsPerSec: number; fetchCellsPerSec: number } | undefined
}

/** Classification in one thread over the sample CRM's cells (the work per core), and a full scan of it on PostgreSQL beside a plain fetch. */
export async function benchDiscoveryDatabases(options: { clients?: number; databaseUrl?: string } = {}): Promise<DatabaseSpeed> {
  const clients = options.clients ?? 100_000
  const tables = sampleCrm(clients)
  const cells = tables.reduce((n, t) => n + t.rows.length * t.columns.length, 0)
  const columns = tables.flatMap((t) => t.columns.map(([name, type], i) => ({ name, type, values: t.rows.map((r) => (r[i] === null ? null : String(r[i]))) })))
  const classify = () => {
    for (const column of columns) {
      const tally = new ColumnTally(column.name, column.type)
      for (let i = 0; i < column.values.length; i += 10_000) tally.add(column.values.slice(i, i + 10_000))
      tally.verdict()
    }
  }
  classify()
  const rates: number[] = []
  for (let i = 0; i < 5; i++) {
    const start = performance.now()
    classify()
    rates.push(cells / ((performance.now() - start) / 1000))
  }
  let endToEnd: DatabaseSpeed['endToEnd']
  if (options.databaseUrl) {
    const database = await createPostgresSample(tables, options.databaseUrl)
    try {
      const client = new pg.Client({ connectionString: database.url })
      await client.connect()
      const fetchAll = async () => {
        for (const t of tables) await client.query({ text: `select ${t.columns.map(([c]) => `${c}::text`).join(', ')} from ${t.name}`, rowMode: 'array' })
      }
      await fetchAll()
      const fetchSeconds = await time(fetchAll)
      await client.end()
      await scanTarget(database.url, { mode: 'full' })
      const scanSeconds = await time(() => scanTarget(database.url, { mode: 'full' }))
      endToEnd = { cellsPerSec: cells / scanSeconds, fetchCellsPerSec: cells / fetchSeconds }
    } finally {
      await database.drop()
    }
  }
  return { cells, classifyCellsPerSec: median(rates), endToEnd }
}

export function formatDiscoveryDatabases(r: DatabaseSpeed): string {
  const met = r.classifyCellsPerSec >= 2_000_000 ? 'met' : 'NOT met'
  const lines = [`discovery: databases — ${r.cells.toLocaleString('en')} cells of the sample CRM`, `  classified in one thread: ${(r.classifyCellsPerSec / 1e6).toFixed(2)} M cells/s per core (target ≥ 2 M — ${met})`]
  if (r.endToEnd) {
    lines.push(`  full scan on PostgreSQL, end to end: ${(r.endToEnd.cellsPerSec / 1e6).toFixed(2)} M cells/s; baseline: a plain SELECT of the same cells as text: ${(r.endToEnd.fetchCellsPerSec / 1e6).toFixed(2)} M cells/s (${(r.endToEnd.cellsPerSec / r.endToEnd.fetchCellsPerSec).toFixed(2)}×)`)
  }
  return lines.join('\n')
}
