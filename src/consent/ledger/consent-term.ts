import type { ConsentTerm } from '../../policy/index.ts'

const DURATION = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/

/**
 * When a consent ends by itself (art. 8(4)(3), 8(5)): `from` plus the form's
 * duration (calendar years, months, weeks, days, in UTC), or null when it
 * lasts until the purpose is achieved, it is withdrawn, or the relationship
 * ends — and when the form states no term (art. 8(6): then until the purpose
 * is achieved). Month arithmetic clamps to the month's last day (31 Jan + P1M = 28/29 Feb).
 *
 * @example
 * consentExpiresAt({ duration: 'P1Y' }, new Date('2026-03-20T05:00:00Z')) // 2027-03-20T05:00:00.000Z
 * consentExpiresAt({ until: 'withdrawn' }, new Date())                    // null
 */
export function consentExpiresAt(term: ConsentTerm | undefined | null, from: Date): Date | null {
  if (!term || !('duration' in term)) return null
  const match = DURATION.exec(term.duration)
  if (!match) throw new RangeError(`not an ISO 8601 duration of years, months, weeks and days: ${term.duration}`)
  const [years, months, weeks, days] = match.slice(1).map((n) => Number(n ?? 0)) as [number, number, number, number]
  const end = new Date(from.getTime())
  const day = end.getUTCDate()
  end.setUTCDate(1)
  end.setUTCFullYear(end.getUTCFullYear() + years, end.getUTCMonth() + months, 1)
  const lastDay = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() + 1, 0)).getUTCDate()
  end.setUTCDate(Math.min(day, lastDay))
  end.setUTCDate(end.getUTCDate() + weeks * 7 + days)
  return end
}
