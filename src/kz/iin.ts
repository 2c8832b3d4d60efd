import { checkIinBin } from './iin-bin-check-digit.ts'
import { formatLocalDate, isLocalDate, type LocalDate } from './local-date.ts'
import type { ParseResult } from './parse-result.ts'

export type Sex = 'male' | 'female'

/** An IIN that passed its check digit, with what digits 1–7 suggest about its holder. */
export interface Iin {
  iin: string
  /** Digits 1–6 read as YYMMDD in the century of digit 7; absent when that is not a real date. */
  birthDate?: LocalDate
  century?: 1800 | 1900 | 2000
  sex?: Sex
}

export type IinRefusal = 'format' | 'checksum'

/** Digit 7 → century and sex (law.md "Identifiers": 1/2 = 1800s m/f, 3/4 = 1900s, 5/6 = 2000s). */
const CENTURY_AND_SEX: Readonly<Record<string, { century: 1800 | 1900 | 2000; sex: Sex }>> = {
  '1': { century: 1800, sex: 'male' },
  '2': { century: 1800, sex: 'female' },
  '3': { century: 1900, sex: 'male' },
  '4': { century: 1900, sex: 'female' },
  '5': { century: 2000, sex: 'male' },
  '6': { century: 2000, sex: 'female' },
}

/**
 * Parses an individual identification number (ИИН, 12 digits).
 *
 * Only the format and the check digit decide validity. Birth date, century and
 * sex are a best guess: since 2013 an IIN need not match its holder's birth
 * date (law.md "Identifiers": «Несовпадение ИИН с датой рождения — не ошибка»),
 * so an unknown digit 7 or an impossible date only leaves those fields out.
 *
 * @example
 * parseIin('791028302728')
 * // { ok: true, value: { iin: '791028302728', birthDate: '1979-10-28', century: 1900, sex: 'male' } }
 * parseIin('791028302729') // { ok: false, reason: 'checksum' }
 */
export function parseIin(s: string): ParseResult<Iin, IinRefusal> {
  const refusal = checkIinBin(s)
  if (refusal) return { ok: false, reason: refusal }
  const value: Iin = { iin: s }
  const decoded = CENTURY_AND_SEX[s[6]!]
  if (decoded) {
    value.century = decoded.century
    value.sex = decoded.sex
    const date = formatLocalDate(decoded.century + Number(s.slice(0, 2)), Number(s.slice(2, 4)), Number(s.slice(4, 6)))
    if (isLocalDate(date)) value.birthDate = date
  }
  return { ok: true, value }
}

/**
 * True when `s` is 12 digits with a correct IIN check digit.
 *
 * @example
 * isValidIin('791028302728') // true
 */
export function isValidIin(s: string): boolean {
  return checkIinBin(s) === undefined
}
