import { sql, type Kysely } from 'kysely'
import { appendAudit } from '../audit/index.ts'
import type { Database } from '../db/index.ts'
import { withOperatorScope } from '../db/operator-scope/index.ts'
import type { HousekeepingPeriods } from './housekeeping-periods.ts'
import { PRUNABLES, type PrunableKind } from './prunable.ts'

export interface HousekeepingDeps {
  db: Kysely<Database>
  clock: () => Date
}

/** What one operator's pass removed (or, dry, would remove), per kind. */
export interface HousekeepingOutcome {
  operatorId: string
  at: Date
  dryRun: boolean
  counts: Record<PrunableKind, number>
  total: number
}

/**
 * Removes one operator's rows that are past keeping (see PRUNABLES) in one
 * transaction, and when anything went, records it in the operator's audit
 * chain in the same transaction (`housekeeping_pruned`, the counts and the
 * periods — no ids). A dry run counts and changes nothing.
 *
 * @example
 * const outcome = await pruneOperator({ db, clock }, 'ttc', DEFAULT_HOUSEKEEPING_PERIODS, { actor: 'system:housekeeping' })
 * outcome.counts.staffSessions // 12
 */
export async function pruneOperator(
  deps: HousekeepingDeps,
  operatorId: string,
  periods: HousekeepingPeriods,
  options: { actor: string; dryRun?: boolean },
): Promise<HousekeepingOutcome> {
  const at = deps.clock()
  const dryRun = options.dryRun ?? false
  return deps.db.transaction().execute(async (trx) => {
    const counts = {} as Record<PrunableKind, number>
    for (const p of PRUNABLES) {
      const where = sql`t.operator_id = ${operatorId} and ${p.due(at, periods)}`
      const table = sql.table(p.table)
      if (dryRun) {
        const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${table} t where ${where}`.execute(trx)
        counts[p.kind] = rows[0]!.n
      } else {
        const result = await sql`delete from ${table} t where ${where}`.execute(trx)
        counts[p.kind] = Number(result.numAffectedRows ?? 0n)
      }
    }
    const total = Object.values(counts).reduce((a, b) => a + b, 0)
    if (!dryRun && total > 0) {
      await appendAudit(trx, { operatorId, at, actor: options.actor, action: 'housekeeping_pruned', details: { counts, periods: { ...periods } } })
    }
    return { operatorId, at, dryRun, counts, total }
  })
}

/**
 * One pass over every operator (or the ones named), each in its own scope and
 * transaction; one operator's failure is reported and the others still run.
 *
 * @example
 * const { outcomes, failures } = await runHousekeeping({ db, clock }, periods, { actor: 'cli:aigerim', dryRun: true })
 */
export async function runHousekeeping(
  deps: HousekeepingDeps,
  periods: HousekeepingPeriods,
  options: { actor: string; dryRun?: boolean; operatorIds?: readonly string[] },
): Promise<{ outcomes: HousekeepingOutcome[]; failures: { operatorId: string; error: unknown }[] }> {
  const operatorIds = options.operatorIds ?? (await deps.db.selectFrom('operators').select('operator_id').orderBy('operator_id').execute()).map((o) => o.operator_id)
  const outcomes: HousekeepingOutcome[] = []
  const failures: { operatorId: string; error: unknown }[] = []
  for (const operatorId of operatorIds) {
    try {
      outcomes.push(await withOperatorScope(operatorId, () => pruneOperator(deps, operatorId, periods, options)))
    } catch (error) {
      failures.push({ operatorId, error })
    }
  }
  return { outcomes, failures }
}
