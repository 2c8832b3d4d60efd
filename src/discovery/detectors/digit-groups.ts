/*
 * A written number as the structured detectors see it (issue 7: phones in
 * every grouping, grouped cards, dates): the bytes that can start a value,
 * and the digit groups of one number with the separators between them, kept
 * in shared typed arrays so no candidate allocates.
 */

export const DIGIT = 1
export const PLUS = 2
export const PAREN = 3
export const AT = 4
export const K = 5
export const COLON_DASH = 6

export const CLASS = new Uint8Array(256)
for (let b = 0x30; b <= 0x39; b++) CLASS[b] = DIGIT
CLASS[0x2b] = PLUS
CLASS[0x28] = PAREN
CLASS[0x40] = AT
CLASS[0x4b] = K
CLASS[0x6b] = K
CLASS[0x3a] = COLON_DASH
CLASS[0x2d] = COLON_DASH

/** 1 for a byte that can start a value; in identifiers-only mode `:` and `-` cannot (they open MAC and IPv6 addresses only). */
export const STARTS_ALL = new Uint8Array(256)
export const STARTS_IDS = new Uint8Array(256)
for (let b = 0; b < 256; b++) {
  STARTS_ALL[b] = CLASS[b] === 0 ? 0 : 1
  STARTS_IDS[b] = CLASS[b] === COLON_DASH ? 0 : STARTS_ALL[b]!
}

/** Separators between the digit groups of one written number: `+7 (701) 123-45-67`, `15.01.1990`, `4400 4301 …`. */
export const SPACE = 1
export const DASH = 2
export const DOT = 4
export const SLASH = 8
export const BRACKET = 16
export const SEP = new Uint8Array(256)
SEP[0x20] = SPACE
SEP[0xa0] = SPACE
SEP[0x2d] = DASH
SEP[0x2e] = DOT
SEP[0x2f] = SLASH
SEP[0x28] = BRACKET
SEP[0x29] = BRACKET

/** Enough for a few numbers written one after another with single spaces (`+7 701 123 45 67 8 702 …`). */
export const MAX_GROUPS = 24
export const groupStart = new Int32Array(MAX_GROUPS)
export const groupEnd = new Int32Array(MAX_GROUPS)
/** The separators before each group (0 for the first). */
export const groupSep = new Uint8Array(MAX_GROUPS)
export const digitBuffer = new Uint8Array(32)

// Module-level helpers, not closures: a closure made per candidate costs more than the candidate (and tsx's
// keepNames wraps each one made).
export const len = (k: number) => groupEnd[k]! - groupStart[k]!

/** The value of group `k`'s digits. */
export function groupValue(bytes: Uint8Array, k: number): number {
  let v = 0
  for (let i = groupStart[k]!; i < groupEnd[k]!; i++) v = v * 10 + bytes[i]! - 48
  return v
}

export const spaced = (sep: number) => sep === SPACE || sep === DASH || sep === 0

/**
 * Reads the digit groups of the number at `i` (after any `+`; a `(` there
 * counts as the first group's separator) into `groupStart`, `groupEnd` and
 * `groupSep`; how many there are.
 */
export function readGroups(bytes: Uint8Array, i: number, to: number): number {
  let n = 0
  let sepBefore = bytes[i] === 0x28 ? BRACKET : 0
  if (sepBefore) i++
  for (;;) {
    const start = i
    while (i < to && CLASS[bytes[i]!] === DIGIT) i++
    groupStart[n] = start
    groupEnd[n] = i
    groupSep[n] = sepBefore
    n++
    if (n === MAX_GROUPS) break
    let j = i
    let sep = 0
    let count = 0
    while (j < to && count < 3 && SEP[bytes[j]!]) {
      sep |= SEP[bytes[j]!]!
      j++
      count++
    }
    if (count === 0 || j >= to || CLASS[bytes[j]!] !== DIGIT) break
    // Two spaces, or a dot next to another separator, end a number: `12. 34`, `5  6` are two.
    if ((sep & DOT && sep !== DOT) || (count > 1 && !(sep & BRACKET))) break
    sepBefore = sep
    i = j
  }
  return n
}

/** How many groups from `g` make a card's written form; 0 when none. */
export function cardGroups(g: number, n: number): number {
  const l0 = len(g)
  if (l0 >= 13 && l0 <= 19) return 1
  if (l0 !== 4 || g + 2 >= n) return 0
  const sep = groupSep[g + 1]!
  if (sep !== SPACE && sep !== DASH) return 0
  if (len(g + 1) === 6 && len(g + 2) === 5 && groupSep[g + 2] === sep) return 3
  let k = g + 1
  while (k < n && k < g + 4 && len(k) === 4 && groupSep[k] === sep) k++
  if (k - g !== 4) return 0
  if (k < n && groupSep[k] === sep && len(k) >= 1 && len(k) <= 3) return 5
  return 4
}

/** Copies group `k`'s digits (as numbers 0–9) into `digitBuffer` from `at`; where the next go. */
export function copyDigits(bytes: Uint8Array, k: number, at: number): number {
  for (let i = groupStart[k]!; i < groupEnd[k]! && at < digitBuffer.length; i++) digitBuffer[at++] = bytes[i]! - 48
  return at
}
