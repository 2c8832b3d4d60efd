import { auditEntryHash, GENESIS_HASH, type AuditEntry } from './audit-entry.ts'

export const BROKEN_REASONS = [
  /** The entry's stored hash is not the hash of its contents: the row was changed. */
  'hash_mismatch',
  /** The entry's `prev_hash` is not the hash of the entry before it. */
  'broken_link',
  /** This `seq` is missing: the entry was deleted. */
  'gap',
  /** The chain does not end where `audit_heads` says: its tail was deleted, or rows were added behind the head's back. */
  'head_mismatch',
  /** A signed checkpoint names a hash the chain no longer has at that seq (truncated and rebuilt). */
  'checkpoint_mismatch',
  /** A checkpoint's signature does not verify. */
  'checkpoint_signature',
] as const
export type BrokenReason = (typeof BROKEN_REASONS)[number]

export interface BrokenEntry {
  seq: number
  reason: BrokenReason
  detail: string
}

export type ChainVerification =
  | { ok: true; operatorId: string; entries: number; headSeq: number; headHash: string; checkpoints: number }
  | { ok: false; operatorId: string; entries: number; firstBroken: BrokenEntry }

export interface ChainExpectations {
  operatorId: string
  /** The operator's `audit_heads` row; null when it has none. */
  head: { seq: number; hash: string } | null
  /** Checkpoints whose signatures are already verified, any order. */
  checkpoints?: readonly { seq: number; hash: string }[]
}

/**
 * The verification core, free of I/O: walks entries in `seq` order keeping
 * only the previous hash, so memory stays flat however long the chain.
 * For each entry it checks, in this order: the seq follows (gap), the
 * prev_hash links to the previous entry (broken_link), the stored hash is the
 * hash of the contents (hash_mismatch), and a checkpoint at that seq names
 * this hash. At the end the last entry must be the head.
 *
 * A changed row shows as hash_mismatch at that row; a row changed with its
 * hash recomputed shows as broken_link at the next row; a deleted row as gap;
 * a deleted tail as head_mismatch; a tail deleted and rebuilt with a matching
 * head as checkpoint_mismatch, when a checkpoint covers it.
 */
export async function verifyChainRows(rows: AsyncIterable<AuditEntry> | Iterable<AuditEntry>, expected: ChainExpectations): Promise<ChainVerification> {
  const { operatorId } = expected
  const checkpoints = new Map((expected.checkpoints ?? []).map((c) => [c.seq, c.hash]))
  let entries = 0
  let seq = 0
  let hash = GENESIS_HASH
  const broken = (at: number, reason: BrokenReason, detail: string): ChainVerification => ({
    ok: false,
    operatorId,
    entries,
    firstBroken: { seq: at, reason, detail },
  })

  if (checkpoints.has(0) && checkpoints.get(0) !== GENESIS_HASH) return broken(0, 'checkpoint_mismatch', 'the checkpoint at seq 0 is not the genesis')
  for await (const entry of rows) {
    if (entry.seq !== seq + 1) return broken(seq + 1, 'gap', `entry ${seq + 1} is missing; the next one is ${entry.seq}`)
    if (entry.operatorId !== operatorId) return broken(entry.seq, 'hash_mismatch', `entry belongs to operator '${entry.operatorId}'`)
    if (entry.prevHash !== hash) return broken(entry.seq, 'broken_link', `prev_hash ${entry.prevHash} is not the hash of entry ${seq} (${hash})`)
    if (auditEntryHash(entry) !== entry.hash) return broken(entry.seq, 'hash_mismatch', 'the stored hash is not the hash of the entry as stored')
    seq = entry.seq
    hash = entry.hash
    entries++
    const signed = checkpoints.get(seq)
    if (signed !== undefined && signed !== hash) return broken(seq, 'checkpoint_mismatch', `a signed checkpoint says entry ${seq} has hash ${signed}`)
  }

  const head = expected.head
  if (!head) {
    if (entries > 0) return broken(1, 'head_mismatch', `the operator has ${entries} entries but no audit head`)
  } else if (head.seq > seq) {
    return broken(seq + 1, 'head_mismatch', `the head is at seq ${head.seq} but the chain ends at ${seq}: entries ${seq + 1}…${head.seq} are missing`)
  } else if (head.seq < seq) {
    return broken(head.seq + 1, 'head_mismatch', `entries after the head's seq ${head.seq} exist`)
  } else if (head.hash !== hash) {
    return broken(seq, 'head_mismatch', `the head's hash ${head.hash} is not the hash of entry ${seq}`)
  }
  const beyond = Math.min(...[...checkpoints.keys()].filter((s) => s > seq))
  if (Number.isFinite(beyond)) return broken(seq + 1, 'checkpoint_mismatch', `a signed checkpoint covers entries up to ${beyond}; the chain ends at ${seq}`)
  return { ok: true, operatorId, entries, headSeq: seq, headHash: hash, checkpoints: checkpoints.size }
}
