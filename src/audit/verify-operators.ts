import type { Kysely } from 'kysely'
import type { Database } from '../db/index.ts'
import type { CheckpointVerifier } from './checkpoint-signer.ts'
import { requireOperator } from './list-audit-entries.ts'
import { verifyAuditChain } from './verify-audit-chain.ts'
import type { ChainVerification } from './verify-chain-rows.ts'

/**
 * The operators to work on: the one named (which must exist), or every
 * registered operator in id order. An operator with entries always has a row
 * in `operators`: `audit_heads` references it.
 */
export async function operatorsToAudit(db: Kysely<Database>, operatorId?: string): Promise<string[]> {
  if (operatorId !== undefined) {
    await requireOperator(db, operatorId)
    return [operatorId]
  }
  return (await db.selectFrom('operators').select('operator_id').orderBy('operator_id').execute()).map((r) => r.operator_id)
}

/**
 * Verifies the audit chain of one operator or of all, each with its signed
 * checkpoints when a verifier is given; one result per operator, in id order.
 *
 * @example
 * const results = await verifyOperators(db, { verifier: await LocalKeyFileSigner.open() })
 * const broken = results.filter((r) => !r.ok)
 */
export async function verifyOperators(
  db: Kysely<Database>,
  options: { operatorId?: string; verifier?: CheckpointVerifier; batchSize?: number } = {},
): Promise<ChainVerification[]> {
  const results: ChainVerification[] = []
  for (const operatorId of await operatorsToAudit(db, options.operatorId)) {
    results.push(await verifyAuditChain(db, operatorId, { ...(options.verifier ? { verifier: options.verifier } : {}), ...(options.batchSize ? { batchSize: options.batchSize } : {}) }))
  }
  return results
}
