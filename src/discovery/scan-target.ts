import { stat } from 'node:fs/promises'
import { DerbesError } from '../errors/index.ts'
import { redactUrl } from '../systems/index.ts'
import { DEFAULT_SAMPLE_SIZE, scanDatabase } from './databases/scan-database.ts'
import { isDatabaseUrl, openDatabaseSource } from './databases/open-source.ts'
import { scanFiles } from './files/scan-files.ts'
import type { ScanMode, ScanReport } from './report/scan-report.ts'

export interface ScanOptions {
  mode?: ScanMode
  sampleSize?: number
  /** Names and addresses in files' text (on by default). */
  names?: boolean
  /** Files: only identifiers, phones, e-mails, cards and IBANs in the text. */
  identifiersOnly?: boolean
  workers?: number
  /** PostgreSQL: only these schemas (a connected system's); all user schemas otherwise. */
  schemas?: readonly string[]
  /** Progress as a share in [0, 1] and what is being read. */
  onProgress?: (share: number, what: string) => void
  now?: () => Date
}

/**
 * Scans a database given by its URL, or a file or directory, and reports what
 * personal data it holds (issue 7). Reads only; stores nothing.
 */
export async function scanTarget(target: string, options: ScanOptions = {}): Promise<ScanReport> {
  const now = options.now ?? (() => new Date())
  const mode = options.mode ?? 'sample'
  const sampleSize = options.sampleSize ?? DEFAULT_SAMPLE_SIZE
  const startedAt = now().toISOString()
  const common = { mode, ...(mode === 'sample' ? { sampleSize } : {}), startedAt }
  if (isDatabaseUrl(target)) {
    const source = openDatabaseSource(target, options.schemas ? { schemas: options.schemas } : {})
    try {
      const tables = await scanDatabase(source, {
        mode,
        sampleSize,
        now: now(),
        onTable: (done, total, table) => options.onProgress?.(done / total, table),
      })
      return { source: source.kind, target: redactUrl(target), ...common, finishedAt: now().toISOString(), tables, files: [] }
    } finally {
      await source.close()
    }
  }
  const exists = await stat(target).then(() => true, () => false)
  if (!exists) {
    const what = target.includes('://') ? `a URL of '${target.split(':')[0]}'` : `'${target}': no such file or directory`
    throw new DerbesError('DERBES_SCAN_TARGET_UNKNOWN', `cannot scan ${what}; give a postgres://, mysql:// or mariadb:// URL, or a file or directory path`)
  }
  const files = await scanFiles(target, {
    mode,
    sampleSize,
    names: options.names ?? true,
    identifiersOnly: options.identifiersOnly ?? false,
    now: now(),
    ...(options.workers !== undefined ? { workers: options.workers } : {}),
    onProgress: (done, total) => options.onProgress?.(total === 0 ? 1 : done / total, target),
  })
  return { source: 'file', target, ...common, finishedAt: now().toISOString(), tables: [], files }
}
