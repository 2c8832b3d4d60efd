import type { Kysely } from 'kysely'
import type { Database } from '../db/index.ts'
import { checkpointPayload, type CheckpointVerifier } from './checkpoint-signer.ts'
import { verifyChainRows, type ChainVerification, type StoredAuditRow } from './verify-chain-rows.ts'

/**
 * Rows per page on a server: enough that the round trips vanish, while the
 * server reads the next page as this process hashes one (~4 MB each, two at
 * a time). Embedded PGlite hands a result over through an in-memory file
 * whose cost leaps past ~2 MB (measured: 5,000-row pages four times slower
 * per row than 3,500-row ones), so it gets pages of ~0.8 MB.
 */
const SERVER_PAGE_ROWS = 10_000
const EMBEDDED_PAGE_ROWS = 2_000

export interface VerifyOptions {
  /** Entries read per query (10,000 on a server, 2,000 on PGlite by default); memory use is about twice this many rows. */
  batchSize?: number
  /** Checks the operator's signed checkpoints too; without it they are skipped. */
  verifier?: CheckpointVerifier
}

/**
 * Proves an operator's audit chain intact, or names its first broken entry
 * (see {@link verifyChainRows} for what each reason means). Reads only this
 * operator's rows, in `seq` order, a page at a time (keyset pagination), so
 * it runs in constant memory over millions of entries — and of each row only
 * what is hashed and compared: seq, body and hash.
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

  const result = await verifyChainRows(streamPages(db, operatorId, head?.seq, batchSize), { operatorId, head, checkpoints })
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

async function readHead(db: Kysely<Database>, operatorId: string): Promise<{ seq: number; hash: string } | null> {
  const row = await db.selectFrom('audit_heads').select(['seq', 'hash']).where('operator_id', '=', operatorId).executeTakeFirst()
  return row ? { seq: Number(row.seq), hash: row.hash } : null
}

/**
 * The operator's rows in seq order, `batchSize` per page; up to `upTo` when given.
 * The next page is asked for as soon as a page arrives, so on a server the
 * database reads it while this process hashes the current one.
 */
export async function* streamPages(db: Kysely<Database>, operatorId: string, upTo: number | undefined, batchSize: number): AsyncGenerator<StoredAuditRow[]> {
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
  let next = page(0)
  for (;;) {
    const rows = await next
    const more = rows.length === batchSize
    if (more) next = page(Number(rows[rows.length - 1]!.seq))
    yield rows
    if (!more) return
  }
}
