import { runEvery, type JobLog } from '../jobs/index.ts'
import type { HousekeepingPeriods } from './housekeeping-periods.ts'
import { runHousekeeping, type HousekeepingDeps } from './run-housekeeping.ts'

/** The actor the scheduled pass records in the audit log. */
export const HOUSEKEEPING_ACTOR = 'system:housekeeping'

/**
 * Runs housekeeping at start and then every `intervalMs` (daily in `serve`;
 * 0 turns it off). Several processes may run it: a row deleted by one is
 * simply not found by the other.
 *
 * @example
 * const job = startHousekeepingJob({ db, clock, log: app.log }, { intervalMs: 86_400_000, periods })
 * await job.stop()
 */
export function startHousekeepingJob(
  deps: HousekeepingDeps & { log: JobLog & { info(details: object, message: string): void } },
  options: { intervalMs: number; periods: HousekeepingPeriods },
): { stop(): Promise<void> } {
  if (options.intervalMs <= 0) return { stop: async () => undefined }
  return runEvery(options.intervalMs, 'housekeeping', async () => {
    const { outcomes, failures } = await runHousekeeping(deps, options.periods, { actor: HOUSEKEEPING_ACTOR })
    for (const o of outcomes.filter((o) => o.total > 0)) deps.log.info({ operatorId: o.operatorId, counts: o.counts }, 'housekeeping removed what was past keeping')
    for (const f of failures) deps.log.error({ err: f.error, operatorId: f.operatorId }, 'housekeeping failed for an operator; it runs again at its next interval')
  }, deps.log)
}
