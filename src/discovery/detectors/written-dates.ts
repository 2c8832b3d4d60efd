import * as tokens from './byte-tokens.ts'

const { gluedAfter, isDigit, wordAt } = tokens

/**
 * Month names as dates of birth are written in records — `25 октября 1955`,
 * `1947 жылғы 2 қаңтар`, `4 March 1963`, `December 7, 2002` (issue 7: dates
 * of birth) — matched on UTF-8 bytes. A stem matches with any ending after it
 * (`январ` → `января`, `қаңтар` → `қаңтарда`, `Sep` → `Sept.`): the day and
 * the four-digit year around it make the date, so a loose stem costs nothing.
 */
const STEMS: readonly (readonly string[])[] = [
  ['янв', 'jan', 'қаңтар'],
  ['фев', 'feb', 'ақпан'],
  ['мар', 'mar', 'наурыз'],
  ['апр', 'apr', 'сәуір'],
  ['мая', 'май', 'may', 'мамыр'],
  ['июн', 'jun', 'маусым'],
  ['июл', 'jul', 'шілде'],
  ['авг', 'aug', 'тамыз'],
  ['сен', 'sep', 'қыркүйек'],
  ['окт', 'oct', 'қазан'],
  ['ноя', 'nov', 'қараша'],
  ['дек', 'dec', 'желтоқсан'],
]

const lower = (b: number) => (b >= 0x41 && b <= 0x5a ? b | 0x20 : b)

/**
 * Each stem's bytes, lower case and Capitalised (ASCII is compared case-blind anyway), by its first two bytes:
 * a Cyrillic word's first byte alone is the same lead byte for half the alphabet, and numbers before ordinary
 * words ask here often.
 */
const BY_PAIR = new Map<number, { stem: Uint8Array; month: number }[]>()
const HAS_PAIR = new Uint8Array(65536)
STEMS.forEach((stems, m) => {
  for (const text of new Set(stems.flatMap((s) => [s, s.charAt(0).toUpperCase() + s.slice(1)]))) {
    const stem = new Uint8Array(Buffer.from(text))
    const pair = (lower(stem[0]!) << 8) | lower(stem[1]!)
    HAS_PAIR[pair] = 1
    BY_PAIR.set(pair, [...(BY_PAIR.get(pair) ?? []), { stem, month: m + 1 }])
  }
})
const asciiLetter = (b: number) => (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7a

/**
 * The month word starting at `i`, with its ending and an abbreviation's dot,
 * packed as `end * 16 + month` (month 1–12); 0 when none starts there.
 */
export function monthWordAt(bytes: Uint8Array, i: number, to: number): number {
  if (i + 1 >= to) return 0
  const pair = (lower(bytes[i]!) << 8) | lower(bytes[i + 1]!)
  if (HAS_PAIR[pair] === 0) return 0
  for (const { stem, month } of BY_PAIR.get(pair)!) {
    if (i + stem.length > to) continue
    let k = 1
    while (k < stem.length && lower(bytes[i + k]!) === stem[k]) k++
    if (k < stem.length) continue
    // The rest of the word: ASCII letters, or two-byte Cyrillic and Kazakh letters.
    let e = i + k
    for (;;) {
      if (e < to && asciiLetter(bytes[e]!)) e++
      else if (e + 1 < to && bytes[e]! >= 0xd0 && bytes[e]! <= 0xd4) e += 2
      else break
    }
    if (e < to && bytes[e] === 0x2e) e++
    return e * 16 + month
  }
  return 0
}

/** Where the English month word ending at `end` (`December`, `Sept.`) starts, or -1: `December 7, 2002` puts it first. */
export function monthWordBefore(bytes: Uint8Array, from: number, end: number): number {
  let s = end
  if (s - 1 >= from && bytes[s - 1] === 0x2e) s--
  while (s - 1 >= from && asciiLetter(bytes[s - 1]!)) s--
  if (s === end || (s - 1 >= from && bytes[s - 1]! >= 0x80)) return -1
  const packed = monthWordAt(bytes, s, end)
  return packed !== 0 && monthEnd(packed) === end ? s : -1
}

/** The month a packed `monthWordAt` result names. */
export const monthOf = (packed: number) => packed % 16
/** Where a packed `monthWordAt` result ends (a division, not a shift: offsets pass 2^27 in large buffers). */
export const monthEnd = (packed: number) => Math.floor(packed / 16)

/** `1990г.`, `1962ж.`: the Russian and Kazakh abbreviations of "year" written straight after one. */
export function yearSuffixAt(bytes: Uint8Array, i: number, to: number): boolean {
  return i + 1 < to && bytes[i] === 0xd0 && (bytes[i + 1] === 0xb3 || bytes[i + 1] === 0xb6) && !wordAt(bytes, i + 2, to)
}

/** `15.01.1990 г.р.`, `02.08.1962 ж.т.`: "year of birth" written after a date is its birth word. */
const BIRTH_MARKS = ['г.р', 'г. р', 'ж.т', 'ж. т'].map((w) => new Uint8Array(Buffer.from(w)))
export function birthMarkAfter(bytes: Uint8Array, i: number, to: number): boolean {
  if (i < to && bytes[i] === 0x20) i++
  for (const mark of BIRTH_MARKS) {
    let k = 0
    while (k < mark.length && i + k < to && bytes[i + k] === mark[k]) k++
    if (k === mark.length) return true
  }
  return false
}

/** The value of the four-digit year that ends at `end`. */
export const yearValue = (bytes: Uint8Array, end: number) => (bytes[end - 4]! - 48) * 1000 + (bytes[end - 3]! - 48) * 100 + (bytes[end - 2]! - 48) * 10 + bytes[end - 1]! - 48

/** Kazakh writes the year first: `1947 жылғы 2 қаңтар`, `1947 ж. 2 қаңтар`. */
export const KAZAKH_YEAR_WORDS = [' жылғы ', ' ж. '].map((w) => new Uint8Array(Buffer.from(w)))

/** The four-digit year after `i` (`, 1963`, ` 1955`, ` 1955г.`) that ends a worded date: where it ends, or -1. */
export function yearAfter(bytes: Uint8Array, i: number, to: number): number {
  if (i < to && bytes[i] === 0x2c) i++
  if (i >= to || bytes[i] !== 0x20) return -1
  i++
  for (let k = 0; k < 4; k++) if (i + k >= to || !isDigit(bytes[i + k]!)) return -1
  const e = i + 4
  return gluedAfter(bytes, e, to) && !yearSuffixAt(bytes, e, to) ? -1 : e
}
