import { ADDRESS_WORDS } from './address-words.ts'
import { givenNameForms } from './given-name-forms.ts'
import { KAZAKH_CASE_ENDINGS, NOT_NAMES, PATRONYMIC_ENDINGS, SURNAME_ENDINGS, SURNAMES } from './name-lists.ts'
import { encodeEndings, hashBytes, WordTable } from './word-bytes.ts'

/** What a listed word is, by the hash of its bytes: one look-up a word, whatever it may be. */
export const GIVEN = 1
export const NOT_A_NAME = 2
export const CITY = 4
export const CITY_MARKER = 8
export const STREET_BEFORE = 16
export const STREET_AFTER = 32
export const ADDRESS_PART = 64
export const KNOWN_SURNAME = 128
export const HONORIFIC = 256
export const WORDS = new WordTable()
function list(words: readonly string[], flag: number): void {
  // НҰРЛАН СӘРСЕНБАЕВ as well as Нұрлан; but not a one-letter word, whose capital is an initial (`С. Қасымов`), not `с.` (village).
  for (const word of new Set(words.flatMap((w) => (w.length > 1 ? [w, w.toUpperCase()] : [w])))) {
    const bytes = Buffer.from(word)
    WORDS.add(hashBytes(bytes, 0, bytes.length), flag)
  }
}
list(givenNameForms(), GIVEN)
list(NOT_NAMES, NOT_A_NAME)
list(SURNAMES, KNOWN_SURNAME)
list(ADDRESS_WORDS.CITIES, CITY)
list(ADDRESS_WORDS.CITY_WORDS, CITY_MARKER)
list(ADDRESS_WORDS.BEFORE_NAME, STREET_BEFORE)
list(ADDRESS_WORDS.AFTER_NAME, STREET_AFTER)
list(ADDRESS_WORDS.PARTS, ADDRESS_PART)
list(ADDRESS_WORDS.HONORIFICS, HONORIFIC | ADDRESS_PART)
export const SURNAME = encodeEndings([...SURNAME_ENDINGS, ...SURNAME_ENDINGS.map((e) => e.toUpperCase())])
export const PATRONYMIC = encodeEndings([...PATRONYMIC_ENDINGS, ...PATRONYMIC_ENDINGS.map((e) => e.toUpperCase())])
export const CASE_ENDING = encodeEndings([...KAZAKH_CASE_ENDINGS, ...KAZAKH_CASE_ENDINGS.map((e) => e.toUpperCase())])
