import type { Kysely } from 'kysely'
import type { Database } from '../db/index.ts'
import { DerbesError } from '../errors/index.ts'
import { GENESIS_HASH } from './audit-entry.ts'
import { checkpointPayload, type CheckpointSigner, type CheckpointVerifier } from './checkpoint-signer.ts'
import { verifyAuditChain } from './verify-audit-chain.ts'

export interface AuditCheckpoint {
  operatorId: string
  seq: number
  hash: string
  signedAt: Date
  signature: string
  keyId: string
}

/**
 * Signs the operator's current head (seq, hash) and stores the signature.
 * Verification later checks that the chain still has that hash at that seq,
 * so a chain truncated and rebuilt after the checkpoint is detected.
 *
 * The chain is verified first and a broken one is refused: signing it would
 * vouch for the tampering. A second checkpoint at an unchanged head returns
 * the first.
 */
export async function createCheckpoint(
  db: Kysely<Database>,
  operatorId: string,
  signer: CheckpointSigner & CheckpointVerifier,
  clock: () => Date = () => new Date(),
): Promise<AuditCheckpoint> {
  const verified = await verifyAuditChain(db, operatorId, { verifier: signer })
  if (!verified.ok) {
    const { seq, reason } = verified.firstBroken
    throw new DerbesError('DERBES_AUDIT_CHAIN_BROKEN', `operator '${operatorId}': entry ${seq} is broken (${reason}); not signing`)
  }
  const seq = verified.headSeq
  const hash = seq === 0 ? GENESIS_HASH : verified.headHash
  const signedAt = clock()
  const signature = await signer.sign(checkpointPayload({ operatorId, seq, hash, signedAt }))
  await db
    .insertInto('audit_checkpoints')
    .values({ operator_id: operatorId, seq, hash, signed_at: signedAt, signature, key_id: signer.keyId })
    .onConflict((oc) => oc.columns(['operator_id', 'seq']).doNothing())
    .execute()
  const row = await db.selectFrom('audit_checkpoints').selectAll().where('operator_id', '=', operatorId).where('seq', '=', seq).executeTakeFirstOrThrow()
  return { operatorId, seq: Number(row.seq), hash: row.hash, signedAt: row.signed_at, signature: row.signature, keyId: row.key_id }
}
