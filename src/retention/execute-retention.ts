import { sql, type Transaction } from 'kysely'
import { appendAudit } from '../audit/index.ts'
import type { Database } from '../db/index.ts'
import { DerbesError } from '../errors/index.ts'
import { enqueueEvent } from '../notify/index.ts'
import { getPublishedVersion } from '../operators/index.ts'
import type { CompiledPolicy } from '../policy/index.ts'
import { blockSubject } from '../subjects/index.ts'
import { isRetryableSystemError, listSystems, runSystemTask, type SubjectLocator, type SystemView } from '../systems/index.ts'
import type { DueRetention } from './due-retention.ts'
import { locateSubject } from './locate-subject.ts'
import type { RetentionDeps } from './retention-deps.ts'
import type { RunItemStatus, SystemOutcome } from './retention-run-tables.ts'
import { shredInTransaction } from './shred-subjects.ts'

export interface ExecuteOptions {
  runId: string
  dryRun: boolean
  /** Tries per system within the run for an unreachable system (`DERBES_SYSTEM_UNREACHABLE`); the next run tries again. */
  systemAttempts?: number
}

export interface ItemOutcome {
  due: DueRetention
  status: RunItemStatus
  systems: SystemOutcome[]
  error: string | null
}

/** Who every entry of a run names. */
export const runActor = (runId: string) => `retention:${runId}`

const errorOf = (error: unknown) =>
  error instanceof DerbesError ? { code: error.code, message: error.message } : { code: 'DERBES_INTERNAL', message: (error as Error).message ?? String(error) }

/**
 * Carries out due retention steps (issue 5 §2) and records each as an item
 * of run `runId`:
 * - `block` blocks the subject (TW-9.8: blocked while it waits for destruction);
 * - a step with `itemIds` deletes those vault values only (other purposes still need the rest);
 * - a whole-subject `anonymise` or `destroy` goes to every connected system
 *   that maps items (`anonymise` / `delete` through `runSystemTask`) FIRST,
 *   and only when all of them are done is the subject shredded in the vault,
 *   set-based for the whole page (`shredInTransaction`) with its items in
 *   the same transaction. Systems first because the vault holds the
 *   identifiers the systems find the subject by: shredded first, a system
 *   that failed could never be reached again. A failing system is tried
 *   `systemAttempts` times, then the item is `failed` with each system's
 *   error, the subject is blocked meanwhile (TW-9.8) and stays due, so the
 *   next run retries it; the run goes on with the others.
 * A dry run records what would happen (`planned`, with the systems) and changes nothing else.
 * Manual systems (a paper archive) are not reached by a connector; the act lists them.
 */
export async function executeRetention(deps: RetentionDeps, operatorId: string, due: readonly DueRetention[], options: ExecuteOptions): Promise<ItemOutcome[]> {
  const actor = runActor(options.runId)
  const reference = `retention run ${options.runId}`
  const systems = (await listSystems(deps.db, operatorId)).filter((s) => s.kind !== 'manual' && s.items.length > 0)
  const outcomes: ItemOutcome[] = []
  const toShred: ItemOutcome[] = []
  let policy: CompiledPolicy | undefined
  for (const d of due) {
    const whole = d.itemIds === undefined && d.step !== 'block'
    const reached = whole ? systems : []
    if (options.dryRun) {
      outcomes.push({ due: d, status: 'planned', systems: reached.map((s) => ({ systemId: s.systemId, status: 'planned' })), error: null })
      continue
    }
    try {
      if (d.step === 'block') {
        await blockIfActive(deps, operatorId, d.subjectId, actor, reference)
        outcomes.push({ due: d, status: 'done', systems: [], error: null })
      } else if (d.itemIds !== undefined) {
        await destroyItems(deps, operatorId, d, actor, reference)
        outcomes.push({ due: d, status: 'done', systems: [], error: null })
      } else {
        policy ??= reached.length > 0 ? (await getPublishedVersion({ db: deps.db, clock: deps.clock }, operatorId)).compiled : undefined
        const locator = policy ? await locateSubject(deps.db, deps.keys, policy, operatorId, d.subjectId) : { subjectId: d.subjectId, identifiers: {} }
        const results = await inSystems(deps, operatorId, reached, d, locator, actor, options.systemAttempts ?? 3)
        const failed = results.filter((r) => r.status === 'failed')
        const outcome: ItemOutcome = { due: d, status: failed.length === 0 ? 'done' : 'failed', systems: results, error: null }
        if (failed.length === 0) {
          toShred.push(outcome)
        } else {
          outcome.error = `not done in ${failed.map((f) => `${f.systemId} (${f.error!.code})`).join(', ')}; kept in the vault for the next run`
          await blockIfActive(deps, operatorId, d.subjectId, actor, reference)
        }
        outcomes.push(outcome)
      }
    } catch (error) {
      const e = errorOf(error)
      outcomes.push({ due: d, status: 'failed', systems: [], error: `${e.code}: ${e.message}` })
    }
  }
  const itemNo = await nextItemNo(deps, operatorId, options.runId)
  const numbered = outcomes.map((o, i) => ({ o, no: itemNo + i }))
  const now = deps.clock()
  await deps.db.transaction().execute(async (trx) => {
    for (const outcome of ['destroyed', 'anonymised'] as const) {
      const ids = toShred.filter((o) => (o.due.step === 'destroy') === (outcome === 'destroyed')).map((o) => o.due.subjectId)
      if (ids.length > 0) await shredInTransaction(trx, now, { operatorId, subjectIds: ids, outcome, actor, reference })
    }
    await insertItems(trx, operatorId, options.runId, now, numbered)
    for (const { o } of numbered.filter((n) => n.o.status === 'failed')) {
      await enqueueEvent(trx, { operatorId, type: 'retention.item_failed', subjectId: o.due.subjectId, occurredAt: now, data: { runId: options.runId, step: o.due.step, ruleId: o.due.ruleId, systems: o.systems.filter((s) => s.status === 'failed').map((s) => s.systemId) } })
    }
  })
  return outcomes
}

