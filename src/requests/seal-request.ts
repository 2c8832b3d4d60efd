import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../db/index.ts'
import { DerbesError } from '../errors/index.ts'
import { subjectDataKey } from '../subjects/index.ts'
import { decryptField, encryptField, newDataKey, type FieldContext, type KeyProvider } from '../subjects/crypto/index.ts'
import type { IdentityProofInput } from './identity-proof.ts'

type Db = Kysely<Database> | Transaction<Database>

/**
 * The personal data a request carries, kept only sealed (`requests.sealed`):
 * the requester's contacts, the identifier it was matched by, identity proof
 * values (ESP-9), the new values of a correction (TW-9.3), free text (a
 * complaint, KZK-7.1).
 */
export interface SealedRequestData {
  requester?: { name?: string; email?: string; phone?: string; postalAddress?: string }
  identifier?: { kind: string; value: string }
  identityProof?: IdentityProofInput
  /** New values of a rectify or supplement request, by data item. */
  values?: { itemId: string; value: string }[]
  text?: string
}

/** Where a request's seal lives: under its subject's data key, or under a key of its own. */
export interface RequestSeal {
  sealed: string | null
  /** Set only for a request's own key (a requester the operator does not hold). */
  keyId: string | null
  wrappedKey: string | null
}

const subjectContext = (operatorId: string, subjectId: string, requestId: string): FieldContext => ({ operatorId, subjectId, itemId: `request:${requestId}` })
// A request's own key seals under a context no subject id can take (`request:` is not a UUID).
const ownContext = (operatorId: string, requestId: string): FieldContext => ({ operatorId, subjectId: `request:${requestId}`, itemId: 'request' })

const isEmpty = (data: SealedRequestData) => Object.values(data).every((v) => v === undefined)

async function subjectKeyOrNothing(db: Db, keys: KeyProvider, operatorId: string, subjectId: string): Promise<Buffer | undefined> {
  try {
    return await subjectDataKey(db, keys, operatorId, subjectId)
  } catch (error) {
    if (error instanceof DerbesError && error.code === 'DERBES_SUBJECT_GONE') return undefined
    throw error
  }
}

/**
 * Seals a request's personal data. When the request is of a subject the
 * operator holds, under that subject's data key (bound to the item
 * `request:<requestId>`): destroying the subject shreds the request's data
 * too, and what stays is the metadata that proves the operator did its duty.
 * When the requester is not held (no subject, or one already destroyed),
 * under a fresh data key of the request's own, wrapped by the operator's
 * keyring like a subject's key and stored beside the request — deleting those
 * two columns shreds it the same way. `existing` reuses a request's own key
 * when data is sealed again (identity proof added later).
 *
 * @example
 * const seal = await sealRequestData(trx, keys, 'esp', requestId, null, { requester: { email: 'a@b.kz' } })
 */
export async function sealRequestData(
  db: Db,
  keys: KeyProvider,
  operatorId: string,
  requestId: string,
  subjectId: string | null,
  data: SealedRequestData,
  existing?: { keyId: string; wrappedKey: string },
): Promise<RequestSeal> {
  if (isEmpty(data)) return { sealed: null, keyId: existing?.keyId ?? null, wrappedKey: existing?.wrappedKey ?? null }
  const plain = JSON.stringify(data)
  if (subjectId !== null && !existing) {
    const dataKey = await subjectKeyOrNothing(db, keys, operatorId, subjectId)
    if (dataKey) {
      try {
        return { sealed: encryptField(dataKey, subjectContext(operatorId, subjectId, requestId), plain), keyId: null, wrappedKey: null }
      } finally {
        dataKey.fill(0)
      }
    }
  }
  const dataKey = existing ? await keys.unwrap(operatorId, { keyId: existing.keyId, ciphertext: existing.wrappedKey }) : newDataKey()
  try {
    const wrapped = existing ? { keyId: existing.keyId, ciphertext: existing.wrappedKey } : await keys.wrap(operatorId, dataKey)
    return { sealed: encryptField(dataKey, ownContext(operatorId, requestId), plain), keyId: wrapped.keyId, wrappedKey: wrapped.ciphertext }
  } finally {
    dataKey.fill(0)
  }
}

/**
 * Opens what {@link sealRequestData} sealed. Empty when nothing was sealed;
 * `DERBES_SUBJECT_GONE` (410) once the subject's key was destroyed.
 *
 * @example
 * const { values } = await openRequestData(db, keys, row)   // the fulfilment of a rectify request
 */
export async function openRequestData(
  db: Db,
  keys: KeyProvider,
  row: { operator_id: string; request_id: string; subject_id: string | null; sealed: string | null; sealed_key_id: string | null; sealed_wrapped_key: string | null },
): Promise<SealedRequestData> {
  if (row.sealed === null) return {}
  if (row.sealed_key_id !== null && row.sealed_wrapped_key !== null) {
    const dataKey = await keys.unwrap(row.operator_id, { keyId: row.sealed_key_id, ciphertext: row.sealed_wrapped_key })
    try {
      return JSON.parse(decryptField(dataKey, ownContext(row.operator_id, row.request_id), row.sealed)) as SealedRequestData
    } finally {
      dataKey.fill(0)
    }
  }
  if (row.subject_id === null) throw new DerbesError('DERBES_INTERNAL', `request '${row.request_id}' is sealed without a key`)
  const dataKey = await subjectDataKey(db, keys, row.operator_id, row.subject_id)
  try {
    return JSON.parse(decryptField(dataKey, subjectContext(row.operator_id, row.subject_id, row.request_id), row.sealed)) as SealedRequestData
  } finally {
    dataKey.fill(0)
  }
}
