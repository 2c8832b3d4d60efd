import * as tokens from './byte-tokens.ts'
import * as context from './context-words.ts'
import type { DetectedKind, DetectionSink } from './detection.ts'
import * as groups from './digit-groups.ts'
import * as checks from './number-checks.ts'
import * as email from './scan-email.ts'
import * as iban from './scan-iban.ts'
import * as machines from './scan-machine-addresses.ts'
import * as dates from './written-dates.ts'

// Module-local bindings: under tsx an imported binding is read through a getter on every use.
const { HEX, WORD, afterNumberSign, endsWithAny, gluedAfter, gluedBefore, isDigit, isUpper, startsAt, wordBefore } = tokens
const { contextBefore } = context
const { AT, BRACKET, CLASS, COLON_DASH, DASH, DIGIT, DOT, K, PAREN, PLUS, SLASH, SPACE, STARTS_ALL, STARTS_IDS, cardGroups, copyDigits, digitBuffer, groupEnd, groupSep, groupStart, groupValue, len, readGroups, spaced } = groups
const { iinOrBin, knownScheme, luhn, validDate } = checks
const { scanEmail } = email
const { scanIban } = iban
const { scanCiscoMac, scanColonOrDash, scanMac } = machines
const { KAZAKH_YEAR_WORDS, birthMarkAfter, monthEnd, monthOf, monthWordAt, monthWordBefore, yearAfter, yearSuffixAt, yearValue } = dates

/*
 * The structured detectors (issue 7 item 1): IIN and BIN, KZ phones, e-mail,
 * bank cards, KZ IBAN, ID-card and passport numbers, postcodes, IPv4/IPv6,
 * MAC addresses and birth dates — found in one pass over UTF-8 bytes.
 *
 * The pass decodes nothing. A byte class table sends the loop onward at once
 * for every byte that cannot start a value (letters, Cyrillic, punctuation);
 * only a digit, `+`, `(`, `@`, `K`, `:` or `-` looks further, and only a
 * candidate that has already validated decodes the few bytes before it to
 * look for context words. Digits glued to letters (`ORD-000123456789`,
 * `A12345678901X`) are never a value: identifiers inside identifiers are the
 * hard negatives the issue names.
 */

/** Words an identifier is written straight after: `ИИН660212337682`, `БИН…`, `IIN…`. */
const ID_WORDS = ['ИИН', 'ЖСН', 'БИН', 'БСН', 'IIN', 'BIN', 'иин', 'жсн', 'бин', 'бсн'].map((w) => new Uint8Array(Buffer.from(w)))
/** Links that put a phone right after a slash: `wa.me/77085098954`, `t.me/+7…`. */
const LINK_PREFIXES = ['wa.me/', 't.me/', 'viber.click/'].map((w) => new Uint8Array(Buffer.from(w)))

/** Kazpost's 2015 code, letter by letter: `Z05H9A7`. */
const POSTCODE_2015 = [isUpper, isDigit, isDigit, isUpper, isDigit, isUpper, isDigit]

/** One pass of the detectors over `bytes[from, to)`. */
class StructuredScan {
  readonly #thisYear = new Date().getUTCFullYear()

  constructor(
    private readonly bytes: Uint8Array,
    private readonly from: number,
    private readonly to: number,
    private readonly sink: DetectionSink,
    /** Only identifiers, phones, e-mails, cards and IBANs: no dates, IP or MAC addresses, postcodes. */
    private readonly identifiersOnly: boolean,
    /** Cells of a column, one after another: the bytes before a value are another cell, not its context. */
    private readonly noContext: boolean,
  ) {}

