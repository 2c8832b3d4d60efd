import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto'
import type { KeyProvider } from '../../subjects/crypto/index.ts'

/**
 * Keys of the SMS flow, derived (HKDF-SHA-256) from the operator's index key
 * with a purpose label, so they are per operator, need no storage of their
 * own and are independent of the blind-index key they come from:
 * `code` keys the HMAC of SMS codes (a 6-digit code hashed plainly could be
 * found by trying all 10^6), `seal` encrypts the phone and the message text
 * in `sms_challenges` and `sms_outbox`.
 */
async function derivedKey(keys: KeyProvider, operatorId: string, purpose: 'code' | 'seal'): Promise<Buffer> {
  const indexKey = await keys.indexKey(operatorId)
  return Buffer.from(hkdfSync('sha256', indexKey, Buffer.from(operatorId, 'utf8'), `derbes.sms-${purpose}.v1`, 32))
}

/** HMAC-SHA-256 (base64url) of an SMS code, bound to operator and challenge. */
export async function smsCodeHmac(keys: KeyProvider, operatorId: string, challengeId: string, code: string): Promise<string> {
  const key = await derivedKey(keys, operatorId, 'code')
  return createHmac('sha256', key).update(JSON.stringify([operatorId, challengeId, code])).digest('base64url')
}

/** Constant-time equality of two HMACs. */
export function sameHmac(a: string, b: string): boolean {
  const x = Buffer.from(a, 'base64url')
  const y = Buffer.from(b, 'base64url')
  return x.length === y.length && timingSafeEqual(x, y)
}

/** AES-256-GCM of a JSON value, bound to `binding` (AAD): base64 of nonce ‖ ciphertext ‖ tag. */
export async function sealSmsData(keys: KeyProvider, operatorId: string, binding: string, value: unknown): Promise<string> {
  const nonce = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', await derivedKey(keys, operatorId, 'seal'), nonce)
  cipher.setAAD(Buffer.from(JSON.stringify([operatorId, binding]), 'utf8'))
  return Buffer.concat([nonce, cipher.update(JSON.stringify(value), 'utf8'), cipher.final(), cipher.getAuthTag()]).toString('base64')
}

/** Opens what {@link sealSmsData} sealed under the same operator and binding; throws on any change. */
export async function unsealSmsData<T>(keys: KeyProvider, operatorId: string, binding: string, sealed: string): Promise<T> {
  const bytes = Buffer.from(sealed, 'base64')
  const decipher = createDecipheriv('aes-256-gcm', await derivedKey(keys, operatorId, 'seal'), bytes.subarray(0, 12))
  decipher.setAAD(Buffer.from(JSON.stringify([operatorId, binding]), 'utf8'))
  decipher.setAuthTag(bytes.subarray(bytes.length - 16))
  const plain = Buffer.concat([decipher.update(bytes.subarray(12, bytes.length - 16)), decipher.final()])
  return JSON.parse(plain.toString('utf8')) as T
}
