import type { Kysely } from 'kysely'
import type { Database } from '../db/index.ts'
import { DerbesError } from '../errors/index.ts'
import type { KeyProvider } from './crypto/index.ts'

export interface KeyDeps {
  db: Kysely<Database>
  keys: KeyProvider
}

export interface RewrapProgress {
  /** Data keys moved to the current KEK so far. */
  rewrapped: number
  batches: number
}

async function requireOperator(db: Kysely<Database>, operatorId: string): Promise<void> {
  const found = await db.selectFrom('operators').select('operator_id').where('operator_id', '=', operatorId).executeTakeFirst()
  if (!found) throw new DerbesError('DERBES_OPERATOR_NOT_FOUND', `no operator '${operatorId}'`)
}

/**
 * Gives the operator a new key-encryption key and makes it current. Nothing
 * is re-encrypted: earlier KEKs stay in the keyring to unwrap the data keys
 * they wrapped; `rewrapSubjectKeys` moves those keys over when convenient.
 *
 * @example
 * const { previousKeyId, currentKeyId } = await rotateOperatorKey({ db, keys }, 'ttc')
 */
export async function rotateOperatorKey(deps: KeyDeps, operatorId: string): Promise<{ previousKeyId: string; currentKeyId: string }> {
  await requireOperator(deps.db, operatorId)
  const previousKeyId = await deps.keys.currentKeyId(operatorId)
  return { previousKeyId, currentKeyId: await deps.keys.rotate(operatorId) }
}

/**
 * Re-wraps every subject data key of the operator that is not under the
 * current KEK, `batchSize` rows per transaction, in subject order. Only the
 * wrapped keys in `subject_keys` change: each DEK stays the same, so no vault
 * value is re-encrypted and every ciphertext stays byte for byte. A row
 * changed meanwhile (its subject destroyed, or rewrapped by another run) is
 * left alone. Once no row names an old KEK, that KEK could be retired — which
 * also shreds the keys a backup from before holds for destroyed subjects.
 *
 * @example
 * await rewrapSubjectKeys({ db, keys }, 'ttc', { batchSize: 500, onBatch: (p) => console.log(p.rewrapped) })
 */
export async function rewrapSubjectKeys(
  deps: KeyDeps,
  operatorId: string,
  options: { batchSize?: number; onBatch?: (progress: RewrapProgress) => void } = {},
): Promise<RewrapProgress & { currentKeyId: string }> {
  await requireOperator(deps.db, operatorId)
  const batchSize = options.batchSize ?? 500
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new DerbesError('DERBES_VALIDATION', `the batch size must be a whole number from 1, not ${batchSize}`)
  const currentKeyId = await deps.keys.currentKeyId(operatorId)
  const progress: RewrapProgress = { rewrapped: 0, batches: 0 }
  let after = ''
  for (;;) {
    const rows = await deps.db
      .selectFrom('subject_keys')
      .select(['subject_id', 'key_id', 'wrapped_key'])
      .where('operator_id', '=', operatorId)
      .where('key_id', '<>', currentKeyId)
      .where('subject_id', '>', after)
      .orderBy('subject_id')
      .limit(batchSize)
      .execute()
    if (rows.length === 0) break
    const rewrapped = await Promise.all(
      rows.map(async (row) => {
        const dataKey = await deps.keys.unwrap(operatorId, { keyId: row.key_id, ciphertext: row.wrapped_key })
        try {
          return { row, wrapped: await deps.keys.wrap(operatorId, dataKey) }
        } finally {
          dataKey.fill(0)
        }
      }),
    )
    await deps.db.transaction().execute(async (trx) => {
      for (const { row, wrapped } of rewrapped) {
        const updated = await trx
          .updateTable('subject_keys')
          .set({ key_id: wrapped.keyId, wrapped_key: wrapped.ciphertext })
          .where('operator_id', '=', operatorId)
          .where('subject_id', '=', row.subject_id)
          .where('key_id', '=', row.key_id)
          .where('wrapped_key', '=', row.wrapped_key)
          .executeTakeFirst()
        progress.rewrapped += Number(updated.numUpdatedRows)
      }
    })
    progress.batches++
    after = rows[rows.length - 1]!.subject_id
    options.onBatch?.({ ...progress })
  }
  return { ...progress, currentKeyId }
}
