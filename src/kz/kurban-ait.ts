import { civilToDayNumber, fromDayNumber, type LocalDate } from './local-date.ts'

/** A known first day of Kurban Ait (10 Dhu al-Hijjah), used to place the search. */
const ANCHOR_DAY = civilToDayNumber(2026, 5, 27)
const LUNAR_YEAR_DAYS = 354.367

let umalqura: Intl.DateTimeFormat | undefined | null

function hijriMonthAndDay(day: number): [number, number] | undefined {
  if (umalqura === undefined) {
    try {
      umalqura = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura', { timeZone: 'UTC', month: 'numeric', day: 'numeric' })
      if (umalqura.resolvedOptions().calendar !== 'islamic-umalqura') umalqura = null
    } catch {
      umalqura = null
    }
  }
  if (umalqura === null) return undefined
  const parts = umalqura.formatToParts(day * 86_400_000)
  const month = Number(parts.find((p) => p.type === 'month')?.value)
  const dayOfMonth = Number(parts.find((p) => p.type === 'day')?.value)
  return [month, dayOfMonth]
}

/**
 * Estimated first days of Kurban Ait in a Gregorian year — 10 Dhu al-Hijjah in
 * the Umm al-Qura calendar, which matched the official Kazakhstan dates of
 * 2023–2026. Kazakhstan's Spiritual Administration fixes the real date each
 * year, so this only fills years the calendar data does not cover. Usually one
 * date, two in a year where the lunar year fits twice; empty when this Node
 * build has no Islamic calendar (small ICU).
 *
 * @example
 * estimateKurbanAit(2027) // ['2027-05-16']
 */
export function estimateKurbanAit(year: number): LocalDate[] {
  const first = civilToDayNumber(year, 1, 1)
  const last = civilToDayNumber(year + 1, 1, 1) - 1
  const found: LocalDate[] = []
  const fromCycle = Math.floor((first - 5 - ANCHOR_DAY) / LUNAR_YEAR_DAYS)
  const toCycle = Math.ceil((last + 5 - ANCHOR_DAY) / LUNAR_YEAR_DAYS)
  for (let cycle = fromCycle; cycle <= toCycle; cycle++) {
    const guess = Math.round(ANCHOR_DAY + cycle * LUNAR_YEAR_DAYS)
    for (let day = guess - 4; day <= guess + 4; day++) {
      if (day < first || day > last) continue
      const hijri = hijriMonthAndDay(day)
      if (hijri === undefined) return []
      if (hijri[0] === 12 && hijri[1] === 10) found.push(fromDayNumber(day))
    }
  }
  return found
}
