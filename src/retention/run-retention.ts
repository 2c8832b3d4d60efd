import { randomUUID } from 'node:crypto'
import { appendAudit } from '../audit/index.ts'
import { DerbesError } from '../errors/index.ts'
import { enqueueEvent } from '../notify/index.ts'
import { createAct } from './acts/create-act.ts'
import type { DueRetention } from './due-retention.ts'
import { executeRetention, runActor, type ItemOutcome } from './execute-retention.ts'
import { findDueRetention } from './find-due-retention.ts'
import { findMinorsDue } from './minors/index.ts'
import type { RetentionDeps } from './retention-deps.ts'
import type { RunCounts } from './retention-run-tables.ts'

/** The evaluation a run pages through: `findDueRetention` of this module, or a stand-in in tests. */
export type FindDue = (deps: RetentionDeps, operatorId: string, asOf: Date, page: { after?: string; limit: number }) => Promise<DueRetention[]>

/** The minors due for destruction (TTC-10.4): `findMinorsDue`, or a stand-in in tests. */
export type FindMinors = (deps: RetentionDeps, operatorId: string, asOf: Date) => Promise<DueRetention[]>

export interface RunRetentionInput {
  asOf?: Date
  dryRun: boolean
  /** `schedule`, or the staff member or API key that started it. */
  actor: string
  pageSize?: number
  systemAttempts?: number
  findDue?: FindDue
  findMinors?: FindMinors
}

export interface RunSummary {
  runId: string
  dryRun: boolean
  asOf: Date
  status: 'finished' | 'failed'
  counts: RunCounts
  actId: string | null
}

const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === '23505'

/**
 * One run of retention for an operator (issue 5 §2): records the run, pages
 * through what is due at `asOf` (`findDueRetention`, ordered by subject),
 * executes each page (`executeRetention`: systems, then the vault), and
 * when anything was anonymised or destroyed makes the destruction act
 * (issue 5 §3). Minors the scan found under the age of a policy that
 * deletes them at once (TTC-10.4, `findMinorsDue`, rule `age-rules`) are
 * destroyed by the same run, after the evaluation's pages: a minor's
 * whole-subject destruction supersedes whatever the evaluation said of that
 * subject, so its steps are left out of the pages and each subject is
 * executed once. A dry run records what would happen and changes nothing
 * else — no act. Never two runs of one operator at once: the partial unique
 * index `retention_runs_one_running` refuses a second with
 * `DERBES_RETENTION_RUN_IN_PROGRESS`, whichever process starts it (the
 * scheduler's queue guarantees the same for scheduled runs).
 *
 * @example
 * const run = await runRetention(deps, 'tw', { dryRun: true, actor: 'staff:7' })
 * // { runId, status: 'finished', counts: { subjects: 12, block: 0, anonymise: 0, destroy: 12, failed: 0 }, actId: null }
 */
export async function runRetention(deps: RetentionDeps, operatorId: string, input: RunRetentionInput): Promise<RunSummary> {
  const runId = randomUUID()
  const startedAt = deps.clock()
  const asOf = input.asOf ?? startedAt
  const bySchedule = input.actor === 'schedule'
  try {
    await deps.db.insertInto('retention_runs').values({
      operator_id: operatorId, run_id: runId, as_of: asOf, dry_run: input.dryRun, status: 'running', started_at: startedAt,
      started_by: input.actor, by_schedule: bySchedule, counts: JSON.stringify({}),
    }).execute()
  } catch (error) {
    if (isUniqueViolation(error)) throw new DerbesError('DERBES_RETENTION_RUN_IN_PROGRESS', `a retention run of operator '${operatorId}' is running`)
    throw error
  }
  const counts: RunCounts = { subjects: 0, block: 0, anonymise: 0, destroy: 0, failed: 0 }
  const findDue = input.findDue ?? findDueRetention
  const findMinors = input.findMinors ?? findMinorsDue
  const pageSize = input.pageSize ?? 5_000
  let status: RunSummary['status'] = 'finished'
  let failure: string | null = null
  let actId: string | null = null
  try {
    const execute = async (due: DueRetention[]) => {
      if (due.length > 0) count(counts, await executeRetention(deps, operatorId, due, { runId, dryRun: input.dryRun, ...(input.systemAttempts ? { systemAttempts: input.systemAttempts } : {}) }))
    }
    // Read before the pages: the evaluation's pages must not destroy a minor first and leave it for the minors' part again.
    const minors = await findMinors(deps, operatorId, asOf)
    const minorIds = new Set(minors.map((m) => m.subjectId))
    let after: string | undefined
    for (;;) {
      const page = await findDue(deps, operatorId, asOf, { ...(after !== undefined ? { after } : {}), limit: pageSize })
      if (page.length === 0) break
      await execute(page.filter((d) => !minorIds.has(d.subjectId)))
      after = page[page.length - 1]!.subjectId
      if (page.length < pageSize) break
    }
    for (let i = 0; i < minors.length; i += pageSize) await execute(minors.slice(i, i + pageSize))
    if (!input.dryRun && counts.anonymise + counts.destroy > 0) actId = await createAct(deps, operatorId, runId)
  } catch (error) {
    status = 'failed'
    failure = error instanceof DerbesError ? `${error.code}: ${error.message}` : String((error as Error).message ?? error)
  }
  const finishedAt = deps.clock()
  await deps.db.transaction().execute(async (trx) => {
    await trx.updateTable('retention_runs').set({ status, finished_at: finishedAt, counts: JSON.stringify(counts), error: failure })
      .where('operator_id', '=', operatorId).where('run_id', '=', runId).execute()
    const details = { runId, dryRun: input.dryRun, asOf: asOf.toISOString(), status, ...counts, actId }
    await appendAudit(trx, { operatorId, at: finishedAt, actor: bySchedule ? runActor(runId) : input.actor, action: 'retention_run', details })
    await enqueueEvent(trx, { operatorId, type: 'retention.run_finished', occurredAt: finishedAt, data: details })
  })
  return { runId, dryRun: input.dryRun, asOf, status, counts, actId }
}

function count(counts: RunCounts, outcomes: readonly ItemOutcome[]): void {
  const subjects = new Set<string>()
  for (const o of outcomes) {
    subjects.add(o.due.subjectId)
    if (o.status === 'failed') counts.failed++
    else counts[o.due.step]++
  }
  counts.subjects += subjects.size
}
