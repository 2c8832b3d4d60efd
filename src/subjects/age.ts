import type { AgeSource } from '../db/database-schema.ts'
import { DerbesError } from '../errors/index.ts'
import { isLocalDate, parseIin, type LocalDate } from '../kz/index.ts'

/** What registration stores about age: never an adult's birth date (see migration 2026-12-02-030). */
export interface AgeFacts {
  /** The day the subject reaches the policy's adult age; null when adult now or unknown. */
  minorUntil: LocalDate | null
  ageSource: AgeSource | null
  /** Only for checks during the request (a kind's minimum age); never stored. */
  age: number | null
}

export const AGE_BANDS = ['minor', 'adult', 'unknown'] as const
export type AgeBand = (typeof AGE_BANDS)[number]

/**
 * The date `years` after `birth`. Someone born on 29 February reaches an age
 * in a common year on 1 March: the day after 28 February, when the full year
 * has run (Civil Code art. 17 counts full years).
 *
 * @example
 * anniversary('2008-02-29', 18) // '2026-03-01'
 */
export function anniversary(birth: LocalDate, years: number): LocalDate {
  const [y, m, d] = birth.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(y + years, m - 1, d)).toISOString().slice(0, 10) as LocalDate
}

/** Full years between `birth` and `on`. */
export function ageOn(birth: LocalDate, on: LocalDate): number {
  let years = Number(on.slice(0, 4)) - Number(birth.slice(0, 4))
  if (anniversary(birth, years) > on) years--
  return years
}

/**
 * Age facts from a stated birth date or, failing that, the IIN's best guess
 * (digits 1–7; since 2013 an IIN need not match the birth date, so a stated
 * date wins). `minorUntil` is the day of `adultAge` (the policy's
 * `ageRules.adultAge`, Civil Code art. 17(1)), or null when that day has come.
 *
 * @example
 * ageFacts({ iin: '100101500007' }, 18, '2026-12-02') // { minorUntil: '2028-01-01', ageSource: 'iin', age: 16 }
 */
export function ageFacts(input: { iin?: string | undefined; birthDate?: string | undefined }, adultAge: number, today: LocalDate): AgeFacts {
  let birth: LocalDate | undefined
  let ageSource: AgeSource | null = null
  if (input.birthDate !== undefined) {
    if (!isLocalDate(input.birthDate) || input.birthDate > today) {
      throw new DerbesError('DERBES_VALIDATION', 'the birth date is not a past calendar date', [
        { pointer: '/body/birthDate', detail: 'must be a date YYYY-MM-DD, not in the future' },
      ])
    }
    birth = input.birthDate
    ageSource = 'birth_date'
  } else if (input.iin !== undefined) {
    const parsed = parseIin(input.iin)
    // A guess in the future (a mistyped or post-2013 IIN) is no guess at all.
    if (parsed.ok && parsed.value.birthDate && parsed.value.birthDate <= today) {
      birth = parsed.value.birthDate
      ageSource = 'iin'
    }
  }
  if (!birth) return { minorUntil: null, ageSource: null, age: null }
  const adultOn = anniversary(birth, adultAge)
  return { minorUntil: adultOn > today ? adultOn : null, ageSource, age: ageOn(birth, today) }
}

/**
 * The age band on `today`: a minor until `minor_until`; an adult once it has
 * passed or when the age is known and was adult at registration; unknown
 * otherwise — except that a kind the policy declares as minors (KZK `child`)
 * counts as minor while the age is unknown.
 */
export function ageBand(row: { minorUntil: string | null; ageSource: AgeSource | null }, today: LocalDate, kindIsMinor = false): AgeBand {
  if (row.minorUntil !== null) return today < row.minorUntil ? 'minor' : 'adult'
  if (row.ageSource !== null) return 'adult'
  return kindIsMinor ? 'minor' : 'unknown'
}
