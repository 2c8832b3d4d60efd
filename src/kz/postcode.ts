import type { ParseResult } from './parse-result.ts'

/** Kazpost's 7-character code (law.md "Identifiers"), e.g. Z05H9A7. */
const POSTCODE = /^[A-Z]\d{2}[A-Z]\d[A-Z]\d$/
/** The 6-digit codes used before it, still seen on old records (law.md "Identifiers"). */
const LEGACY_POSTCODE = /^\d{6}$/

export interface Postcode {
  postcode: string
  /** True for an old 6-digit code. */
  legacy: boolean
}

/**
 * Parses a Kazakhstan postcode, trimming spaces and upper-casing letters.
 *
 * @example
 * parsePostcode('z05h9a7') // { ok: true, value: { postcode: 'Z05H9A7', legacy: false } }
 * parsePostcode('010000')  // { ok: true, value: { postcode: '010000', legacy: true } }
 */
export function parsePostcode(input: string): ParseResult<Postcode, 'format'> {
  const postcode = input.trim().toUpperCase()
  if (POSTCODE.test(postcode)) return { ok: true, value: { postcode, legacy: false } }
  if (LEGACY_POSTCODE.test(postcode)) return { ok: true, value: { postcode, legacy: true } }
  return { ok: false, reason: 'format' }
}

/**
 * True for a 7-character postcode and, unless `{ legacy: false }`, for an old 6-digit one.
 *
 * @example
 * isValidPostcode('Z05H9A7')                    // true
 * isValidPostcode('010000')                     // true
 * isValidPostcode('010000', { legacy: false })  // false
 */
export function isValidPostcode(input: string, options: { legacy?: boolean } = {}): boolean {
  const parsed = parsePostcode(input)
  return parsed.ok && (options.legacy !== false || !parsed.value.legacy)
}
