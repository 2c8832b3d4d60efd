import type { LocalDate } from './local-date.ts'

/** A name in the three languages Derbes publishes in. */
export interface LocalizedName {
  kk: string
  ru: string
  en: string
}

/** A public holiday (law.md "Working days"). */
export interface Holiday {
  date: LocalDate
  name: LocalizedName
  /**
   * Religious holidays (7 January, first day of Kurban Ait) are not moved when
   * they fall on a day off; every other holiday moves to the next working day.
   */
  religious: boolean
}

/**
 * A day off moved by government decree or labour-ministry order (Labour Code
 * art. 85(3), law.md "Working days"): `dayOff` becomes a day off and, when
 * given, `workingDay` (a Saturday or Sunday) becomes a working day in exchange.
 */
export interface DayOffTransfer {
  dayOff: LocalDate
  workingDay?: LocalDate
  /** The act, when it differs from the year's `source`. */
  source?: string
}

/**
 * One year of the production calendar. Holidays that fall on a weekend are
 * moved by code, not listed; decree transfers are listed.
 */
export interface CalendarYearData {
  year: number
  /** Where the data comes from: the holidays law and the transfer acts. */
  source: string
  holidays: Holiday[]
  transfers: DayOffTransfer[]
}

/** Whether a year's calendar comes from data (repository or operator) or from the rules alone. */
export type CalendarCoverage = 'official' | 'estimated'
