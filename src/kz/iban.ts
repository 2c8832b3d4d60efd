import type { ParseResult } from './parse-result.ts'

/** law.md "Identifiers": KZ + 2 check digits + 3-digit bank code + 13 alphanumerics. */
const KZ_IBAN = /^KZ\d{2}\d{3}[0-9A-Z]{13}$/

export interface KzIban {
  /** Upper case, no spaces. */
  iban: string
  bankCode: string
}

export type IbanRefusal = 'format' | 'checksum'

/**
 * ISO 7064 MOD 97-10 remainder of an IBAN: the first four characters move to
 * the end, letters become 10–35, and the number is taken mod 97 digit by digit
 * (no big integers). A correct IBAN gives 1. Expects upper-case letters and
 * digits only — `parseKzIban` normalises input before calling it.
 *
 * @example
 * ibanMod97('KZ86125KZT5004100100') // 1
 */
export function ibanMod97(iban: string): number {
  const rearranged = iban.slice(4) + iban.slice(0, 4)
  let remainder = 0
  for (let i = 0; i < rearranged.length; i++) {
    const code = rearranged.charCodeAt(i)
    const value = code <= 57 ? code - 48 : code - 55
    remainder = value < 10 ? (remainder * 10 + value) % 97 : (remainder * 100 + value) % 97
  }
  return remainder
}

/**
 * The two check digits of a Kazakhstan IBAN for its 16-character BBAN
 * (bank code + account).
 *
 * @example
 * kzIbanCheckDigits('125KZT5004100100') // '86'
 */
export function kzIbanCheckDigits(bban: string): string {
  return String(98 - ibanMod97(`KZ00${bban.toUpperCase()}`)).padStart(2, '0')
}

/**
 * Parses a Kazakhstan IBAN, accepting spaces and lower case.
 *
 * @example
 * parseKzIban('kz86 125K ZT50 0410 0100') // { ok: true, value: { iban: 'KZ86125KZT5004100100', bankCode: '125' } }
 */
export function parseKzIban(input: string): ParseResult<KzIban, IbanRefusal> {
  const iban = input.replace(/\s+/g, '').toUpperCase()
  if (!KZ_IBAN.test(iban)) return { ok: false, reason: 'format' }
  if (ibanMod97(iban) !== 1) return { ok: false, reason: 'checksum' }
  return { ok: true, value: { iban, bankCode: iban.slice(4, 7) } }
}

/**
 * True for a well-formed Kazakhstan IBAN with correct check digits.
 *
 * @example
 * isValidKzIban('KZ86125KZT5004100100') // true
 */
export function isValidKzIban(input: string): boolean {
  return parseKzIban(input).ok
}
