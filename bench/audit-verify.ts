import { hash } from 'node:crypto'
import { appendAuditBatch, verifyAuditChain, verifyChainRows, type AuditEntryInput } from '../src/audit/index.ts'
import { auditEntryBytes, toAuditEntry, AUDIT_ENTRY_COLUMNS } from '../src/audit/audit-entry.ts'
import type { DatabaseHandle } from '../src/db/index.ts'
import { freshDatabase } from '../src/db/test-databases.ts'
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
const open = (databaseUrl: string | undefined): Promise<DatabaseHandle> => freshDatabase(databaseUrl)

/** Alternating rounds of an async subject and its baseline; medians of entries per second. */
async function alternate(entries: number, rounds: number, subject: () => Promise<unknown>, baseline: () => unknown) {
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
  return { opsPerSec: median(a), baselineOpsPerSec: median(b) }
}

/**
 * Audit verification of one operator's chain of `entries` entries against raw
 * SHA-256 over the same bytes (each entry's canonical serialisation, already
 * in memory), in the same run, alternating rounds; figures are entries per
 * second. Two results:
 * 1. `verifyAuditChain` end to end — read from the database in seq order,
 *    every hash recomputed, every link and the head checked — on embedded
 *    PGlite, or on the server `databaseUrl` names;
 * 2. its core, `verifyChainRows`, over the same entries already read: what
 *    verification costs beyond the database's reading of rows.
 */
export async function benchAuditVerify(options: { entries?: number; rounds?: number; databaseUrl?: string } = {}): Promise<(BenchResult & { ratio: number })[]> {
  const { entries = 100_000, rounds = 5, databaseUrl } = options
  const where = databaseUrl ? 'PostgreSQL' : 'PGlite'
  const database = await open(databaseUrl)
  try {
    await database.db.insertInto('operators').values({ operator_id: OPERATOR, name: JSON.stringify({ kk: 'b', ru: 'b', en: 'b' }), bin: null }).execute()
    for (let start = 0; start < entries; start += 10_000) {
      const batch = Array.from({ length: Math.min(10_000, entries - start) }, (_, i) => sample(start + i + 1))
      await database.db.transaction().execute((trx) => appendAuditBatch(trx, batch))
    }
    const rows = await database.db.selectFrom('audit_entries').select([...AUDIT_ENTRY_COLUMNS]).where('operator_id', '=', OPERATOR).orderBy('seq').execute()
    const read = rows.map(toAuditEntry)
    // The baseline's input: exactly the bytes verification hashes.
    const bytes = read.map((entry) => Buffer.from(auditEntryBytes(entry), 'utf8'))
    const head = { seq: entries, hash: read[read.length - 1]!.hash }

    let sink = 0
    const baseline = () => {
      for (const b of bytes) sink += hash('sha256', b, 'hex').length
    }
    const check = (result: { ok: boolean; entries: number }) => {
      if (!result.ok || result.entries !== entries) throw new Error(`verify failed: ${JSON.stringify(result)}`)
    }
    const endToEnd = await alternate(entries, rounds, async () => check(await verifyAuditChain(database.db, OPERATOR, { batchSize: 5_000 })), baseline)
    const core = await alternate(entries, rounds, async () => check(await verifyChainRows(read, { operatorId: OPERATOR, head })), baseline)
    if (sink === 0) throw new Error('nothing was hashed')
    const n = entries.toLocaleString('en-US')
    return [
      {
        name: `audit verify — one chain of ${n} entries on ${where}, end to end (ops = entries)`,
        subject: 'verifyAuditChain (read, canonicalise, SHA-256, link)',
        baseline: 'SHA-256 of the same bytes, in memory (crypto.hash)',
        ...endToEnd,
        ratio: endToEnd.opsPerSec / endToEnd.baselineOpsPerSec,
      },
      {
        name: `audit verify — its core over the ${n} entries already read (ops = entries)`,
        subject: 'verifyChainRows (canonicalise, SHA-256, link)',
        baseline: 'SHA-256 of the same bytes, in memory (crypto.hash)',
        ...core,
        ratio: core.opsPerSec / core.baselineOpsPerSec,
      },
    ]
  } finally {
    await database.close()
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { formatResult } = await import('./measure.ts')
  const results = [...(process.env.DATABASE_URL ? await benchAuditVerify({ databaseUrl: process.env.DATABASE_URL }) : []), ...(await benchAuditVerify())]
  process.stdout.write(`${results.map(formatResult).join('\n\n')}\n`)
}
