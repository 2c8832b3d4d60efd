import { isValidPostcode } from '../../kz/index.ts'
import type { DetectedKind } from '../detectors/detection.ts'

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[ T]00:00(?::00(?:\.0+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/
const DOTTED_DATE = /^(\d{2})[./](\d{2})[./](\d{4})$/

function isBirthDate(value: string, thisYear: number): boolean {
  const iso = ISO_DATE.exec(value)
  const dotted = iso ? undefined : DOTTED_DATE.exec(value)
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : dotted ? [dotted[3], dotted[2], dotted[1]] : []
  if (year === undefined) return false
  const y = Number(year)
  const m = Number(month)
  const d = Number(day)
  return y >= 1900 && y <= thisYear && m >= 1 && m <= 12 && d >= 1 && d <= 31
}

/**
 * Formats too weak to recognise in free text without context words (issue 7:
 * "ID-card and passport numbers (with context words or column names, since
 * their format alone is weak)"). In a column whose name points to the kind,
 * the cell's whole value is checked against them.
 */
export function weakFormatMatches(kind: DetectedKind, value: string, thisYear: number): boolean {
  switch (kind) {
    case 'id_card':
      return /^\d{9}$/.test(value)
    case 'passport':
      return /^N\s?\d{8}$/i.test(value)
    case 'postcode':
      return isValidPostcode(value)
    case 'birth_date':
      return isBirthDate(value, thisYear)
    case 'phone':
      // Ten digits without the country prefix: how many KZ systems keep a mobile (7xx xxx xx xx).
      return /^7\d{9}$/.test(value.replace(/[\s()-]/g, ''))
    default:
      return false
  }
}
