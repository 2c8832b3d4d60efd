import { runEvery, type JobLog } from '../jobs/index.ts'
import { remindIncidents, type IncidentReminderDeps } from './remind-incidents.ts'

/**
 * Runs {@link remindIncidents} now and then every `intervalMs` (`runEvery`:
 * never two passes at once; an error is logged and the job goes on). `derbes
 * serve` starts it; `stop()` waits for a pass in progress.
 *
 * @example
 * const job = startIncidentReminderJob({ db, clock, calendar, log: app.log }, { intervalMs: 60_000 })
 * await job.stop()
 */
export function startIncidentReminderJob(deps: IncidentReminderDeps & { log: JobLog }, options: { intervalMs: number }): { stop(): Promise<void> } {
  return runEvery(options.intervalMs, 'incident deadline reminders and escalation', () => remindIncidents(deps), deps.log)
}
