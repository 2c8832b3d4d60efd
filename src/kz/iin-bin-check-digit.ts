/** Second-pass weights (law.md "Identifiers"). */
const SECOND_PASS_WEIGHTS = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2] as const

/**
 * The check digit of an IIN or BIN from its first 11 digits, or `undefined`
 * when both passes give 10 — such a number cannot be valid.
 *
 * law.md "Identifiers": c = Σ dᵢ·i (i = 1…11) mod 11; if c = 10,
 * c = Σ dᵢ·wᵢ mod 11 with w = [3,4,5,6,7,8,9,10,11,1,2]; if still 10 the
 * number is invalid; valid when c = d12.
 *
 * @example
 * iinBinCheckDigit('79102830272') // 8
 */
export function iinBinCheckDigit(first11: string): number | undefined {
  let sum = 0
  for (let i = 0; i < 11; i++) sum += (first11.charCodeAt(i) - 48) * (i + 1)
  let check = sum % 11
  if (check !== 10) return check
  sum = 0
  for (let i = 0; i < 11; i++) sum += (first11.charCodeAt(i) - 48) * SECOND_PASS_WEIGHTS[i]!
  check = sum % 11
  return check === 10 ? undefined : check
}

/** Checks the 12-digit format and the check digit shared by IIN and BIN. */
export function checkIinBin(s: string): 'format' | 'checksum' | undefined {
  if (!/^\d{12}$/.test(s)) return 'format'
  return iinBinCheckDigit(s) === s.charCodeAt(11) - 48 ? undefined : 'checksum'
}
