/*
 * Words as UTF-8 bytes, for the name and address detectors: which bytes are
 * letters, which letters are capitals (Russian А–Я, Ё, І and the Kazakh
 * Ә Ғ Қ Ң Ө Ұ Ү Һ), and a hash of a word's bytes to look it up in a list
 * without decoding it.
 */

/**
 * 1 for an ASCII letter; 2 for the lead byte of a two-byte letter: Cyrillic
 * (0xD0–0xD4) and the accented Latin of European surnames and of the Kazakh
 * Latin alphabet (0xC3–0xC5: Müller, Ömirzaq, Şäken).
 */
export const LETTER = new Uint8Array(256)
for (let b = 0x41; b <= 0x5a; b++) LETTER[b] = 1
for (let b = 0x61; b <= 0x7a; b++) LETTER[b] = 1
for (let b = 0xd0; b <= 0xd4; b++) LETTER[b] = 2
for (let b = 0xc3; b <= 0xc5; b++) LETTER[b] = 2

/** Second bytes of capital letters, per lead byte. */
const UPPER_D0 = new Uint8Array(256)
for (let b = 0x90; b <= 0xaf; b++) UPPER_D0[b] = 1
UPPER_D0[0x81] = 1 // Ё
UPPER_D0[0x86] = 1 // І
const UPPER_D2D3 = new Uint8Array(256)
for (const b of [0x92, 0x9a, 0xa2, 0xae, 0xb0, 0xba]) UPPER_D2D3[b] = 1 // Ғ Қ Ң Ү Ұ Һ (lead D2)
const UPPER_D3 = new Uint8Array(256)
for (const b of [0x98, 0xa8]) UPPER_D3[b] = 1 // Ә Ө (lead D3)

/** Latin-1 capitals À–Þ but ×; in Latin Extended-A (Ä is C3, Ğ Ş Ū are C4/C5) capitals are mostly the even code points. */
const UPPER_C3 = new Uint8Array(256)
for (let b = 0x80; b <= 0x9e; b++) UPPER_C3[b] = b === 0x97 ? 0 : 1

export function isCapitalAt(bytes: Uint8Array, i: number): boolean {
  const b = bytes[i]!
  if (b >= 0x41 && b <= 0x5a) return true
  if (b === 0xd0) return UPPER_D0[bytes[i + 1]!] === 1
  if (b === 0xd2) return UPPER_D2D3[bytes[i + 1]!] === 1
  if (b === 0xd3) return UPPER_D3[bytes[i + 1]!] === 1
  if (b === 0xc3) return UPPER_C3[bytes[i + 1]!] === 1
  if (b === 0xc4 || b === 0xc5) return (bytes[i + 1]! & 1) === 0
  return false
}

/** The end of the word starting at `i`: letters, and a hyphen or apostrophe between letters (`Жақсы-Бек`, `O'Neil`). */
export function wordEnd(bytes: Uint8Array, i: number, to: number): number {
  while (i < to) {
    const kind = LETTER[bytes[i]!]!
    if (kind === 1) i++
    else if (kind === 2 && i + 1 < to) i += 2
    else if ((bytes[i] === 0x2d || bytes[i] === 0x27) && i + 1 < to && LETTER[bytes[i + 1]!] !== 0) i++
    else break
  }
  return i
}

/**
 * FNV-1a over the word's bytes two at a time (a Cyrillic letter is two): lists
 * are looked up by it, so no word is decoded. Half the multiplications of a
 * byte-wise FNV, each waiting on the last; an int32, so V8 keeps it unboxed.
 */
export function hashBytes(bytes: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5
  let i = start
  for (; i + 1 < end; i += 2) h = Math.imul(h ^ (bytes[i]! | (bytes[i + 1]! << 8)), 0x01000193)
  if (i < end) h = Math.imul(h ^ bytes[i]!, 0x01000193)
  return h ^ (h >>> 15)
}

/**
 * Flags by word hash in an open-addressed table of typed arrays: a look-up is
 * a few integer operations and no allocation, where a `Map` boxed every
 * 32-bit hash into a heap number first.
 */
export class WordTable {
  #keys: Int32Array
  #values: Int32Array
  #used: Uint8Array
  #mask: number
  #count = 0

  constructor(capacity = 1 << 12) {
    this.#keys = new Int32Array(capacity)
    this.#values = new Int32Array(capacity)
    this.#used = new Uint8Array(capacity)
    this.#mask = capacity - 1
  }

  /** The flags of the word whose hash is `h`, 0 when it is not listed. */
  get(h: number): number {
    const keys = this.#keys
    const used = this.#used
    const mask = this.#mask
    let slot = h & mask
    while (used[slot] === 1) {
      if (keys[slot] === h) return this.#values[slot]!
      slot = (slot + 1) & mask
    }
    return 0
  }

