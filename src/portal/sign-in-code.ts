import { createHmac, hkdfSync, randomInt, timingSafeEqual } from 'node:crypto'
import type { KeyProvider } from '../subjects/crypto/index.ts'

/** A code is valid this long (issue 4 item 2: a one-time code). */
export const SIGN_IN_CODE_TTL_MINUTES = 10
/** Wrong entries a code survives; the next one kills it even for the right code. */
export const SIGN_IN_MAX_ATTEMPTS = 5
/** Codes one identifier may be sent per hour, so the route cannot flood a phone or a mailbox. */
export const SIGN_IN_MAX_PER_HOUR = 5

/** A fresh 6-digit code, uniformly drawn. */
export function newSignInCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0')
}

/**
 * HMAC-SHA-256 (base64url) of a sign-in code, bound to operator and
 * challenge. Keyed, because a plain hash of 10^6 codes is found by trying
 * them all; the key is derived (HKDF) from the operator's index key with a
 * label of its own, so it needs no storage and shares nothing with the
 * consent SMS codes or the blind indexes.
 *
 * @example
 * const hmac = await signInCodeHmac(keys, 'esp', challengeId, '042917')
 */
export async function signInCodeHmac(keys: KeyProvider, operatorId: string, challengeId: string, code: string): Promise<string> {
  const indexKey = await keys.indexKey(operatorId)
  const key = Buffer.from(hkdfSync('sha256', indexKey, Buffer.from(operatorId, 'utf8'), 'derbes.portal-sign-in-code.v1', 32))
  return createHmac('sha256', key).update(JSON.stringify([operatorId, challengeId, code])).digest('base64url')
}

/** Constant-time equality of two HMACs. */
export function sameHmac(a: string, b: string): boolean {
  const x = Buffer.from(a, 'base64url')
  const y = Buffer.from(b, 'base64url')
  return x.length === y.length && timingSafeEqual(x, y)
}
