import type { Transaction } from 'kysely'
import type { Database } from '../../db/index.ts'
import type { KeyProvider } from '../../subjects/crypto/index.ts'
import { openRequestData, sealRequestData } from '../seal-request.ts'
import type { FulfilmentRequest } from './fulfilment-request.ts'

/**
 * Before a request destroys or anonymises its own subject, moves the
 * request's sealed data (the requester's contacts, above all) from the
 * subject's data key to a key of the request's own: the answer must still
 * reach the person who asked (TTC-9.3, TW-9.4: "tell the subject"), and the
 * subject's key is about to be shredded. What is moved is only what the
 * requester gave with the request; the vault's values go with the subject.
 * Nothing to do when the seal already has its own key or there is none.
 */
export async function keepRequestSeal(trx: Transaction<Database>, keys: KeyProvider, request: FulfilmentRequest): Promise<boolean> {
  const row = await trx
    .selectFrom('requests')
    .select(['operator_id', 'request_id', 'subject_id', 'sealed', 'sealed_key_id', 'sealed_wrapped_key'])
    .where('operator_id', '=', request.operator_id)
    .where('request_id', '=', request.request_id)
    .forUpdate()
    .executeTakeFirstOrThrow()
  if (row.sealed === null || row.sealed_key_id !== null || row.subject_id === null) return false
  const data = await openRequestData(trx, keys, row)
  const own = await sealRequestData(trx, keys, row.operator_id, row.request_id, null, data)
  await trx
    .updateTable('requests')
    .set({ sealed: own.sealed, sealed_key_id: own.keyId, sealed_wrapped_key: own.wrappedKey })
    .where('operator_id', '=', row.operator_id)
    .where('request_id', '=', row.request_id)
    .execute()
  return true
}
