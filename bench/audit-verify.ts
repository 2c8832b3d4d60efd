import { createHash, randomBytes } from 'node:crypto'
import pg from 'pg'
import { appendAuditBatch, verifyAuditChain, type AuditEntryInput } from '../src/audit/index.ts'
import { auditEntryBytes, toAuditEntry, AUDIT_ENTRY_COLUMNS } from '../src/audit/audit-entry.ts'
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../src/db/index.ts'
import type { BenchResult } from './measure.ts'

const OPERATOR = 'bench'
const T0 = Date.parse('2026-12-02T10:00:00.000Z')

/** A realistic entry: a staff member views two items of a subject on a recorded basis. */
function sample(i: number): AuditEntryInput {
  return {
    operatorId: OPERATOR,
    at: new Date(T0 + i * 1000),
    actor: `staff:${i % 40}`,
    action: i % 3 === 0 ? 'consent_given' : 'view',
    subjectId: `5f0c6f0e-3a51-4d1e-9a57-${String(i).padStart(12, '0')}`,
    basis: 'job_duties',
    purpose: 'contract',
    details: { itemIds: ['phone', 'iin'], formId: 'ttc-main', formVersion: 3, count: i },
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

/** PGlite in memory, or a fresh schema on the server (dropped afterwards). */
async function open(databaseUrl: string | undefined): Promise<DatabaseHandle> {
  if (!databaseUrl) return openDatabase({ dataDir: 'memory://' })
  const schema = `derbes_bench_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: databaseUrl })
  await admin.connect()
  await admin.query(`create schema ${schema}`)
  await admin.end()
  const handle = await openDatabase({ databaseUrl, searchPath: schema })
  return {
    ...handle,
    async close() {
      await handle.close()
      const cleanup = new pg.Client({ connectionString: databaseUrl })
      await cleanup.connect()
      await cleanup.query(`drop schema ${schema} cascade`)
      await cleanup.end()
    },
  }
}

/**
 * `derbes audit verify` of one operator's chain of `entries` entries — read
 * in seq order, every hash recomputed, every link checked — against raw
 * SHA-256 over the same bytes (each entry's canonical serialisation, already
 * in memory), in the same run, alternating rounds; medians. Figures are
 * entries per second. On embedded PGlite, or on the server `databaseUrl` names.
 */
export async function benchAuditVerify(options: { entries?: number; rounds?: number; databaseUrl?: string } = {}): Promise<BenchResult & { ratio: number }> {
  const { entries = 100_000, rounds = 5, databaseUrl } = options
  const database = await open(databaseUrl)
  try {
    await migrateToLatest(database.db)
    await database.db.insertInto('operators').values({ operator_id: OPERATOR, name: JSON.stringify({ kk: 'b', ru: 'b', en: 'b' }), bin: null }).execute()
    for (let start = 0; start < entries; start += 10_000) {
      const batch = Array.from({ length: Math.min(10_000, entries - start) }, (_, i) => sample(start + i + 1))
      await database.db.transaction().execute((trx) => appendAuditBatch(trx, batch))
    }
    // The baseline's input: exactly the bytes verify hashes, read back once.
    const rows = await database.db.selectFrom('audit_entries').select([...AUDIT_ENTRY_COLUMNS]).where('operator_id', '=', OPERATOR).orderBy('seq').execute()
    const bytes = rows.map((row) => Buffer.from(auditEntryBytes(toAuditEntry(row)), 'utf8'))

    let sink = 0
    const subject = async () => {
      const result = await verifyAuditChain(database.db, OPERATOR, { batchSize: 5_000 })
      if (!result.ok || result.entries !== entries) throw new Error(`verify failed: ${JSON.stringify(result)}`)
    }
    const baseline = () => {
      for (const b of bytes) sink += createHash('sha256').update(b).digest()[0]!
    }
    await subject()
    baseline()
    const a: number[] = []
    const b: number[] = []
    for (let round = 0; round < rounds; round++) {
      let t = performance.now()
      await subject()
      a.push((entries * 1000) / (performance.now() - t))
      t = performance.now()
      baseline()
      b.push((entries * 1000) / (performance.now() - t))
    }
    if (sink === 0) throw new Error('nothing was hashed')
    const opsPerSec = median(a)
    const baselineOpsPerSec = median(b)
    return {
      name: `audit verify — one chain of ${entries.toLocaleString('en-US')} entries on ${databaseUrl ? 'PostgreSQL' : 'PGlite'} (ops = entries)`,
      subject: 'verifyAuditChain (read, canonicalise, SHA-256, link)',
      baseline: 'SHA-256 of the same bytes, in memory',
      opsPerSec,
      baselineOpsPerSec,
      ratio: opsPerSec / baselineOpsPerSec,
    }
  } finally {
    await database.close()
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { formatResult } = await import('./measure.ts')
  if (process.env.DATABASE_URL) process.stdout.write(`${formatResult(await benchAuditVerify({ databaseUrl: process.env.DATABASE_URL }))}\n\n`)
  process.stdout.write(`${formatResult(await benchAuditVerify())}\n`)
}
