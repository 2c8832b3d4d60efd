import type { DetectedKind } from './detection.ts'

/**
 * Words that, shortly before a value, say what it is — in Kazakh, Russian and
 * English, lower-case, matched as substrings so `тел.` and `телефон`, `карта`
 * and `картой` all count (issue 7: context words in kk/ru/en raise
 * confidence). For ID cards and passports they are required: the number's
 * format alone is too weak.
 */
export const CONTEXT_WORDS: Readonly<Partial<Record<DetectedKind, readonly string[]>>> = {
  iin: ['иин', 'жсн', 'iin', 'индивидуальный идентификационный', 'жеке сәйкестендіру'],
  bin: ['бин', 'бсн', 'bin', 'бизнес-идентификац', 'бизнес-сәйкестендіру'],
  // Not `номер`/`нөмір`: they precede invoice and tracking numbers as often as phones.
  phone: ['тел', 'phone', 'моб', 'ұялы', 'whatsapp', 'звон', 'call', 'contact', 'байланыс', 'қоңырау'],
  bank_card: ['карт', 'card', 'visa', 'mastercard', 'төлем', 'оплат'],
  iban: ['iban', 'иик', 'жсқ', 'счет', 'счёт', 'шот', 'account', 'реквизит'],
  id_card: ['удостоверени', 'уд. личн', 'уд.личн', 'жеке куәлік', 'куәлік', 'id card', 'ID card', 'ЖК', 'identity card', 'id-card', 'ID-card', 'идентификационн', '№ док', 'документ', 'құжат'],
  passport: ['паспорт', 'passport', 'төлқұжат'],
  // An old six-digit code opens an address (`Адрес доставки: 050010, г. Алматы`) or closes one
  // (`12 Abay Ave, apt 5, Almaty, 050010`): the words of an address line count. Not `пошта` alone: `поштам` is
  // "my e-mail" in Kazakh; a leading space where a short word hides in longer ones (`have`, `first.`, `adapt`).
  postcode: [
    'индекс', 'postcode', 'postal', 'zip', 'почтов', 'адрес', 'мекенжай', 'address', 'регистрац', 'прожива', 'тұратын', 'доставк', 'ship to',
    'ул.', 'улица', 'пр.', 'проспект', 'мкр', 'кв.', 'көше', 'даңғыл', 'пәтер', 'street', 'avenue', ' ave', 'ave.', ' st.', ' apt', 'apt.', ' flat',
    'kazakhstan, ', 'казахстан, ', 'қазақстан, ',
  ],
  birth_date: ['туған', 'рожд', 'д.р', 'born', 'birth', 'dob', 'родил'],
  ip_address: ['ip', 'адрес', 'host', 'хост', 'сервер', 'server'],
}

/** How far back, in bytes, a context word may stand: a few words of Cyrillic text. */
export const CONTEXT_BYTES = 48
/**
 * A birth word stands right before its date (`Дата рождения: `, `туған күні `,
 * `DOB `), and dates are the commonest candidates in logs and letters: a
 * shorter look keeps them cheap.
 */
const BIRTH_CONTEXT_BYTES = 28

/**
 * Each kind's words as UTF-8 bytes in the three ways they are written — lower
 * case, Capitalised, UPPER CASE — looked up by their first two bytes. One
 * shared table of 65,536 bit sets (128 KiB, cache-resident) says which kinds
 * have a word starting with a byte pair, so a look at the window costs one
 * table read per byte and decodes nothing.
 */
const capitalise = (w: string) => w.charAt(0).toUpperCase() + w.slice(1)
const KIND_BITS = new Map<DetectedKind, number>()
const PAIR_KINDS = new Uint16Array(65536)
const WORDS_BY_PAIR = new Map<number, Uint8Array[]>()
/**
 * A second look before the words are compared: a Cyrillic word's first two
 * bytes are only its first letter (`р` of `рожд`, `т` of `туған`), met every
 * few bytes of Russian text. Bit sets by a hash of a word's first four bytes
 * (and, for words shorter than four, a mark on their pair) pass on only the
 * windows where a word can really start.
 */
const FOUR_KINDS = new Uint16Array(65536)
const SHORT_KINDS = new Uint16Array(65536)
const four = (b0: number, b1: number, b2: number, b3: number) => (Math.imul((b0 << 24) | (b1 << 16) | (b2 << 8) | b3, 0x9e3779b1) >>> 16)

for (const [kind, list] of Object.entries(CONTEXT_WORDS) as [DetectedKind, readonly string[]][]) {
  const bit = 1 << KIND_BITS.size
  KIND_BITS.set(kind, bit)
  for (const text of new Set(list.flatMap((w) => [w, capitalise(w), w.toUpperCase()]))) {
    const word = new Uint8Array(Buffer.from(text))
    const pair = (word[0]! << 8) | word[1]!
    PAIR_KINDS[pair]! |= bit
    if (word.length >= 4) FOUR_KINDS[four(word[0]!, word[1]!, word[2]!, word[3]!)]! |= bit
    else SHORT_KINDS[pair]! |= bit
    const key = pair * 32 + Math.log2(bit)
    WORDS_BY_PAIR.set(key, [...(WORDS_BY_PAIR.get(key) ?? []), word])
  }
}

/**
 * Whether a context word of `kind` stands in the few bytes before `start`.
 * Called only for a candidate that already validated.
 */
export function contextBefore(bytes: Uint8Array, from: number, start: number, kind: DetectedKind): boolean {
  const bit = KIND_BITS.get(kind)
  if (bit === undefined) return false
  const reach = kind === 'birth_date' ? BIRTH_CONTEXT_BYTES : CONTEXT_BYTES
  for (let i = Math.max(from, start - reach); i < start - 1; i++) {
    // No word starts on a UTF-8 continuation byte: half of a Cyrillic window needs no table read.
    if ((bytes[i]! & 0xc0) === 0x80) continue
    const pair = (bytes[i]! << 8) | bytes[i + 1]!
    if ((PAIR_KINDS[pair]! & bit) === 0) continue
    if ((SHORT_KINDS[pair]! & bit) === 0 && (FOUR_KINDS[four(bytes[i]!, bytes[i + 1]!, bytes[i + 2]!, bytes[i + 3]!)]! & bit) === 0) continue
    for (const word of WORDS_BY_PAIR.get(pair * 32 + Math.log2(bit))!) {
      if (i + word.length > start) continue
      let k = 2
      while (k < word.length && bytes[i + k] === word[k]) k++
      if (k === word.length) return true
    }
  }
  return false
}
