import { runEvery, type JobLog } from '../jobs/index.ts'
import { remindAndEscalate, type ReminderDeps } from './remind-and-escalate.ts'

/**
 * Runs {@link remindAndEscalate} now and then every `intervalMs` (`runEvery`:
 * never two passes at once; an error is logged and the job goes on). `derbes
 * serve` starts it beside the consent jobs; `stop()` waits for a pass in progress.
 *
 * @example
 * const job = startRequestReminderJob({ db, clock, calendar, settings, log: app.log }, { intervalMs: 60_000 })
 * await job.stop()
 */
export function startRequestReminderJob(deps: ReminderDeps & { log: JobLog }, options: { intervalMs: number }): { stop(): Promise<void> } {
  return runEvery(options.intervalMs, 'request reminders and escalation', () => remindAndEscalate(deps), deps.log)
}
