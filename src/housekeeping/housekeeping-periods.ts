import type { Config } from '../config/index.ts'

/**
 * How long what Derbes keeps only to work is kept after it stops working —
 * sessions, one-time codes, sent service mail, delivered events. Not personal
 * data the policy lists (retention/ handles that), but it names subjects and
 * staff all the same (art. 5: no longer than its purpose needs). Days.
 */
export interface HousekeepingPeriods {
  /** Staff and portal sessions, counted from when they ended or expired. */
  sessionDays: number
  /** Portal sign-in codes, SMS consent codes and their messages, counted from the code's expiry. */
  codeDays: number
  /** Sent deadline notices to the responsible person, counted from sending. */
  noticeDays: number
  /** Delivered webhook deliveries and events every consumer has passed, counted from delivery or occurrence. */
  eventDays: number
}

export const DEFAULT_HOUSEKEEPING_PERIODS: Readonly<HousekeepingPeriods> = Object.freeze({ sessionDays: 30, codeDays: 1, noticeDays: 365, eventDays: 90 })

/** The periods `serve` and the CLI use, from the configuration (`housekeeping*Days`). */
export function housekeepingPeriods(config: Pick<Config, 'housekeepingSessionDays' | 'housekeepingCodeDays' | 'housekeepingNoticeDays' | 'housekeepingEventDays'>): HousekeepingPeriods {
  return {
    sessionDays: config.housekeepingSessionDays,
    codeDays: config.housekeepingCodeDays,
    noticeDays: config.housekeepingNoticeDays,
    eventDays: config.housekeepingEventDays,
  }
}
