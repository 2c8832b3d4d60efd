import { runEvery, type JobLog } from '../../jobs/index.ts'
import type { FulfilmentDeps } from './fulfilment-deps.ts'
import { runFulfilmentOnce } from './run-fulfilment-once.ts'

/**
 * Runs the fulfilment of data subject requests every `intervalMs` (and at
 * once), never two runs at once in this process; several processes may run
 * it side by side — each leases its own tasks. `stop()` waits for a run in
 * progress.
 *
 * @example
 * const job = startFulfilmentJob({ db, clock, keys, calendar, log: app.log }, { intervalMs: 10_000 })
 * await job.stop()
 */
export function startFulfilmentJob(deps: FulfilmentDeps & { log: JobLog }, options: { intervalMs: number }): { stop(): Promise<void> } {
  return runEvery(options.intervalMs, 'request fulfilment', () => runFulfilmentOnce(deps), deps.log)
}
