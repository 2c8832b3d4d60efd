import { parsePhoneNumberFromString, type PhoneNumber } from 'libphonenumber-js/max'
import type { ParseResult } from './parse-result.ts'

/**
 * Why a phone number was refused: `format` — not a phone number at all;
 * `invalid` — no such number in any numbering plan; `not_kz` — a real number
 * of another country (+7 is shared with Russia).
 */
export type PhoneRefusal = 'format' | 'invalid' | 'not_kz'

export type PhoneType = 'mobile' | 'fixed' | 'unknown'

/** Digits and the punctuation people write numbers with; no letters, so nothing is "extracted" from prose. */
const PHONE_CHARACTERS = /^\+?[\d\s().-]+$/

function parseKz(input: string): ParseResult<PhoneNumber, PhoneRefusal> {
  const text = input.trim()
  if (!PHONE_CHARACTERS.test(text) || !/\d/.test(text)) return { ok: false, reason: 'format' }
  // KZ as the default region reads the trunk prefix 8 and bare 10-digit national numbers (law.md "Identifiers").
  const phone = parsePhoneNumberFromString(text, { defaultCountry: 'KZ', extract: false })
  if (!phone) return { ok: false, reason: 'format' }
  if (!phone.isValid()) return { ok: false, reason: 'invalid' }
  // The full ("max") metadata tells Kazakhstan's +7 ranges from Russia's.
  if (phone.country !== 'KZ') return { ok: false, reason: 'not_kz' }
  return { ok: true, value: phone }
}

/**
 * Normalises a Kazakhstan phone number to E.164 (`+7XXXXXXXXXX`). Accepts the
 * forms people type — `8 (701) 123-45-67`, `+7 701 1234567`, `87011234567`,
 * `7011234567` — and refuses numbers of Russia and other countries. Idempotent:
 * an E.164 result normalises to itself.
 *
 * @example
 * normalizeKzPhone('8 (701) 123-45-67') // { ok: true, value: '+77011234567' }
 * normalizeKzPhone('+7 495 123-45-67')  // { ok: false, reason: 'not_kz' } (Moscow)
 */
export function normalizeKzPhone(input: string): ParseResult<string, PhoneRefusal> {
  const parsed = parseKz(input)
  return parsed.ok ? { ok: true, value: parsed.value.number } : parsed
}

/**
 * Whether a Kazakhstan number is mobile or fixed-line, by the libphonenumber
 * ranges; `unknown` for other types and for numbers `normalizeKzPhone` refuses.
 *
 * @example
 * phoneType('+77011234567') // 'mobile'
 * phoneType('+77272501234') // 'fixed' (Almaty)
 */
export function phoneType(input: string): PhoneType {
  const parsed = parseKz(input)
  if (!parsed.ok) return 'unknown'
  const type = parsed.value.getType()
  return type === 'MOBILE' ? 'mobile' : type === 'FIXED_LINE' ? 'fixed' : 'unknown'
}
