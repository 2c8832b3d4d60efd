import * as kz from '../../kz/index.ts'

// Module-local binding: under tsx an imported binding is read through a getter on every use.
const { iinBinCheckDigit } = kz

/*
 * The checks a run of digits must pass to be a value (issue 7: cards by Luhn,
 * IIN and BIN by check digit plus structure), on digit values 0–9, not text.
 */

/** Luhn's check over `n` digit values. */
export function luhn(digits: Uint8Array, n: number): boolean {
  let sum = 0
  for (let i = 0; i < n; i++) {
    let d = digits[n - 1 - i]!
    if (i % 2 === 1) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
  }
  return sum % 10 === 0
}

/** The issuer prefixes of the card schemes used in Kazakhstan. */
export function knownScheme(d: Uint8Array, n: number): boolean {
  const two = d[0]! * 10 + d[1]!
  const four = two * 100 + d[2]! * 10 + d[3]!
  if (d[0] === 4) return n === 16 || n === 13 || n === 19 // Visa
  if (two >= 51 && two <= 55) return n === 16 // Mastercard
  if (four >= 2221 && four <= 2720) return n === 16 // Mastercard 2-series
  if (four >= 2200 && four <= 2204) return n >= 16 // Mir
  if (two === 62) return n >= 16 // UnionPay
  if (two === 34 || two === 37) return n === 15 // American Express
  return four >= 3528 && four <= 3589 && n === 16 // JCB
}

const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
export const validDate = (month: number, day: number) => month >= 1 && month <= 12 && day >= 1 && day <= DAYS[month - 1]!

/**
 * IIN or BIN by structure (law.md "Identifiers"): an IIN starts with a birth
 * date YYMMDD and its 7th digit is the century and sex (1–6); a BIN starts
 * with the registration YYMM, then the entity type (4–6) and division (0–3).
 * The 5th digit tells them apart: a day's tens (0–3) or a type (4–6).
 */
export function iinOrBin(d: Uint8Array): 'iin' | 'bin' | undefined {
  const month = d[2]! * 10 + d[3]!
  let kind: 'iin' | 'bin' | undefined
  if (d[4]! <= 3) kind = validDate(month, d[4]! * 10 + d[5]!) && d[6]! >= 1 && d[6]! <= 6 ? 'iin' : undefined
  else if (d[4]! <= 6) kind = month >= 1 && month <= 12 && d[5]! <= 3 ? 'bin' : undefined
  if (!kind) return undefined
  let first11 = ''
  for (let i = 0; i < 11; i++) first11 += String.fromCharCode(48 + d[i]!)
  return iinBinCheckDigit(first11) === d[11] ? kind : undefined
}
