import { sql, type Kysely } from 'kysely'
import type { Database } from '../db/index.ts'
import { checkpointPayload, type CheckpointVerifier } from './checkpoint-signer.ts'
import { GENESIS_HASH } from './audit-entry.ts'
import { verifyChainRows, type BrokenEntry, type ChainVerification, type StoredAuditRow } from './verify-chain-rows.ts'
import { verifyInDatabase } from './verify-in-database.ts'

/**
 * Rows per page read into this process (only from the first suspicious page
 * on): enough that the round trips vanish. Embedded PGlite hands a result
 * over through an in-memory file whose cost leaps past ~2 MB (measured:
 * 5,000-row pages four times slower per row than 3,500-row ones), so it gets
 * pages of ~0.8 MB.
 */
const SERVER_PAGE_ROWS = 10_000
const EMBEDDED_PAGE_ROWS = 2_000
/**
 * Entries the database checks per query in the fast pass, and how many such
 * queries run at once on a server (measured on the bench's 100,000-entry
 * chain, 2 cores: 5,000-entry pages about as fast as 10,000, ahead of 2,500
 * and 20,000; two at a time ~1.8× one, three no better).
 */
const IN_DATABASE_PAGE_ROWS = 5_000
const SERVER_CONCURRENCY = 2

export interface VerifyOptions {
  /** Entries read per query when rows are read into this process (10,000 on a server, 2,000 on PGlite by default); memory use is about twice this many rows. */
  batchSize?: number
  /**
   * `database` (default): the database hashes and links the rows itself and
   * only a suspicious page is read here to name what broke; `process`: every
   * row is read and checked here (what the fast pass is tested against).
   */
  checkIn?: 'database' | 'process'
  /** Entries per query of the database's pass (5,000 by default). */
  inDatabasePageRows?: number
  /** Checks the operator's signed checkpoints too; without it they are skipped. */
  verifier?: CheckpointVerifier
}

/**
 * Proves an operator's audit chain intact, or names its first broken entry
 * (see {@link verifyChainRows} for what each reason means). In two passes:
 * the database checks every entry where it is stored, a page per query
 * ({@link verifyInDatabase}); from the first page where anything fails, this
 * process reads the rows (seq, body, hash — a page at a time, in `seq`
 * order) and checks them itself, to name the entry and the reason. Either
 * way memory stays flat over millions of entries. The signed checkpoints are
 * verified here, outside the database, and compared with the stored hashes.
 *
 * Entries appended while it runs are not a break: it verifies up to the head
 * it read first, then checks that no entry exists beyond the head as it is
 * at the end.
 *
 * @example
 * const result = await verifyAuditChain(db, 'tw', { verifier: await LocalKeyFileSigner.open() })
 * if (!result.ok) console.log(result.firstBroken) // { seq: 17, reason: 'hash_mismatch', … }
 */
