import { checkIinBin } from './iin-bin-check-digit.ts'
import type { ParseResult } from './parse-result.ts'

/** Digit 5 of a BIN (law.md "Identifiers"). */
export const BIN_ENTITY_TYPES = {
  '4': 'resident_legal_entity',
  '5': 'non_resident_legal_entity',
  '6': 'joint_individual_entrepreneurship',
} as const
export type BinEntityType = (typeof BIN_ENTITY_TYPES)[keyof typeof BIN_ENTITY_TYPES]

/** Digit 6 of a BIN (law.md "Identifiers"). */
export const BIN_DIVISIONS = {
  '0': 'head_office',
  '1': 'branch',
  '2': 'representative_office',
  '3': 'peasant_farm',
} as const
export type BinDivision = (typeof BIN_DIVISIONS)[keyof typeof BIN_DIVISIONS]

/** A BIN that passed its check digit, with what digits 1–6 suggest. */
export interface Bin {
  bin: string
  /** Digits 1–2; 90–99 read as 1990s (entities registered since independence), else 2000s. */
  registeredYear?: number
  /** Digits 3–4, when 01–12. */
  registeredMonth?: number
  entityType?: BinEntityType
  division?: BinDivision
}

export type BinRefusal = 'format' | 'checksum'

/**
 * Parses a business identification number (БИН, 12 digits). Only the format
 * and the check digit (shared with the IIN) decide validity; registration
 * month, entity type and division are decoded when the digits are known and
 * left out otherwise.
 *
 * @example
 * parseBin('940140000385')
 * // { ok: true, value: { bin: '940140000385', registeredYear: 1994, registeredMonth: 1,
 * //                      entityType: 'resident_legal_entity', division: 'head_office' } }
 */
export function parseBin(s: string): ParseResult<Bin, BinRefusal> {
  const refusal = checkIinBin(s)
  if (refusal) return { ok: false, reason: refusal }
  const value: Bin = { bin: s }
  const month = Number(s.slice(2, 4))
  if (month >= 1 && month <= 12) {
    const yy = Number(s.slice(0, 2))
    value.registeredYear = yy >= 90 ? 1900 + yy : 2000 + yy
    value.registeredMonth = month
  }
  const entityType = BIN_ENTITY_TYPES[s[4] as keyof typeof BIN_ENTITY_TYPES]
  if (entityType) value.entityType = entityType
  const division = BIN_DIVISIONS[s[5] as keyof typeof BIN_DIVISIONS]
  if (division) value.division = division
  return { ok: true, value }
}

/**
 * True when `s` is 12 digits with a correct BIN check digit.
 *
 * @example
 * isValidBin('990140004654') // true
 */
export function isValidBin(s: string): boolean {
  return checkIinBin(s) === undefined
}
