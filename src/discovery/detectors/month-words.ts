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

/** Each stem's bytes, lower case and Capitalised (ASCII is compared case-blind anyway), by its first byte. */
const BY_FIRST_BYTE: { stem: Uint8Array; month: number }[][] = Array.from({ length: 256 }, () => [])
STEMS.forEach((stems, m) => {
  for (const text of new Set(stems.flatMap((s) => [s, s.charAt(0).toUpperCase() + s.slice(1)]))) {
    const stem = new Uint8Array(Buffer.from(text))
    BY_FIRST_BYTE[stem[0]!]!.push({ stem, month: m + 1 })
  }
})

const lower = (b: number) => (b >= 0x41 && b <= 0x5a ? b | 0x20 : b)
const asciiLetter = (b: number) => (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7a

/**
 * The month word starting at `i`, with its ending and an abbreviation's dot,
 * packed as `end * 16 + month` (month 1–12); 0 when none starts there.
 */
export function monthWordAt(bytes: Uint8Array, i: number, to: number): number {
  if (i >= to) return 0
  for (const { stem, month } of BY_FIRST_BYTE[lower(bytes[i]!)]!) {
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
