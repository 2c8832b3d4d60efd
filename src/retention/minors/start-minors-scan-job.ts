import { withOperatorScope } from '../../db/operator-scope/index.ts'
import { runEvery, type JobLog } from '../../jobs/index.ts'
import { listOperators } from '../../operators/index.ts'
import type { MinorsDeps } from './minors-deps.ts'
import { scanMinors } from './scan-minors.ts'

/** The actor the scheduled scan records in the audit log. */
export const MINORS_SCAN_ACTOR = 'system:minors-scan'

/**
 * Scans every operator with a published policy for minors now and then every
 * `intervalMs` (daily in `serve`): TTC-10.4 asks for deletion "as soon as
 * possible", so a minor is never left unnoticed for more than a day. Each
 * operator runs in its own scope; one operator's failure is logged and the
 * others still run.
 *
 * @example
 * const job = startMinorsScanJob({ db, clock, log: app.log }, { intervalMs: 86_400_000 })
 * await job.stop()
 */
export function startMinorsScanJob(deps: MinorsDeps & { log: JobLog }, options: { intervalMs: number }): { stop(): Promise<void> } {
  return runEvery(options.intervalMs, 'minors scan', async () => {
    const operators = await listOperators({ db: deps.db })
    for (const operator of operators.filter((o) => o.publishedVersionId)) {
      try {
        await withOperatorScope(operator.operatorId, () => scanMinors(deps, operator.operatorId, MINORS_SCAN_ACTOR))
      } catch (err) {
        deps.log.error({ err, operatorId: operator.operatorId }, 'the minors scan failed for an operator')
      }
    }
  }, deps.log)
}
