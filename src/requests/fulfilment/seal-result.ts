import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/index.ts'
import { DerbesError } from '../../errors/index.ts'
import { subjectDataKey } from '../../subjects/index.ts'
import { decryptField, encryptField, newDataKey, type FieldContext, type KeyProvider } from '../../subjects/crypto/index.ts'

type Db = Kysely<Database> | Transaction<Database>

/** A sealed value and, when it is not under a subject's key, the key of its own (wrapped). */
export interface Sealed {
  sealed: string
  keyId: string | null
  wrappedKey: string | null
}

// `task:` and `answer:` are not item ids of any policy (ids are kebab-case without a colon): no vault value shares the context.
const taskContext = (operatorId: string, subjectId: string, taskId: string): FieldContext => ({ operatorId, subjectId, itemId: `task:${taskId}` })
const answerContext = (operatorId: string, subjectId: string | null, requestId: string): FieldContext => ({ operatorId, subjectId: subjectId ?? `request:${requestId}`, itemId: `answer:${requestId}` })

/**
 * Seals what a task brought back (exported values) under the subject's data
 * key: destroying the subject later shreds it with everything else.
 *
 * @example
 * const resultSealed = await sealTaskResult(trx, keys, 'tw', subjectId, taskId, records)
 */
export async function sealTaskResult(db: Db, keys: KeyProvider, operatorId: string, subjectId: string, taskId: string, value: unknown): Promise<string> {
  const dataKey = await subjectDataKey(db, keys, operatorId, subjectId)
  try {
    return encryptField(dataKey, taskContext(operatorId, subjectId, taskId), JSON.stringify(value))
  } finally {
    dataKey.fill(0)
  }
}

/** Opens {@link sealTaskResult}; `DERBES_SUBJECT_GONE` once the subject was destroyed. */
export async function openTaskResult<T>(db: Db, keys: KeyProvider, operatorId: string, subjectId: string, taskId: string, sealed: string): Promise<T> {
  const dataKey = await subjectDataKey(db, keys, operatorId, subjectId)
  try {
    return JSON.parse(decryptField(dataKey, taskContext(operatorId, subjectId, taskId), sealed)) as T
  } finally {
    dataKey.fill(0)
  }
}

async function subjectKeyOrNothing(db: Db, keys: KeyProvider, operatorId: string, subjectId: string | null): Promise<Buffer | undefined> {
  if (subjectId === null) return undefined
  try {
    return await subjectDataKey(db, keys, operatorId, subjectId)
  } catch (error) {
    if (error instanceof DerbesError && error.code === 'DERBES_SUBJECT_GONE') return undefined
    throw error
  }
}

/**
 * Seals an answer letter: under the subject's data key when it still has
 * one, so destroying the subject later shreds the kept letter too; otherwise
 * (a requester the operator does not hold, a subject the request itself
 * destroyed) under a fresh key of its own, wrapped by the operator's keyring.
 */
export async function sealAnswer(db: Db, keys: KeyProvider, operatorId: string, subjectId: string | null, requestId: string, plain: string): Promise<Sealed> {
  const subjectKey = await subjectKeyOrNothing(db, keys, operatorId, subjectId)
  if (subjectKey) {
    try {
      return { sealed: encryptField(subjectKey, answerContext(operatorId, subjectId, requestId), plain), keyId: null, wrappedKey: null }
    } finally {
      subjectKey.fill(0)
    }
  }
  const ownKey = newDataKey()
  try {
    const wrapped = await keys.wrap(operatorId, ownKey)
    return { sealed: encryptField(ownKey, answerContext(operatorId, null, requestId), plain), keyId: wrapped.keyId, wrappedKey: wrapped.ciphertext }
  } finally {
    ownKey.fill(0)
  }
}

/** Opens {@link sealAnswer}. */
export async function openAnswer(db: Db, keys: KeyProvider, operatorId: string, subjectId: string | null, requestId: string, stored: Sealed): Promise<string> {
  if (stored.keyId !== null && stored.wrappedKey !== null) {
    const ownKey = await keys.unwrap(operatorId, { keyId: stored.keyId, ciphertext: stored.wrappedKey })
    try {
      return decryptField(ownKey, answerContext(operatorId, null, requestId), stored.sealed)
    } finally {
      ownKey.fill(0)
    }
  }
  if (subjectId === null) throw new DerbesError('DERBES_INTERNAL', `the answer to request '${requestId}' is sealed without a key`)
  const dataKey = await subjectDataKey(db, keys, operatorId, subjectId)
  try {
    return decryptField(dataKey, answerContext(operatorId, subjectId, requestId), stored.sealed)
  } finally {
    dataKey.fill(0)
  }
}
