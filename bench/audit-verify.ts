import { hash } from 'node:crypto'
import { sql } from 'kysely'
import { appendAuditBatch, createCheckpoint, LocalKeyFileSigner, verifyAuditChain, verifyChainRows, type AuditEntryInput, type StoredAuditRow } from '../src/audit/index.ts'
import type { DatabaseHandle } from '../src/db/index.ts'
import { freshDatabase } from '../src/db/test-databases.ts'
import { alternateRounds, type BenchResult } from './measure.ts'

const OPERATOR = 'bench'
const T0 = Date.parse('2026-12-02T10:00:00.000Z')
/** What `verifyAuditChain` reads per query by default. */
const PAGE = 10_000

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

export interface AuditVerifyResult extends BenchResult {
  ratio: number
  /** What the ratio says, for the printout. */
  meaning: string
  /** Whether issue 3's target (≥ 0.5×) is about this ratio. */
  target: boolean
}

/**
 * Audit verification of one operator's chain of `entries` entries against
 * raw SHA-256 over the same bytes, in the same run, alternating rounds;
 * figures are entries per second.
 *
 * The baseline is the least a verifier can do: one SHA-256 per entry (a hash
 * chain needs each entry's own digest) over exactly the bytes that are
 * hashed — each entry's stored body — already in memory as UTF-8 buffers
 * (`crypto.hash`, hex, as verification compares).
 *
 * 1. End to end: `verifyAuditChain` with a checkpoint verifier — exactly what
 *    `derbes audit verify` and `GET …/audit/verify` run: read the head and the
 *    signed checkpoint, let the database hash and link every stored body,
 *    check head and checkpoint. On embedded PGlite, or on the server
 *    `databaseUrl` names.
 * 2. The same beside a second baseline: the database itself hashing the same
 *    stored bodies (one `sha256` per row, counted) — the least any check of
 *    stored rows does, reading them once; with as many queries at once as
 *    verification runs.
 * 3. Its core, `verifyChainRows`, over the same rows already read into this
 *    process: what checking costs beyond hashing (the path that names a break).
 */
export async function benchAuditVerify(options: { entries?: number; rounds?: number; databaseUrl?: string } = {}): Promise<AuditVerifyResult[]> {
  const { entries = 100_000, rounds = 5, databaseUrl } = options
  const where = databaseUrl ? 'PostgreSQL' : 'PGlite'
  const database: DatabaseHandle = await freshDatabase(databaseUrl)
  try {
    await database.db.insertInto('operators').values({ operator_id: OPERATOR, name: JSON.stringify({ kk: 'b', ru: 'b', en: 'b' }), bin: null }).execute()
    for (let start = 0; start < entries; start += 10_000) {
      const batch = Array.from({ length: Math.min(10_000, entries - start) }, (_, i) => sample(start + i + 1))
      await database.db.transaction().execute((trx) => appendAuditBatch(trx, batch))
    }
    const signer = LocalKeyFileSigner.ephemeral()
    await createCheckpoint(database.db, OPERATOR, signer)
    const rows: StoredAuditRow[] = await database.db.selectFrom('audit_entries').select(['seq', 'body', 'hash']).where('operator_id', '=', OPERATOR).orderBy('seq').execute()
    const pages = Array.from({ length: Math.ceil(rows.length / PAGE) }, (_, i) => rows.slice(i * PAGE, (i + 1) * PAGE))
    const bytes = rows.map((row) => Buffer.from(row.body, 'utf8'))
    const head = { seq: entries, hash: rows[rows.length - 1]!.hash }

    let sink = 0
    const baseline = () => {
      for (const b of bytes) sink += hash('sha256', b, 'hex').length
    }
    const check = (result: { ok: boolean; entries: number }) => {
      if (!result.ok || result.entries !== entries) throw new Error(`verify failed: ${JSON.stringify(result)}`)
    }
    const endToEnd = await alternateRounds(entries, rounds, async () => check(await verifyAuditChain(database.db, OPERATOR, { verifier: signer })), baseline)
    const halves = databaseUrl ? [[0, entries / 2], [entries / 2, entries]] : [[0, entries]]
    const hashedInDatabase = async () => {
      await Promise.all(
        halves.map(([lo, hi]) =>
          sql`select count(*) filter (where sha256(convert_to(body, 'UTF8')) is not null) from audit_entries where operator_id = ${OPERATOR} and seq > ${lo} and seq <= ${hi}`.execute(database.db),
        ),
      )
    }
    const againstDatabase = await alternateRounds(entries, rounds, async () => check(await verifyAuditChain(database.db, OPERATOR, { verifier: signer })), hashedInDatabase)
    // A round of the core takes ~0.1 s: thrice the rounds, so a neighbour's burst of work skews its median less.
    const core = await alternateRounds(entries, rounds * 3, async () => check(await verifyChainRows(pages, { operatorId: OPERATOR, head })), baseline)
    if (sink === 0) throw new Error('nothing was hashed')
    const n = entries.toLocaleString('en-US')
    const averageBytes = Math.round(bytes.reduce((sum, b) => sum + b.length, 0) / bytes.length)
    const baselineName = `SHA-256 of each stored body (~${averageBytes} B), in memory`
    return [
      {
        name: `audit verify — one chain of ${n} entries on ${where}, end to end (ops = entries)`,
        subject: 'verifyAuditChain (read rows, SHA-256, links, head)',
        baseline: baselineName,
        ...endToEnd,
        ratio: endToEnd.opsPerSec / endToEnd.baselineOpsPerSec,
        meaning: 'what `derbes audit verify` does, reading included',
        target: true,
      },
      {
        name: `audit verify — the same chain on ${where}, beside the database hashing the same stored bodies (ops = entries)`,
        subject: 'verifyAuditChain (as above)',
        baseline: `one SHA-256 per stored body, in the database${databaseUrl ? ', two queries at once' : ''}`,
        ...againstDatabase,
        ratio: againstDatabase.opsPerSec / againstDatabase.baselineOpsPerSec,
        meaning: 'verification against the least any check of the stored rows must do: read each once and hash it',
        target: false,
      },
      {
        name: `audit verify — its core over the ${n} rows already read (ops = entries)`,
        subject: 'verifyChainRows (SHA-256, links, seq, head)',
        baseline: baselineName,
        ...core,
        ratio: core.opsPerSec / core.baselineOpsPerSec,
        meaning: 'verification alone, rows already read: the cost it adds to hashing',
        target: false,
      },
    ]
  } finally {
    await database.close()
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { formatResult } = await import('./measure.ts')
  const results = [...(process.env.DATABASE_URL ? await benchAuditVerify({ databaseUrl: process.env.DATABASE_URL }) : []), ...(await benchAuditVerify())]
  process.stdout.write(`${results.map((r) => `${formatResult(r)}\n  ${r.meaning}${r.target ? ' (target ≥ 0.5)' : ''}`).join('\n\n')}\n`)
}
