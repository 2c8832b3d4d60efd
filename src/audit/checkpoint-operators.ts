import type { Kysely } from 'kysely'
import type { Database } from '../db/index.ts'
import { DerbesError } from '../errors/index.ts'
import type { CheckpointSigner, CheckpointVerifier } from './checkpoint-signer.ts'
import { createCheckpoint, type AuditCheckpoint } from './create-checkpoint.ts'
import { operatorsToAudit } from './verify-operators.ts'

export type CheckpointOutcome =
  | { operatorId: string; status: 'signed'; checkpoint: AuditCheckpoint }
  | { operatorId: string; status: 'unchanged'; seq: number }
  | { operatorId: string; status: 'refused'; error: string }

/**
 * Signs a checkpoint of each operator's chain (or of the one named). With
 * `onlyIfAdvanced`, an operator whose head is already checkpointed, or who
 * has recorded nothing, is left alone — so a periodic job does not re-verify
 * an idle chain. A broken chain is refused (never signed) and reported;
 * the other operators are still signed.
 *
 * @example
 * const outcomes = await checkpointOperators(db, signer, () => new Date(), { onlyIfAdvanced: true })
 */
export async function checkpointOperators(
  db: Kysely<Database>,
  signer: CheckpointSigner & CheckpointVerifier,
  clock: () => Date,
  options: { operatorId?: string; onlyIfAdvanced?: boolean } = {},
): Promise<CheckpointOutcome[]> {
  const outcomes: CheckpointOutcome[] = []
  for (const operatorId of await operatorsToAudit(db, options.operatorId)) {
    if (options.onlyIfAdvanced) {
      const head = await db.selectFrom('audit_heads').select('seq').where('operator_id', '=', operatorId).executeTakeFirst()
      const last = await db.selectFrom('audit_checkpoints').select((eb) => eb.fn.max('seq').as('seq')).where('operator_id', '=', operatorId).executeTakeFirst()
      const headSeq = Number(head?.seq ?? 0)
      const lastSeq = last?.seq == null ? 0 : Number(last.seq)
      // A checkpoint beyond the head (a truncated chain) is not "unchanged": signing again verifies, and refuses.
      if (lastSeq === headSeq) {
        outcomes.push({ operatorId, status: 'unchanged', seq: headSeq })
        continue
      }
    }
    try {
      outcomes.push({ operatorId, status: 'signed', checkpoint: await createCheckpoint(db, operatorId, signer, clock) })
    } catch (error) {
      if (!(error instanceof DerbesError) || error.code !== 'DERBES_AUDIT_CHAIN_BROKEN') throw error
      outcomes.push({ operatorId, status: 'refused', error: error.message })
    }
  }
  return outcomes
}
