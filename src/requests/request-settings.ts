import type { Config } from '../config/index.ts'

/** The installation's settings for requests (`src/config/`), passed in rather than read globally. */
export interface RequestSettings {
  /**
   * Working days to answer a kind neither the policy nor the law gives a
   * deadline: information and access where the policy is silent (law.md:
   * "not in the law … [U] configurable"), complaints for most seeds. 15 is a
   * default an operator may change, not a confirmed rule.
   */
  defaultDeadlineDays: number
  /** How many business days before its due date a request is reminded (`request.due_soon`) and listed as `due=soon`. */
  reminderLeadDays: number
}

export const DEFAULT_REQUEST_SETTINGS: Readonly<RequestSettings> = Object.freeze({ defaultDeadlineDays: 15, reminderLeadDays: 1 })

/**
 * The request settings of an installation's configuration, defaults filled in.
 *
 * @example
 * requestSettings(loadConfig({ env: process.env })) // { defaultDeadlineDays: 15, reminderLeadDays: 1 }
 */
export function requestSettings(config: Partial<Pick<Config, 'requestDefaultDeadlineDays' | 'requestReminderLeadDays'>> = {}): RequestSettings {
  return {
    defaultDeadlineDays: config.requestDefaultDeadlineDays ?? DEFAULT_REQUEST_SETTINGS.defaultDeadlineDays,
    reminderLeadDays: config.requestReminderLeadDays ?? DEFAULT_REQUEST_SETTINGS.reminderLeadDays,
  }
}
