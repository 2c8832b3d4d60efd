import { open, readdir, stat } from 'node:fs/promises'
import { extname, join } from 'node:path'
import { DETECTED_KINDS, ITEM_KIND_OF } from '../detectors/detection.ts'
import type { FileFinding, KindCount, ScanMode } from '../report/scan-report.ts'
import { ChunkPool } from './chunk-pool.ts'
import { CHUNK_BYTES, readChunks } from './read-chunks.ts'
import { emptySummary, mergeSummary, scanChunk, type ChunkOptions, type ChunkSummary } from './scan-chunk.ts'
import { fileColumns } from './table-columns.ts'

export interface FileScanOptions {
  mode: ScanMode
  /** Rows of a table file whose columns are classified in sample mode. */
  sampleSize: number
  names: boolean
  /** Only identifiers, phones, e-mails, cards and IBANs in the text (no dates, IP/MAC addresses, postcodes). */
  identifiersOnly?: boolean
  /** Worker threads; 0 scans in this thread. One per core by default. */
  workers?: number
  /** Workers already started (kept open for the next scan); `workers` is then ignored. */
  pool?: ChunkPool
  minConfidence?: number
  /** Bytes scanned so far of all files, and in all. */
  onProgress?: (done: number, total: number) => void
  now?: Date
}

const FORMATS: Record<string, FileFinding['format']> = { '.csv': 'csv', '.tsv': 'tsv', '.ndjson': 'ndjson', '.jsonl': 'ndjson', '.json': 'json' }
/** Counted as a detection when at least this sure (a date without birth context, a lone first name, are not). */
export const DEFAULT_MIN_CONFIDENCE = 0.5

/**
 * Scans a file, or every file under a directory, for personal data (issue 7:
 * "CSV, JSON/NDJSON and plain text files, streamed, any size, in worker
 * threads"). Binary files met in a directory are skipped.
 */
export async function scanFiles(path: string, options: FileScanOptions): Promise<FileFinding[]> {
  const files = await listFiles(path)
  const total = (await Promise.all(files.map(async (file) => (await stat(file)).size))).reduce((a, b) => a + b, 0)
  const chunkOptions: ChunkOptions = { names: options.names, minConfidence: options.minConfidence ?? DEFAULT_MIN_CONFIDENCE, identifiersOnly: options.identifiersOnly ?? false }
  // Worker threads pay for themselves only past one chunk: below it the file is scanned here.
  const own = !options.pool && (options.workers ?? 1) > 0 && total > CHUNK_BYTES
  const pool = options.pool ?? (own ? new ChunkPool(options.workers) : undefined)
  let done = 0
  const progress = (bytes: number) => {
    done += bytes
    options.onProgress?.(done, total)
  }
  try {
    const findings: FileFinding[] = []
    for (const file of files) {
      const format = FORMATS[extname(file).toLowerCase()] ?? 'text'
      const summary = await scanText(file, chunkOptions, pool, progress)
      const rows = options.mode === 'full' ? Infinity : options.sampleSize
      findings.push({ path: file, format, bytes: (await stat(file)).size, kinds: kindCounts(summary), columns: await fileColumns(file, format, rows, options.now) })
    }
    return findings
  } finally {
    if (own) await pool?.close()
  }
}

async function scanText(path: string, options: ChunkOptions, pool: ChunkPool | undefined, progress: (bytes: number) => void): Promise<ChunkSummary> {
  const total = emptySummary()
  const summaries: Promise<void>[] = []
  for await (const chunk of readChunks(path, CHUNK_BYTES, pool ? (size) => pool.allocate(size) : undefined)) {
    const length = chunk.length
    if (!pool) {
      mergeSummary(total, scanChunk(chunk, options))
      progress(length)
      continue
    }
    const { summary } = await pool.submit(chunk, options)
    summaries.push(summary.then((s) => {
      mergeSummary(total, s)
      progress(length)
    }))
  }
  await Promise.all(summaries)
  return total
}

function kindCounts(summary: ChunkSummary): KindCount[] {
  return DETECTED_KINDS.flatMap((kind, i) =>
    summary.counts[i]! > 0 ? [{ kind, itemKind: ITEM_KIND_OF[kind], count: summary.counts[i]!, examples: summary.examples[i]! }] : [],
  )
}

async function listFiles(path: string): Promise<string[]> {
  const info = await stat(path)
  if (info.isFile()) return [path]
  const entries = await readdir(path, { withFileTypes: true, recursive: true })
  const files = entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name)).sort()
  const text: string[] = []
  for (const file of files) if (!(await looksBinary(file))) text.push(file)
  return text
}

/** A NUL byte in the first 8 KiB: an image, an archive, a database file — not text discovery can read. */
async function looksBinary(path: string): Promise<boolean> {
  const file = await open(path, 'r')
  try {
    const head = Buffer.alloc(8192)
    const { bytesRead } = await file.read(head, 0, head.length, 0)
    return head.subarray(0, bytesRead).includes(0)
  } finally {
    await file.close()
  }
}
