import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { DerbesError } from '../../errors/index.ts'
import { encodeContext } from './encode-context.ts'
import type { WrappedKey } from './key-provider.ts'

const NONCE_BYTES = 12
const TAG_BYTES = 16
export const KEY_BYTES = 32

/** Operator and KEK id, bound as AAD so a wrapped DEK unwraps only where it was wrapped (see `KeyProvider`). */
const wrapContext = (operatorId: string, keyId: string) => encodeContext(['derbes.dek-wrap.v1', operatorId, keyId])

/**
 * Wraps a 32-byte DEK with a KEK under AES-256-GCM.
 *
 * @example
 * wrapDataKey(kek, 'ttc', 'kek-20261121-0a1b2c3d', newDataKey()) // { keyId: 'kek-…', ciphertext: 'base64…' }
 */
export function wrapDataKey(kek: Buffer, operatorId: string, keyId: string, dataKey: Buffer): WrappedKey {
  if (dataKey.length !== KEY_BYTES) throw new RangeError(`a data key is ${KEY_BYTES} bytes, not ${dataKey.length}`)
  const nonce = randomBytes(NONCE_BYTES)
  const cipher = createCipheriv('aes-256-gcm', kek, nonce, { authTagLength: TAG_BYTES })
  cipher.setAAD(wrapContext(operatorId, keyId))
  const body = Buffer.concat([cipher.update(dataKey), cipher.final()])
  return { keyId, ciphertext: Buffer.concat([nonce, body, cipher.getAuthTag()]).toString('base64') }
}

/** Reverses `wrapDataKey`; any alteration, or another operator or key id, throws `DERBES_VAULT_KEY_UNWRAP_FAILED`. */
export function unwrapDataKey(kek: Buffer, operatorId: string, wrapped: WrappedKey): Buffer {
  const bytes = Buffer.from(wrapped.ciphertext, 'base64')
  // The exact length and a canonical encoding: anything else was not written by wrapDataKey.
  if (bytes.length !== NONCE_BYTES + KEY_BYTES + TAG_BYTES || bytes.toString('base64') !== wrapped.ciphertext) {
    throw new DerbesError('DERBES_VAULT_KEY_UNWRAP_FAILED', `wrapped key under '${wrapped.keyId}' is malformed`)
  }
  const decipher = createDecipheriv('aes-256-gcm', kek, bytes.subarray(0, NONCE_BYTES), { authTagLength: TAG_BYTES })
  decipher.setAAD(wrapContext(operatorId, wrapped.keyId))
  decipher.setAuthTag(bytes.subarray(NONCE_BYTES + KEY_BYTES))
  try {
    return Buffer.concat([decipher.update(bytes.subarray(NONCE_BYTES, NONCE_BYTES + KEY_BYTES)), decipher.final()])
  } catch {
    throw new DerbesError(
      'DERBES_VAULT_KEY_UNWRAP_FAILED',
      `wrapped key under '${wrapped.keyId}' failed authentication (altered, or wrapped for another operator)`,
    )
  }
}
