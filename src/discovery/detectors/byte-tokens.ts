/*
 * Where a value's bytes begin and end (issue 7: digits touching letters or
 * digits belong to a longer token — `ORD-123456789012X`, a 20-digit run —
 * and are no value). Tables and checks on UTF-8 bytes, shared by the
 * structured detectors.
 */

/** ASCII letters, digits and `_`: a value touching one of them is part of a longer token. */
export const WORD = new Uint8Array(256)
for (let b = 0x30; b <= 0x39; b++) WORD[b] = 1
for (let b = 0x41; b <= 0x5a; b++) WORD[b] = 1
for (let b = 0x61; b <= 0x7a; b++) WORD[b] = 1
WORD[0x5f] = 1

export const HEX = new Uint8Array(256)
for (const c of '0123456789abcdefABCDEF') HEX[c.charCodeAt(0)] = 1

/** Whether the byte before `i` ends a word: an ASCII letter or digit, `_`, or a Cyrillic/Kazakh letter. */
export function wordBefore(bytes: Uint8Array, from: number, i: number): boolean {
  if (i <= from) return false
  const b = bytes[i - 1]!
  if (b < 0x80) return WORD[b] === 1
  // A continuation byte: the letter's lead byte for Cyrillic and Kazakh letters is 0xD0–0xD4.
  const lead = i - 2 >= from ? bytes[i - 2]! : 0
  return lead >= 0xd0 && lead <= 0xd4
}

export function wordAt(bytes: Uint8Array, i: number, to: number): boolean {
  if (i >= to) return false
  const b = bytes[i]!
  return b < 0x80 ? WORD[b] === 1 : b >= 0xd0 && b <= 0xd4
}

/** `ORD-2024-…`, `ref/123…`: a number joined to a word by a hyphen, underscore or slash belongs to it. */
export function gluedBefore(bytes: Uint8Array, from: number, i: number): boolean {
  if (wordBefore(bytes, from, i)) return true
  if (i - 1 <= from) return false
  const b = bytes[i - 1]!
  // `******8693`: the visible end of a masked value is not a value.
  return b === 0x2a || ((b === 0x2d || b === 0x5f || b === 0x2f) && wordBefore(bytes, from, i - 1))
}

export function gluedAfter(bytes: Uint8Array, i: number, to: number): boolean {
  if (i >= to) return false
  const b = bytes[i]!
  // `@`: an e-mail's local part; `*`: the visible start of a masked value (`582817******8693`).
  if (wordAt(bytes, i, to) || b === 0x40 || b === 0x2a) return true
  // `…123-ABC`, `…123_x`: a hyphen or underscore leading on into a word.
  return (b === 0x2d || b === 0x5f) && wordAt(bytes, i + 1, to)
}

/** `№ 7504269387`, `#7011234567`: a number after a number sign is a document's or an order's, not a phone. */
export function afterNumberSign(bytes: Uint8Array, from: number, i: number): boolean {
  if (i - 1 >= from && bytes[i - 1] === 0x20) i--
  return (i - 1 >= from && bytes[i - 1] === 0x23) || (i - 3 >= from && bytes[i - 3] === 0xe2 && bytes[i - 2] === 0x84 && bytes[i - 1] === 0x96)
}

export function endsWithAny(bytes: Uint8Array, from: number, i: number, words: readonly Uint8Array[]): boolean {
  for (const word of words) {
    const s = i - word.length
    if (s < from) continue
    let k = 0
    while (k < word.length && bytes[s + k] === word[k]) k++
    if (k === word.length) return true
  }
  return false
}

/** Whether `word` is written at `i`. */
export function startsAt(bytes: Uint8Array, i: number, to: number, word: Uint8Array): boolean {
  if (i + word.length > to) return false
  for (let k = 0; k < word.length; k++) if (bytes[i + k] !== word[k]) return false
  return true
}

export const isUpper = (b: number) => b >= 0x41 && b <= 0x5a
export const isDigit = (b: number) => b >= 0x30 && b <= 0x39
