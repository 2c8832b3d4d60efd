import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../db/index.ts'
import { DerbesError } from '../errors/index.ts'
import { newDataKey, type KeyProvider } from './crypto/index.ts'

type Db = Transaction<Database> | Kysely<Database>

/**
 * Gives a new subject its own data key (DEK), stored only wrapped by the
 * operator's current key-encryption key. Returns the plaintext DEK for the
 * caller to encrypt the subject's first values with; zero it when done.
 */
export async function createSubjectKey(trx: Db, keys: KeyProvider, operatorId: string, subjectId: string): Promise<Buffer> {
  const dataKey = newDataKey()
  const wrapped = await keys.wrap(operatorId, dataKey)
  await trx.insertInto('subject_keys').values({ operator_id: operatorId, subject_id: subjectId, key_id: wrapped.keyId, wrapped_key: wrapped.ciphertext }).execute()
  return dataKey
}

/**
 * The subject's data key, unwrapped in memory for one use (encrypt or decrypt
 * its values, or seal a consent record). Zero it when done. A subject without
 * a key row was destroyed or anonymised: `DERBES_SUBJECT_GONE`.
 *
 * @example
 * const dek = await subjectDataKey(trx, keys, 'ttc', subjectId)
 * try { return decryptField(dek, context, ciphertext) } finally { dek.fill(0) }
 */
export async function subjectDataKey(trx: Db, keys: KeyProvider, operatorId: string, subjectId: string): Promise<Buffer> {
  const row = await trx
    .selectFrom('subject_keys')
    .select(['key_id', 'wrapped_key'])
    .where('operator_id', '=', operatorId)
    .where('subject_id', '=', subjectId)
    .executeTakeFirst()
  if (!row) throw new DerbesError('DERBES_SUBJECT_GONE', `subject '${subjectId}' has no data key: it was anonymised or destroyed`)
  return keys.unwrap(operatorId, { keyId: row.key_id, ciphertext: row.wrapped_key })
}
