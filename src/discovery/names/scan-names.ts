import type { DetectionSink } from '../detectors/detection.ts'
import * as listed from './listed-words.ts'
import * as runs from './name-runs.ts'
import * as wordBytes from './word-bytes.ts'

// Module-local bindings: under tsx an imported binding is read through a getter on every use, and these are
// used for every word of every file.
const { endingLength, endsWithAny, hashBytes, isCapitalAt, LETTER, LINE_END, SKIP, letterBefore, wordEnd } = wordBytes
const { GIVEN_NAME, SURNAME_SHAPED, PATRONYMIC_SHAPED, INITIAL, OTHER_CAPITAL, PLACE_PART, judgeRun, startRun } = runs
const { WORDS, GIVEN, NOT_A_NAME, CITY, CITY_MARKER, STREET_BEFORE, STREET_AFTER, ADDRESS_PART, KNOWN_SURNAME, HONORIFIC, SURNAME, PATRONYMIC, CASE_ENDING } = listed

/*
 * Person names and addresses in Kazakh, Russian and English text (issue 7
 * item 1), by dictionaries and rules that run offline: a known given name
 * beside a word shaped like a surname or patronymic is a name; a street word
 * with a name and a number is an address. Works on bytes, word by word; a
 * word is looked up by a hash of its bytes, so nothing is decoded.
 */

class NameScan {
  #run: runs.NameRun | undefined
  /** A finished run's object, for the next run. */
  #spare: runs.NameRun | undefined
  /** Where the clause's city or postcode began (`г. Алматы, `), for an address that follows it. */
  #cityAt = -1
  #lastEmitEnd = 0

  constructor(
    private readonly bytes: Uint8Array,
    private readonly from: number,
    private readonly to: number,
    private readonly sink: DetectionSink,
  ) {}

