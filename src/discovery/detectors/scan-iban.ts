import type { DetectionSink } from './detection.ts'
import * as tokens from './byte-tokens.ts'

const { gluedAfter, isDigit, wordBefore } = tokens

/** The 16 characters after `KZnn` as values 0–35, kept for the check without allocating. */
const ibanValues = new Uint8Array(16)

/** `KZ86 125K ZT50 0410 0100` or run together: 20 characters, MOD-97 computed on the bytes. */
export function scanIban(bytes: Uint8Array, from: number, to: number, s: number, sink: DetectionSink): number {
  if (s + 3 >= to || (bytes[s + 1]! | 0x20) !== 0x7a || !isDigit(bytes[s + 2]!) || !isDigit(bytes[s + 3]!) || wordBefore(bytes, from, s)) return s + 1
  // The 16 characters after `KZnn`, spaces every four allowed; their values (0–35) kept for the check.
  let n = 0
  let i = s + 4
  while (i < to && n < 16) {
    const b = bytes[i]!
    if (b >= 0x30 && b <= 0x39) ibanValues[n++] = b - 48
    else if ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7a) ibanValues[n++] = (b | 0x20) - 0x61 + 10
    else if (!(b === 0x20 && n % 4 === 0 && bytes[i - 1] !== 0x20)) break
    i++
  }
  if (n !== 16 || gluedAfter(bytes, i, to)) return s + 1
  // ISO 7064 MOD 97-10: the BBAN, then K (20), Z (35) and the check digits, digit by digit.
  let remainder = 0
  for (let k = 0; k < 16; k++) remainder = ibanValues[k]! < 10 ? (remainder * 10 + ibanValues[k]!) % 97 : (remainder * 100 + ibanValues[k]!) % 97
  remainder = (remainder * 100 + 20) % 97
  remainder = (remainder * 100 + 35) % 97
  remainder = (remainder * 100 + (bytes[s + 2]! - 48) * 10 + bytes[s + 3]! - 48) % 97
  if (remainder !== 1) return s + 1
  sink('iban', s, i, 0.99)
  return i
}
