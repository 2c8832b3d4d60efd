import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/index.ts'
import { DerbesError } from '../../errors/index.ts'
import { encryptField, type KeyProvider } from '../../subjects/crypto/index.ts'

/**
 * The personal data of a consent record (IP address, user agent, the signer,
 * the phone an SMS code went to …) as JSON, AES-256-GCM under the subject's
 * data key and bound to the item `consent:<eventId>`: the ledger keeps it as
 * proof (art. 25(2)(5)) and it is shredded with the subject's key. Null when
 * there is nothing personal to keep.
 *
 * @example
 * await sealForSubject(trx, deps.keys, 'ttc', subjectId, eventId, { ip: '10.0.0.1' }) // 'v1.…'
 */
export async function sealForSubject(
  db: Kysely<Database> | Transaction<Database>,
  keys: KeyProvider,
  operatorId: string,
  subjectId: string,
  eventId: string,
  sealed: Record<string, unknown>,
): Promise<string | null> {
  if (Object.keys(sealed).length === 0) return null
  const row = await db
    .selectFrom('subject_keys')
    .select(['key_id', 'wrapped_key'])
    .where('operator_id', '=', operatorId)
    .where('subject_id', '=', subjectId)
    .executeTakeFirst()
  if (!row) throw new DerbesError('DERBES_SUBJECT_GONE', `subject '${subjectId}' has no data key: its data was destroyed`)
  const dataKey = await keys.unwrap(operatorId, { keyId: row.key_id, ciphertext: row.wrapped_key })
  try {
    return encryptField(dataKey, { operatorId, subjectId, itemId: `consent:${eventId}` }, JSON.stringify(sealed))
  } finally {
    dataKey.fill(0)
  }
}