  run(): void {
    const { bytes, to } = this
    const starts = this.identifiersOnly ? STARTS_IDS : STARTS_ALL
    let i = this.from
    for (;;) {
      // Past everything that cannot start a value, four bytes at a time. Every byte is looked at, Cyrillic
      // continuation bytes too: stepping by a character's length made each step wait on the last byte's load,
      // and this loop runs ~1.3× faster on Cyrillic text than that one did.
      while (i + 4 <= to && (starts[bytes[i]!]! | starts[bytes[i + 1]!]! | starts[bytes[i + 2]!]! | starts[bytes[i + 3]!]!) === 0) i += 4
      while (i < to && starts[bytes[i]!] === 0) i++
      if (i >= to) return
      switch (CLASS[bytes[i]!]) {
        case DIGIT:
          i = this.#digit(i)
          break
        case PLUS:
        case PAREN:
          i = i + 1 < to && CLASS[bytes[i + 1]!] === DIGIT && !gluedBefore(bytes, this.from, i) ? this.#run(i) : i + 1
          break
        case AT:
          i = scanEmail(bytes, this.from, to, i, this.sink)
          break
        case K:
          i = scanIban(bytes, this.from, to, i, this.sink)
          break
        default:
          i = this.identifiersOnly ? i + 1 : scanColonOrDash(bytes, this.from, to, i, this.sink)
      }
    }
  }

  /** Emits with `withContext` when a context word precedes, else `bare`; a value sure enough alone skips the look. */
  #emit(kind: DetectedKind, start: number, end: number, bare: number, withContext: number): void {
    this.sink(kind, start, end, bare >= 0.95 || withContext === bare || !this.#has(start, kind) ? bare : withContext)
  }