  /** Adds `flags` to the word whose hash is `h`. */
  add(h: number, flags: number): void {
    if ((this.#count + 1) * 2 > this.#keys.length) this.#grow()
    const mask = this.#mask
    let slot = h & mask
    while (this.#used[slot] === 1 && this.#keys[slot] !== h) slot = (slot + 1) & mask
    if (this.#used[slot] === 0) {
      this.#used[slot] = 1
      this.#keys[slot] = h
      this.#count++
    }
    this.#values[slot]! |= flags
  }

  #grow(): void {
    const { keys, values } = { keys: this.#keys, values: this.#values }
    const used = this.#used
    this.#keys = new Int32Array(keys.length * 2)
    this.#values = new Int32Array(keys.length * 2)
    this.#used = new Uint8Array(keys.length * 2)
    this.#mask = keys.length * 2 - 1
    this.#count = 0
    for (let slot = 0; slot < keys.length; slot++) if (used[slot] === 1) this.add(keys[slot]!, values[slot]!)
  }
}

export function hashSet(words: readonly string[]): Set<number> {
  const set = new Set<number>()
  for (const word of words) {
    const bytes = Buffer.from(word)
    set.add(hashBytes(bytes, 0, bytes.length))
  }
  return set
}

/** Endings grouped by their last two bytes (a Cyrillic letter, or two Latin ones), so a word meets only its own. */
export type Endings = Map<number, Uint8Array[]>

export function encodeEndings(words: readonly string[]): Endings {
  const endings: Endings = new Map()
  for (const word of words) {
    const bytes = new Uint8Array(Buffer.from(word))
    const key = (bytes[bytes.length - 2]! << 8) | bytes[bytes.length - 1]!
    endings.set(key, [...(endings.get(key) ?? []), bytes].sort((a, b) => b.length - a.length))
  }
  return endings
}

/** Whether the word's bytes end with one of `endings`, leaving at least one letter before it. */
export function endsWithAny(bytes: Uint8Array, start: number, end: number, endings: Endings): boolean {
  return endingLength(bytes, start, end, endings) > 0
}

/** The byte length of the longest of `endings` the word ends with (leaving a letter before it), or 0. */
export function endingLength(bytes: Uint8Array, start: number, end: number, endings: Endings): number {
  if (end - start < 3) return 0
  const candidates = endings.get((bytes[end - 2]! << 8) | bytes[end - 1]!)
  if (candidates === undefined) return 0
  for (const ending of candidates) {
    const from = end - ending.length
    if (from <= start) continue
    let k = 0
    while (k < ending.length && bytes[from + k] === ending[k]) k++
    if (k === ending.length) return ending.length
  }
  return 0
}

export const LINE_END = new Uint8Array(256)
for (const b of [0x0a, 0x0d, 0x3b, 0x21, 0x3f, 0x7c, 0x09]) LINE_END[b] = 1

/**
 * What the fast loop does with a byte while no name is pending: 0 steps over
 * it (lower-case Latin, spaces, punctuation, continuation bytes), 2 steps
 * over a two-byte character that is never a capital (lead 0xD1: р–я, ё, і;
 * other scripts), 3 checks the next byte (lead 0xD0: а–п are lower-case, А–Я
 * capitals), 4 steps over a two-byte letter unless it is a capital (Kazakh
 * ә ғ қ ң ө ұ ү һ and accented Latin), 1 stops: a digit, a Latin capital, a
 * line end. Stopping at a lower-case letter would change nothing but the speed.
 */
export const SKIP = new Uint8Array(256)
for (let b = 0xc2; b <= 0xdf; b++) SKIP[b] = 2
SKIP[0xd0] = 3
for (const b of [0xd2, 0xd3, 0xc3, 0xc4, 0xc5]) SKIP[b] = 4
for (let b = 0x30; b <= 0x39; b++) SKIP[b] = 1
for (let b = 0x41; b <= 0x5a; b++) SKIP[b] = 1
for (let b = 0; b < 256; b++) if (LINE_END[b]) SKIP[b] = 1

/** Whether the byte before `i` is a letter (ASCII, or the continuation of a two-byte Cyrillic letter). */
export function letterBefore(bytes: Uint8Array, from: number, i: number): boolean {
  if (i <= from) return false
  const b = bytes[i - 1]!
  if (b < 0x80) return LETTER[b] === 1
  return b <= 0xbf && i - 2 >= from && LETTER[bytes[i - 2]!] === 2
}