async function blockIfActive(deps: RetentionDeps, operatorId: string, subjectId: string, actor: string, reference: string): Promise<void> {
  const row = await deps.db.selectFrom('subjects').select('status').where('operator_id', '=', operatorId).where('subject_id', '=', subjectId).executeTakeFirst()
  if (!row) throw new DerbesError('DERBES_SUBJECT_NOT_FOUND', `subject '${subjectId}' is not registered`)
  if (row.status !== 'active') return
  await blockSubject(deps, { operatorId, subjectId, reason: 'pending_destruction', reference }, actor)
}

/** Deletes the named items' values of a subject, with a `destroy` entry naming them (never a value). */
async function destroyItems(deps: RetentionDeps, operatorId: string, d: DueRetention, actor: string, reference: string): Promise<void> {
  const now = deps.clock()
  await deps.db.transaction().execute(async (trx) => {
    const deleted = await trx.deleteFrom('vault_items').where('operator_id', '=', operatorId).where('subject_id', '=', d.subjectId).where('item_id', 'in', d.itemIds!.length > 0 ? d.itemIds! : ['']).executeTakeFirst()
    const details = { reason: 'retention_ended', reference, itemIds: [...d.itemIds!].sort(), values: Number(deleted.numDeletedRows), ruleId: d.ruleId }
    await appendAudit(trx, { operatorId, at: now, actor, action: 'destroy', subjectId: d.subjectId, details })
    await enqueueEvent(trx, { operatorId, type: 'retention.items_destroyed', subjectId: d.subjectId, occurredAt: now, data: { itemIds: details.itemIds, ruleId: d.ruleId } })
  })
}

async function inSystems(deps: RetentionDeps, operatorId: string, systems: readonly SystemView[], d: DueRetention, subject: SubjectLocator, actor: string, attempts: number): Promise<SystemOutcome[]> {
  const action = d.step === 'destroy' ? 'delete' as const : 'anonymise' as const
  const results: SystemOutcome[] = []
  for (const system of systems) {
    let outcome: SystemOutcome | undefined
    for (let attempt = 1; outcome === undefined; attempt++) {
      try {
        const done = await runSystemTask(deps, { operatorId, systemId: system.systemId, action, subject, actor })
        outcome = { systemId: system.systemId, status: 'done', rowsByTable: done.rowsByTable }
      } catch (error) {
        if (isRetryableSystemError(error) && attempt < attempts) continue
        outcome = { systemId: system.systemId, status: 'failed', error: errorOf(error) }
      }
    }
    results.push(outcome)
  }
  return results
}

async function nextItemNo(deps: RetentionDeps, operatorId: string, runId: string): Promise<number> {
  const { rows } = await sql<{ n: number | string | null }>`select max(item_no) as n from retention_run_items where operator_id = ${operatorId} and run_id = ${runId}`.execute(deps.db)
  return Number(rows[0]?.n ?? 0) + 1
}

async function insertItems(trx: Transaction<Database>, operatorId: string, runId: string, now: Date, items: { o: ItemOutcome; no: number }[]): Promise<void> {
  for (let i = 0; i < items.length; i += 2_000) {
    const chunk = items.slice(i, i + 2_000)
    if (chunk.length === 0) continue
    await trx.insertInto('retention_run_items').values(chunk.map(({ o, no }) => ({
      operator_id: operatorId,
      run_id: runId,
      item_no: no,
      subject_id: o.due.subjectId,
      rule_id: o.due.ruleId,
      step: o.due.step,
      trigger: o.due.trigger,
      triggered_at: o.due.triggeredAt,
      due_at: o.due.dueAt,
      item_ids: JSON.stringify(o.due.itemIds ?? null),
      clauses: JSON.stringify(o.due.clauses),
      systems: JSON.stringify(o.systems),
      status: o.status,
      error: o.error,
      attempts: o.status === 'planned' ? 0 : 1,
      updated_at: now,
    }))).execute()
  }
}