  #has(start: number, kind: DetectedKind): boolean {
    return !this.noContext && contextBefore(this.bytes, this.from, start, kind)
  }

  #digit(i: number): number {
    const { bytes, from, to } = this
    if (i - 1 >= from && bytes[i - 1] === 0x2b) return i + 1 // a `+` glued to a word: not a number's start
    if (!wordBefore(bytes, from, i)) {
      if (!this.identifiersOnly && i + 2 < to && HEX[bytes[i + 1]!] && (bytes[i + 2] === 0x3a || bytes[i + 2] === 0x2d)) {
        const mac = scanMac(bytes, to, i, this.sink)
        if (mac > i) return mac
      }
      if (!this.identifiersOnly && ((i + 4 < to && bytes[i + 4] === 0x2e) || (i - 1 >= from && bytes[i - 1] === 0x2e))) {
        const mac = scanCiscoMac(bytes, from, to, i, this.sink)
        if (mac > i) return mac
      }
      return gluedBefore(bytes, from, i) && !endsWithAny(bytes, from, i, LINK_PREFIXES) ? this.#skipToken(i) : this.#run(i)
    }
    // `ИИН660212337682`, `IIN:` run together: an identifier's own word before it is its context, not a token it belongs to.
    if (endsWithAny(bytes, from, i, ID_WORDS) && !wordBefore(bytes, from, i - (bytes[i - 1]! < 0x80 ? 3 : 6))) return this.#run(i)
    // Digits right after a letter: a passport `N12345678`, a 2015 postcode `Z05H9A7` or `N21A4B9`, a MAC address
    // in Cisco's form `ab08.0903.e234`; else part of a token.
    const prev = bytes[i - 1]!
    if ((prev === 0x4e || prev === 0x6e) && !wordBefore(bytes, from, i - 1)) {
      const passport = this.#passport(i - 1)
      if (passport > 0) return passport
    }
    if (this.identifiersOnly) return this.#skipToken(i)
    if (HEX[prev]) {
      const mac = scanCiscoMac(bytes, from, to, i, this.sink)
      if (mac > i) return mac
    }
    if (prev >= 0x41 && prev <= 0x5a && !wordBefore(bytes, from, i - 1)) return this.#postcode2015(i - 1)
    return this.#skipToken(i)
  }

  #skipToken(i: number): number {
    const { bytes, to } = this
    while (i < to && WORD[bytes[i]!]) i++
    return i
  }

  /** A written number from `s`: digit groups and the separators between them; then what they make. */
  #run(s: number): number {
    const { bytes, to } = this
    let i = s
    const plus = bytes[i] === 0x2b
    if (plus) i++
    const n = readGroups(bytes, i, to)
    const end = groupEnd[n - 1]!
    if (gluedAfter(bytes, end, to) && !(len(n - 1) === 4 && yearSuffixAt(bytes, end, to))) return this.#skipToken(end)
    // Most numbers in text are short (`№ 123`, `1234.56`): one group under six digits, or two under ten, make
    // nothing — unless a month's name stands beside a day or after a year.
    if (n === 1 && end - groupStart[0]! < 6) return this.identifiersOnly || plus ? end : this.#wordedDate(end)
    if (n === 2 && len(0) + len(1) < 10) return end
    let g = 0
    while (g < n) g += this.#groupsAt(g, n, plus && g === 0, s)
    return end
  }

  /** What the groups from `g` make, longest first; how many groups it took (at least one). */
  #groupsAt(g: number, n: number, plus: boolean, runStart: number): number {
    const { bytes } = this
    const start = plus ? runStart : groupSep[g]! & BRACKET && groupStart[g]! > 0 && bytes[groupStart[g]! - 1] === 0x28 ? groupStart[g]! - 1 : groupStart[g]!

    // IPv4: four dot-separated groups of 1–3 digits, each at most 255, and no fifth.
    if (!this.identifiersOnly && g + 3 < n && groupSep[g + 1] === DOT && groupSep[g + 2] === DOT && groupSep[g + 3] === DOT && (g + 4 >= n || groupSep[g + 4] !== DOT) && (g === 0 || groupSep[g] !== DOT)) {
      let ok = true
      for (let k = g; k < g + 4 && ok; k++) {
        const l = len(k)
        const v = groupValue(bytes, k)
        ok = l >= 1 && l <= 3 && v <= 255 && !(l > 1 && bytes[groupStart[k]!] === 0x30)
      }
      if (ok) {
        this.#emit('ip_address', start, groupEnd[g + 3]!, 0.8, 0.95)
        return 4
      }
    }

    // A date: DD.MM.YYYY, DD/MM/YYYY or YYYY-MM-DD with one separator throughout.
    if (g + 2 < n) {
      const sep = groupSep[g + 1]!
      if ((sep === DOT || sep === SLASH || sep === DASH) && groupSep[g + 2] === sep && (g + 3 >= n || groupSep[g + 3] !== sep)) {
        const [a, b, c] = [len(g), len(g + 1), len(g + 2)]
        const ymd = a === 4 && b === 2 && c === 2 && sep === DASH ? g : a <= 2 && b <= 2 && c === 4 && sep !== DASH ? g + 2 : -1
        if (ymd >= 0) {
          const year = groupValue(bytes, ymd)
          let day = groupValue(bytes, ymd === g ? g + 2 : g)
          let month = groupValue(bytes, g + 1)
          // `01/15/1990`: an American month-first date, read so only when day-first is no date.
          if (sep === SLASH && !validDate(month, day) && validDate(day, month)) {
            const m = day
            day = month
            month = m
          }
          if (!this.identifiersOnly) this.#birthDate(start, groupEnd[g + 2]!, year, month, day)
          return 3
        }
      }
    }

    // Collect digits group by group for cards, phones and identifiers.
    let total = 0
    let k = g
    // A card: 13–19 digits in one group, or groups of four (4-4-4-4, 4-4-4-4-3) or Amex's 4-6-5, with Luhn's check.
    const card = cardGroups(g, n)
    if (card > 0) {
      total = 0
      for (let q = g; q < g + card; q++) total = copyDigits(bytes, q, total)
      if (total >= 13 && total <= 19 && digitBuffer[0]! >= 2 && digitBuffer[0]! <= 6 && luhn(digitBuffer, total)) {
        // Digits run together with no card word before them count only under a card scheme's prefix
        // (Visa, Mastercard, Mir, UnionPay, Amex, JCB): anything else is as likely an operation code.
        this.#emit('bank_card', start, groupEnd[g + card - 1]!, card > 1 ? 0.9 : knownScheme(digitBuffer, total) ? 0.8 : 0.45, 0.97)
        return card
      }
    }

    if (len(g) === 12 && (g + 1 >= n || groupSep[g + 1] !== DOT)) {
      copyDigits(bytes, g, 0)
      const kind = iinOrBin(digitBuffer)
      if (kind) {
        this.#emit(kind, groupStart[g]!, groupEnd[g]!, kind === 'iin' ? 0.8 : 0.75, 0.98)
        return 1
      }
    }

    // A Russian citizen's passport, series then number (`38 00 727992`, `3800 727992`), only after a passport word.
    const series = len(g) === 2 && g + 2 < n && len(g + 1) === 2 && groupSep[g + 1] === SPACE && len(g + 2) === 6 && groupSep[g + 2] === SPACE ? 3
      : len(g) === 4 && g + 1 < n && len(g + 1) === 6 && groupSep[g + 1] === SPACE ? 2 : 0
    if (series > 0 && this.#has(groupStart[g]!, 'passport')) {
      this.sink('passport', groupStart[g]!, groupEnd[g + series - 1]!, 0.85)
      return series
    }

    // A KZ phone: 11 digits from 7 or 8 (or +7) then 6xx/7xx — Russia's +7 numbers start 3, 4, 8 or 9.
    total = 0
    k = g
    while (k < n && total < 11 && (k === g || spaced(groupSep[k]!) || groupSep[k]! & BRACKET) && !(groupSep[k]! & (DOT | SLASH))) {
      if (total + len(k) > 11) break
      total = copyDigits(bytes, k, total)
      k++
    }
    if (k > g && (total === 11 || total === 10)) {
      const kz11 = total === 11 && (digitBuffer[0] === 7 || (digitBuffer[0] === 8 && !plus)) && (digitBuffer[1] === 7 || digitBuffer[1] === 6)
      const kz10 = total === 10 && !plus && digitBuffer[0] === 7 && !afterNumberSign(bytes, this.from, start) && this.#has(start, 'phone')
      if (kz11 || kz10) {
        this.#emit('phone', start, groupEnd[k - 1]!, kz10 ? 0.8 : plus ? 0.95 : 0.85, kz10 ? 0.8 : 0.98)
        return k - g
      }
    }

    // Numbers too weak alone: an ID card's 9 digits and an old 6-digit postcode count only after their words.
    if (len(g) === 9 && this.#has(groupStart[g]!, 'id_card')) {
      this.#emit('id_card', groupStart[g]!, groupEnd[g]!, 0.85, 0.85)
      return 1
    }
    if (len(g) === 6 && !this.identifiersOnly && this.#has(groupStart[g]!, 'postcode')) {
      this.#emit('postcode', groupStart[g]!, groupEnd[g]!, 0.85, 0.85)
      return 1
    }
    return 1
  }

  /** A date in `[start, end)` reported when it can be a birth date: sure after a birth word before or `г.р.` after it. */
  #birthDate(start: number, end: number, year: number, month: number, day: number): void {
    if (year < 1900 || year > this.#thisYear || !validDate(month, day)) return
    const sure = (!this.noContext && birthMarkAfter(this.bytes, end, this.to)) || this.#has(start, 'birth_date')
    this.sink('birth_date', start, end, sure ? 0.9 : 0.3)
  }

  /**
   * A date with the month's name around the lone number (one group) that ends at `end`: `25 октября 1955`,
   * `December 7, 2002`, `1947 жылғы 2 қаңтар`. Where the scan goes on from.
   */
  #wordedDate(end: number): number {
    const { bytes, from, to } = this
    const s = groupStart[0]!
    const l = end - s
    if (l <= 2) {
      const day = groupValue(bytes, 0)
      // Day first: `4 March 1963`, `25 октября 1955`.
      const after = end + 1 < to && bytes[end] === 0x20 ? monthWordAt(bytes, end + 1, to) : 0
      if (after !== 0) {
        const yearEnd = yearAfter(bytes, monthEnd(after), to)
        if (yearEnd > 0) {
          this.#birthDate(s, yearEnd, yearValue(bytes, yearEnd), monthOf(after), day)
          return yearEnd
        }
      }
      // Month first: `December 7, 2002`.
      const monthStart = s - 1 > from && bytes[s - 1] === 0x20 ? monthWordBefore(bytes, from, s - 1) : -1
      if (monthStart >= 0) {
        const yearEnd = yearAfter(bytes, end, to)
        if (yearEnd > 0) {
          this.#birthDate(monthStart, yearEnd, yearValue(bytes, yearEnd), monthOf(monthWordAt(bytes, monthStart, to)), day)
          return yearEnd
        }
      }
    } else if (l === 4) {
      // Year first, in Kazakh: `1947 жылғы 2 қаңтар`.
      const word = startsAt(bytes, end, to, KAZAKH_YEAR_WORDS[0]!) ? KAZAKH_YEAR_WORDS[0]! : startsAt(bytes, end, to, KAZAKH_YEAR_WORDS[1]!) ? KAZAKH_YEAR_WORDS[1]! : undefined
      if (word) {
        let i = end + word.length
        const dayStart = i
        while (i < to && i - dayStart < 3 && isDigit(bytes[i]!)) i++
        const days = i - dayStart
        const month = days >= 1 && days <= 2 && i + 1 < to && bytes[i] === 0x20 ? monthWordAt(bytes, i + 1, to) : 0
        if (month !== 0) {
          const day = days === 1 ? bytes[dayStart]! - 48 : (bytes[dayStart]! - 48) * 10 + bytes[dayStart + 1]! - 48
          this.#birthDate(s, monthEnd(month), groupValue(bytes, 0), monthOf(month), day)
          return monthEnd(month)
        }
      }
    }
    return end
  }

  /** A KZ passport number `N12345678` at `s` after a passport word: where it ends, or -1. */
  #passport(s: number): number {
    const { bytes, to } = this
    let i = s + 1
    while (i < to && CLASS[bytes[i]!] === DIGIT) i++
    if (i - s - 1 !== 8 || gluedAfter(bytes, i, to) || !this.#has(s, 'passport')) return -1
    this.sink('passport', s, i, 0.9)
    return i
  }

  /** Kazpost's 2015 code: letter, two digits, letter, digit, letter, digit (`Z05H9A7`). */
  #postcode2015(s: number): number {
    const { bytes, to } = this
    let k = 0
    while (k < 7 && s + k < to && POSTCODE_2015[k]!(bytes[s + k]!)) k++
    if (k === 7 && !gluedAfter(bytes, s + 7, to)) {
      this.#emit('postcode', s, s + 7, 0.6, 0.9)
      return s + 7
    }
    return this.#skipToken(s + 1)
  }

}

export interface StructuredOptions {
  /** The bytes are a column's cells one after another: no context words are looked for across them. */
  cells?: boolean
  /**
   * Only the identifiers (IIN, BIN, ID card, passport), phones, e-mails,
   * cards and IBANs — the set issue 7 asks to run at 150 MB/s per core — and
   * not birth dates, IP and MAC addresses or postcodes.
   */
  identifiersOnly?: boolean
}

/**
 * Reports every structured detection in `bytes[from, to)`, in order of start,
 * with byte offsets and a confidence: higher after a context word (`ИИН`,
 * `тел.`, `карта`), required for ID-card and passport numbers and old
 * postcodes, and low (0.3) for a date no birth word precedes.
 */
export function scanStructured(bytes: Uint8Array, from: number, to: number, sink: DetectionSink, options: StructuredOptions = {}): void {
  new StructuredScan(bytes, from, to, sink, options.identifiersOnly ?? false, options.cells ?? false).run()
}
