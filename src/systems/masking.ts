import { createHmac, hkdfSync } from 'node:crypto'
import type { KeyProvider } from '../subjects/crypto/index.ts'
import type { Masking } from './system-map.ts'

const HASH_HEX_CHARS = 64
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u

/**
 * The operator's key for `hash` masking, derived from its blind-index key
 * with its own label (HKDF-SHA256), so a masked value never equals the blind
 * index Derbes keeps of the same identifier, and one operator's hashes say
 * nothing about another's. The same value masks to the same hash in every
 * system of the operator: anonymised rows can still be counted and related.
 */
export async function maskingKey(keys: KeyProvider, operatorId: string): Promise<Buffer> {
  const indexKey = await keys.indexKey(operatorId)
  return Buffer.from(hkdfSync('sha256', indexKey, Buffer.alloc(0), 'derbes.systems.masking.v1', 32))
}

/**
 * The masked form of one value, for the strategies computed outside the
 * database (`hash`, `redact`); `null` stays `null`.
 *
 * @example
 * maskValue({ strategy: 'redact' }, '+7 701 123 45 67', key) // '+7 *** *** ** 67'
 * maskValue({ strategy: 'redact' }, 'aidos@mail.kz', key)    // 'a****@****.kz'
 * maskValue({ strategy: 'hash', length: 16 }, 'aidos@mail.kz', key) // '3f1c…' (16 hex digits)
 */
export function maskValue(masking: Extract<Masking, { strategy: 'hash' | 'redact' }>, value: unknown, key: Buffer): string | null {
  if (value === null || value === undefined) return null
  const text = value instanceof Date ? value.toISOString() : String(value)
  if (masking.strategy === 'hash') return createHmac('sha256', key).update(text, 'utf8').digest('hex').slice(0, masking.length ?? HASH_HEX_CHARS)
  return redact(text, masking.keepStart ?? 1, masking.keepEnd ?? 2)
}

/**
 * Letters and digits become `*`, except the first `keepStart` and the last
 * `keepEnd` of them; spaces, punctuation and length stay, so the shape of a
 * phone or an address is still recognisable. A value with no more letters
 * and digits than would be kept is starred whole: nothing of a short value
 * survives.
 */
function redact(text: string, keepStart: number, keepEnd: number): string {
  const chars = [...text]
  const total = chars.filter((c) => LETTER_OR_DIGIT.test(c)).length
  const longEnough = total > keepStart + keepEnd
  let seen = 0
  return chars
    .map((c) => {
      if (!LETTER_OR_DIGIT.test(c)) return c
      seen++
      const kept = longEnough && (seen <= keepStart || seen > total - keepEnd)
      return kept ? c : '*'
    })
    .join('')
}