  run(): void {
    const { bytes, to } = this
    let i = this.from
    while (i < to) {
      if (this.#run === undefined) {
        // Nothing pending: past lower-case text in one tight loop, to the next digit, capital or line end.
        for (;;) {
          const skip = SKIP[bytes[i]!]!
          if (skip === 0) i++
          else if (skip === 2 || (skip === 3 && bytes[i + 1]! >= 0xb0) || (skip === 4 && !isCapitalAt(bytes, i))) i += 2
          else break
          if (i >= to) return this.#flush()
        }
      }
      const b = bytes[i]!
      const letter = LETTER[b]!
      if (letter === 0) {
        if (b >= 0x30 && b <= 0x39) {
          const s = i
          while (i < to && bytes[i]! >= 0x30 && bytes[i]! <= 0x39) i++
          const run = this.#run
          if (run !== undefined && s === run.end + 1 && bytes[run.end] === 0x2d) {
            // `Самал-2 шағын ауданы`, `Microdistrict Самал-2`: the number is part of the place's name.
            run.end = i
            run.kinds |= PLACE_PART
            continue
          }
          // A number ends a name; a six-digit one followed by a capital may open an address (`050000, Алматы, …`).
          this.#flush()
          if (i - s === 6 && (bytes[i] === 0x2c || bytes[i] === 0x20) && isCapitalAt(bytes, i + (bytes[i + 1] === 0x20 ? 2 : 1))) this.#cityAt = s
          // `33 мкр., д. 27`: a microdistrict by its number (Aktau's way); only a word in м/m is looked up.
          if (bytes[i] === 0x20 && (bytes[i + 1] === 0x6d || (bytes[i + 1] === 0xd0 && bytes[i + 2] === 0xbc))) {
            const we = wordEnd(bytes, i + 1, to)
            if (WORDS.get(hashBytes(bytes, i + 1, we)) & STREET_BEFORE) i = this.#address(s, we + (bytes[we] === 0x2e ? 1 : 0), 'numbered')
          }
          continue
        }
        if (LINE_END[b]) {
          this.#flush()
          this.#cityAt = -1
        }
        i++
        continue
      }
      const s = i
      const e = wordEnd(bytes, i, to)
      if (e === s) {
        i++
        continue
      }
      if (letterBefore(bytes, this.from, s)) {
        // The middle of a word (`iPhone`, a Kazakh letter inside one): not where a name starts.
        i = e
        continue
      }
      if (isCapitalAt(bytes, s)) {
        i = this.#capitalised(s, e)
        continue
      }
      // A lower-case word costs only its skip, unless it follows a name-like run: `Абай даңғылы`, `Abai street`.
      i = e
      const run = this.#run
      if (run === undefined) continue
      if (s === run.end + 1 && bytes[run.end] === 0x20) {
        const flags = WORDS.get(hashBytes(bytes, s, e))
        if (flags & HONORIFIC) {
          // `Қабанбай батыр көшесі`, `Төле би к-сі`: the honorific belongs to the name a street word may follow.
          run.end = e
          run.kinds |= PLACE_PART
          continue
        }
        if (flags & STREET_AFTER) {
          i = this.#address(s, e + (bytes[e] === 0x2e ? 1 : 0), 'after')
          continue
        }
        // `Алматы облысы`, `Карасайский р-н`, `Қаскелең ауылы`: a place, not a person — and where an address may begin.
        // A one-letter word counts only with its dot: `с.` is a village, `с` is "with".
        if (flags & CITY_MARKER && (e - s > 2 || bytes[e] === 0x2e)) {
          if (this.#cityAt < 0) this.#cityAt = run.start
          this.#run = undefined
          continue
        }
      }
      this.#flush()
    }
    this.#flush()
  }

  /**
   * A capitalised word, after a look at the word before it: a street word
   * (`ул.`, `пр.`, `мкр.`) starts an address there; a city word (`г.`) opens
   * the clause's city.
   */
  #capitalised(s: number, e: number): number {
    const { bytes, from } = this
    let k = s
    while (k > from && k > s - 3 && bytes[k - 1] === 0x20) k--
    const dotted = k > from && bytes[k - 1] === 0x2e
    if (dotted) k--
    const markerEnd = k
    // Back over the word's letters (a Cyrillic letter is a lead byte 0xD0–0xD4 and one continuation byte).
    while (k > from && markerEnd - k < 24) {
      const b = bytes[k - 1]!
      if ((b >= 0x61 && b <= 0x7a) || (b >= 0x41 && b <= 0x5a) || b === 0x2d) k--
      else if (b >= 0x80 && b <= 0xbf && k - 2 >= from && bytes[k - 2]! >= 0xd0 && bytes[k - 2]! <= 0xd4) k -= 2
      else break
    }
    if (k < markerEnd && (markerEnd < s || dotted)) {
      const flags = WORDS.get(hashBytes(bytes, k, markerEnd))
      if (flags & STREET_BEFORE) return this.#address(k, markerEnd + (dotted ? 1 : 0), 'before')
      if (flags & CITY_MARKER && dotted) {
        this.#flush()
        if (this.#cityAt < 0) this.#cityAt = k
      }
    }
    return this.#word(s, e)
  }

  /** One capitalised word; returns where to go on. */
  #word(s: number, e: number): number {
    const { bytes } = this
    let flags = WORDS.get(hashBytes(bytes, s, e))
    /** Where the word's stem ends: before a Kazakh case ending (`Сәрсенбаевтың`, `Алматыда`). */
    let stem = e
    if (flags === 0) {
      const n = endingLength(bytes, s, e, CASE_ENDING)
      if (n > 0 && e - n - s >= 4) {
        const f = WORDS.get(hashBytes(bytes, s, e - n)) & (GIVEN | NOT_A_NAME | CITY | KNOWN_SURNAME)
        if (f !== 0 || endsWithAny(bytes, s, e - n, SURNAME) || endsWithAny(bytes, s, e - n, PATRONYMIC)) {
          flags = f
          stem = e - n
        }
      }
    }
    if (bytes[e] === 0x2d && bytes[e + 1]! >= 0x30 && bytes[e + 1]! <= 0x39) {
      // `ORD-2023-…`, `ЗК-3701810`: an all-capital code, which a name before it does not run into.
      if (e - s > 2 && isCapitalAt(bytes, s + LETTER[bytes[s]!]!)) {
        this.#flush()
        return e
      }
      // `Аксай-4`, `Мамыр-4`: a microdistrict's name, whatever else the word may be.
      if (!(flags & (STREET_BEFORE | STREET_AFTER))) flags = 0
    }
    const dot = bytes[e] === 0x2e
    if (flags & STREET_BEFORE) return this.#address(s, e + (dot ? 1 : 0), 'before')
    if (flags & STREET_AFTER && this.#run && this.#run.end >= s - 2) return this.#address(s, e + (dot ? 1 : 0), 'after')
    const afterRun = this.#run !== undefined && s === this.#run.end + 1
    if (flags & CITY_MARKER && afterRun && !dot && e - s > 2) {
      // `Almaty Region`, `Karasay District`: the run was a place.
      if (this.#cityAt < 0) this.#cityAt = this.#run!.start
      this.#run = undefined
      return e
    }
    if (flags & CITY_MARKER && dot && !(afterRun && isCapitalAt(bytes, s))) {
      this.#flush()
      if (this.#cityAt < 0) this.#cityAt = s
      return e + 1
    }
    if (flags & CITY && bytes[e] === 0x2c && bytes[e + 1] === 0x20 && e + 2 < this.to && isCapitalAt(bytes, e + 2)) {
      // `Астана, Мәңгілік Ел 58`: a city, a street's name and a house number, with no street word at all.
      return this.#address(this.#cityAt >= 0 ? this.#cityAt : s, e, 'city')
    }
    if (flags & (NOT_A_NAME | CITY)) {
      this.#flush()
      if (flags & CITY && this.#cityAt < 0) this.#cityAt = s
      return e
    }
    const oneLetter = e - s === 1 || (e - s === 2 && LETTER[bytes[s]!] === 2)
    const kind = oneLetter && dot ? INITIAL
      : flags & GIVEN ? GIVEN_NAME
      : flags & KNOWN_SURNAME ? SURNAME_SHAPED
      : endsWithAny(bytes, s, stem, PATRONYMIC) ? PATRONYMIC_SHAPED
      : endsWithAny(bytes, s, stem, SURNAME) ? SURNAME_SHAPED
      : OTHER_CAPITAL
    const end = kind === INITIAL ? e + 1 : e
    const run = this.#run
    // Joined to the run when one space (or nothing, after an initial's dot) separates them.
    if (run && run.words < 4 && (s === run.end + 1 && bytes[run.end] === 0x20 || (s === run.end && run.kinds & INITIAL))) {
      if (run.words === 1) {
        run.secondStart = s
        run.secondKind = kind
      }
      run.end = end
      run.kinds |= kind
      run.restKinds |= kind
      run.words++
      if (kind === GIVEN_NAME) run.givenCount++
    } else {
      this.#flush()
      // The flushed run's object is filled again: a file holds a capitalised word every few dozen bytes.
      this.#run = startRun(this.#spare, s, end, kind)
      this.#spare = undefined
    }
    return end
  }

  /** The name the run makes, if it makes one, with how sure it is. */
  #flush(): void {
    const run = this.#run
    this.#run = undefined
    if (!run) return
    this.#spare = run
    if (run.kinds & PLACE_PART) return
    const confidence = judgeRun(run)
    if (confidence > 0) this.#emit('person_name', run.start, run.end, confidence)
  }

  #emit(kind: 'person_name' | 'address', start: number, end: number, confidence: number): void {
    if (start < this.#lastEmitEnd) return
    this.sink(kind, start, end, confidence)
    this.#lastEmitEnd = end
  }

  /**
   * An address around a street word at `[s, e)`: back to the clause's city or
   * postcode, or — for a word that follows the street's name (`Абай даңғылы`,
   * `Abai Ave`) — back to that name and a house number before it; forward over
   * the street's name, numbers and parts (`д. 10, кв. 5`, `10-үй`, `apt 5`).
   * `numbered`: a street word after a number (`33 мкр.`), which needs no name.
   */
  #address(s: number, e: number, street: 'before' | 'after' | 'city' | 'numbered'): number {
    const { bytes, to } = this
    let start = s
    if (street === 'after' && this.#run) {
      start = this.#run.start
      this.#run = undefined
      // `10 Abai Ave`: the house number before the name.
      let k = start - 1
      while (k > this.from && bytes[k - 1] === 0x20) k--
      if (k > this.from && bytes[k - 1]! >= 0x30 && bytes[k - 1]! <= 0x39 && bytes[k] === 0x20) {
        let n = k - 1
        while (n > this.from && ((bytes[n - 1]! >= 0x30 && bytes[n - 1]! <= 0x39) || bytes[n - 1] === 0x2f)) n--
        start = this.#flatBefore(n)
      }
    }
    this.#flush()
    // A region, district and village before the street (`Алматинская обл., Карасайский р-н, с. Каскелен, ул. …`),
    // if the same clause holds them: no `:` or `;` between (`INV/206080, … Ship to: 247 Auezov Street`).
    if (this.#cityAt >= 0 && this.#cityAt < start && start - this.#cityAt <= 160 && !this.#clauseBreak(this.#cityAt, start)) start = this.#cityAt
    this.#cityAt = -1
    let end = e
    let named = street === 'after'
    let numbered = false
    let houseDigits = 0
    /** Where the address ended at its last number or part, before any capitalised word after it. */
    let numberEnd = e
    let i = e
    while (i < to && i - s < 120) {
      const b = bytes[i]!
      if (b === 0x20 || b === 0x2c || b === 0x2d || b === 0x2f || b === 0x2e || b === 0x28 || b === 0x29 || (b === 0xe2 && bytes[i + 1] === 0x84 && bytes[i + 2] === 0x96)) {
        // `.` then a space and a capital that is no part of the address ends the sentence.
        if (b === 0x2e && bytes[i + 1] === 0x20 && i + 2 < to && isCapitalAt(bytes, i + 2) && !named) break
        i += b === 0xe2 ? 3 : 1
        continue
      }
      if (b >= 0x30 && b <= 0x39) {
        const digitsStart = i
        while (i < to && ((bytes[i]! >= 0x30 && bytes[i]! <= 0x39) || bytes[i] === 0x2f)) i++
        houseDigits = Math.max(houseDigits, i - digitsStart)
        numberEnd = i
        // A letter suffix of a house (`10А`, `55б`).
        if (i < to && LETTER[bytes[i]!] !== 0 && !LETTER[bytes[i + (LETTER[bytes[i]!] === 2 ? 2 : 1)]!]) i += LETTER[bytes[i]!]!
        end = i
        numbered = true
        continue
      }
      if (LETTER[b] === 0) break
      const we = wordEnd(bytes, i, to)
      const flags = WORDS.get(hashBytes(bytes, i, we))
      // A second street after a house number starts the next address (`пр. Назарбаева 12, Сәтпаев көшесі 5`).
      if (numbered && flags & (STREET_AFTER | STREET_BEFORE)) {
        end = numberEnd
        break
      }
      if (flags & (ADDRESS_PART | STREET_AFTER | STREET_BEFORE | CITY_MARKER)) {
        // `10-үй`, `5-пәтер`, `3 этаж`: a part after its number belongs to the address; `д.` before one waits for it.
        if (numbered && (bytes[i - 1] === 0x2d || (bytes[i - 1] === 0x20 && bytes[i - 2]! >= 0x30 && bytes[i - 2]! <= 0x39))) end = numberEnd = we
        i = we
        continue
      }
      if (isCapitalAt(bytes, i) || flags & CITY) {
        // A second capitalised word after a number is the next sentence's, not the street's.
        if (numbered && !(flags & CITY) && bytes[i - 2] === 0x2e) break
        // A street named without a street word is written as a name, not an abbreviation (`Air Astana, BIC …`).
        if (street === 'city' && !numbered && we - i > 1 && isCapitalAt(bytes, i + LETTER[bytes[i]!]!)) break
        named = true
        end = we
        i = we
        continue
      }
      break
    }
    // Without a street word, only a city, a name and a house number (not a year) make an address.
    if (street === 'city') {
      if (named && numbered && houseDigits <= 3) this.#emit('address', start, end, 0.7)
      return named && numbered && houseDigits <= 3 ? end : e
    }
    if (street === 'numbered') {
      if (numbered) this.#emit('address', start, end, 0.8)
      return Math.max(end, e)
    }
    if (named) this.#emit('address', start, end, numbered ? 0.85 : 0.6)
    return named ? Math.max(end, e) : e
  }

  /** Where an address starts that has a flat before its house (`Apt. 211, 132 Kabanbay Batyr Street`), or `n`. */
  #flatBefore(n: number): number {
    const { bytes, from } = this
    let k = n
    if (k - 2 < from || bytes[k - 1] !== 0x20 || bytes[k - 2] !== 0x2c) return n
    k -= 2
    const digitsEnd = k
    while (k > from && bytes[k - 1]! >= 0x30 && bytes[k - 1]! <= 0x39) k--
    if (k === digitsEnd) return n
    while (k > from && (bytes[k - 1] === 0x20 || bytes[k - 1] === 0x2e)) k--
    const wordEndAt = k
    while (k > from && LETTER[bytes[k - 1]!] === 1) k--
    return k < wordEndAt && WORDS.get(hashBytes(bytes, k, wordEndAt)) & ADDRESS_PART ? k : n
  }

  /** Whether `[a, b)` holds a `:` or `;`, which end the clause a city or postcode opened. */
  #clauseBreak(a: number, b: number): boolean {
    for (let i = a; i < b; i++) if (this.bytes[i] === 0x3a || this.bytes[i] === 0x3b) return true
    return false
  }
}

/**
 * Reports person names and addresses in `bytes[from, to)`, in order, as byte
 * spans with a confidence: a full name (given name with surname or
 * patronymic) 0.9, a surname with initials 0.85, a given name with another
 * capitalised word 0.6–0.7, a lone given name 0.4, a lone surname-shaped word
 * 0.3; an address with a house number 0.85, without 0.6.
 */
export function scanNamesAndAddresses(bytes: Uint8Array, from: number, to: number, sink: DetectionSink): void {
  new NameScan(bytes, from, to, sink).run()
}