export async function verifyAuditChain(db: Kysely<Database>, operatorId: string, options: VerifyOptions = {}): Promise<ChainVerification> {
  // One connection only: PGlite, in this process.
  const embedded = !db.getExecutor().adapter.supportsMultipleConnections
  const batchSize = options.batchSize ?? (embedded ? EMBEDDED_PAGE_ROWS : SERVER_PAGE_ROWS)
  const head = await readHead(db, operatorId)
  const checkpoints: { seq: number; hash: string }[] = []
  if (options.verifier) {
    const rows = await db.selectFrom('audit_checkpoints').selectAll().where('operator_id', '=', operatorId).orderBy('seq').execute()
    for (const row of rows) {
      const statement = { operatorId, seq: Number(row.seq), hash: row.hash, signedAt: row.signed_at }
      if (!(await options.verifier.verify(row.key_id, checkpointPayload(statement), row.signature))) {
        return { ok: false, operatorId, entries: 0, firstBroken: { seq: statement.seq, reason: 'checkpoint_signature', detail: `the checkpoint at seq ${statement.seq} (key ${row.key_id}) does not verify` } }
      }
      checkpoints.push({ seq: statement.seq, hash: row.hash })
    }
  }

  // The database's pass proves a prefix intact; the rest, if any (a break, or rows without a head), is read and checked here.
  const verified =
    head && options.checkIn !== 'process'
      ? await verifyInDatabase(db, operatorId, head.seq, { pageRows: options.inDatabasePageRows ?? IN_DATABASE_PAGE_ROWS, concurrency: embedded ? 1 : SERVER_CONCURRENCY })
      : { seq: 0, hash: GENESIS_HASH }
  const covered = await checkpointsWithin(db, operatorId, checkpoints, verified.seq)
  if (covered) return { ok: false, operatorId, entries: covered.seq, firstBroken: covered }
  const pages = verified.seq === head?.seq ? [] : streamPages(db, operatorId, head?.seq, batchSize, verified.seq)
  const result = await verifyChainRows(pages, { operatorId, head, checkpoints, after: verified })
  if (!result.ok) return result

  // Rows behind the head's back: read the highest seq first, then the head, so an append committing in between cannot look like one.
  const last = await db.selectFrom('audit_entries').select((eb) => eb.fn.max('seq').as('seq')).where('operator_id', '=', operatorId).executeTakeFirst()
  const headNow = await readHead(db, operatorId)
  const lastSeq = last?.seq == null ? 0 : Number(last.seq)
  if (lastSeq > (headNow?.seq ?? 0)) {
    return { ok: false, operatorId, entries: result.entries, firstBroken: { seq: (headNow?.seq ?? 0) + 1, reason: 'head_mismatch', detail: `entries after the head's seq ${headNow?.seq ?? 0} exist` } }
  }
  return result
}

/**
 * Signed checkpoints inside the prefix the database proved: each must name
 * the hash stored at its seq (intact there, so the hash of that entry).
 * Returns the first that does not, as a break.
 */
async function checkpointsWithin(db: Kysely<Database>, operatorId: string, checkpoints: readonly { seq: number; hash: string }[], upTo: number): Promise<BrokenEntry | null> {
  // At 0 (nothing proved yet) the rows' own check sees the genesis checkpoint.
  if (upTo === 0) return null
  const within = checkpoints.filter((c) => c.seq <= upTo).sort((a, b) => a.seq - b.seq)
  if (within.length === 0) return null
  // One array parameter: an hourly checkpoint over years outgrows a parameter list.
  const seqs = within.map((c) => c.seq)
  const rows = await db.selectFrom('audit_entries').select(['seq', 'hash']).where('operator_id', '=', operatorId).where(sql<boolean>`seq = any(${seqs}::bigint[])`).execute()
  const stored = new Map<number, string>([[0, GENESIS_HASH], ...rows.map((row) => [Number(row.seq), row.hash] as const)])
  const wrong = within.find((c) => stored.get(c.seq) !== c.hash)
  return wrong ? { seq: wrong.seq, reason: 'checkpoint_mismatch', detail: `a signed checkpoint says entry ${wrong.seq} has hash ${wrong.hash}` } : null
}

async function readHead(db: Kysely<Database>, operatorId: string): Promise<{ seq: number; hash: string } | null> {
  const row = await db.selectFrom('audit_heads').select(['seq', 'hash']).where('operator_id', '=', operatorId).executeTakeFirst()
  return row ? { seq: Number(row.seq), hash: row.hash } : null
}

/**
 * The operator's rows in seq order after `from`, `batchSize` per page; up to `upTo` when given.
 * The next page is asked for as soon as a page arrives, so on a server the
 * database reads it while this process hashes the current one.
 */
export async function* streamPages(db: Kysely<Database>, operatorId: string, upTo: number | undefined, batchSize: number, from = 0): AsyncGenerator<StoredAuditRow[]> {
  const page = (after: number) => {
    let query = db
      .selectFrom('audit_entries')
      .select(['seq', 'body', 'hash'])
      .where('operator_id', '=', operatorId)
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(batchSize)
    if (upTo !== undefined) query = query.where('seq', '<=', upTo)
    const rows = query.execute()
    // A reader that stops early (a broken entry) leaves the prefetch unawaited: it must not surface as unhandled.
    rows.catch(() => undefined)
    return rows
  }
  let next = page(from)
  for (;;) {
    const rows = await next
    const more = rows.length === batchSize
    if (more) next = page(Number(rows[rows.length - 1]!.seq))
    yield rows
    if (!more) return
  }
}
