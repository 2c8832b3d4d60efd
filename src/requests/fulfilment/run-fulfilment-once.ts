import { sql } from 'kysely'
import { withOperatorScope } from '../../db/index.ts'
import { getPublishedVersion } from '../../operators/index.ts'
import type { CompiledPolicy } from '../../policy/index.ts'
import { answerLockedRequest, answerRequest } from './answer-request.ts'
import { executeTask } from './execute-task.ts'
import { settingsOf, type FulfilmentDeps } from './fulfilment-deps.ts'
import { loadRequest } from './fulfilment-request.ts'
import { leaseDueTasks } from './lease-tasks.ts'
import { planFulfilment } from './plan-fulfilment.ts'
import { describeError, recordTaskFailure } from './record-task-failure.ts'
import { syncRequestState } from './sync-request-state.ts'

/** What one run did, for logs and tests. */
export interface FulfilmentRun {
  planned: number
  done: number
  retrying: number
  failed: number
  answered: number
  refusalsSent: number
  /** Requests that could not be planned or answered this time, with the error's code; tried again next run. */
  errors: { operatorId: string; requestId: string; step: 'plan' | 'answer'; code: string }[]
}

/** Lease rounds per run: a request's stages (ledger, work, destruction, recipients) can all pass in one run. */
const ROUNDS = 6

type Key = { operator_id: string; request_id: string }

/** `in_progress` requests with no task yet: not planned (a request planned with nothing to do is answered in the same transaction). */
async function requestsToPlan(deps: FulfilmentDeps, limit: number): Promise<Key[]> {
  return deps.db
    .selectFrom('requests as r')
    .select(['r.operator_id', 'r.request_id'])
    .where('r.state', '=', 'in_progress')
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('request_tasks as t').select('t.task_id').whereRef('t.operator_id', '=', 'r.operator_id').whereRef('t.request_id', '=', 'r.request_id'))))
    .orderBy('r.due_at')
    .limit(limit)
    .execute()
}

/** Requests whose every task is done or cancelled, and refused ones, that have no answer yet. */
async function requestsToAnswer(deps: FulfilmentDeps, limit: number): Promise<Key[]> {
  const { rows } = await sql<Key>`
    select r.operator_id, r.request_id from requests r
    where not exists (select 1 from request_answers a where a.operator_id = r.operator_id and a.request_id = r.request_id)
      and (r.state = 'refused' or (r.state in ('in_progress', 'awaiting_systems')
        and exists (select 1 from request_tasks t where t.operator_id = r.operator_id and t.request_id = r.request_id)
        and not exists (select 1 from request_tasks t where t.operator_id = r.operator_id and t.request_id = r.request_id and t.state not in ('done', 'cancelled'))))
    order by r.due_at
    limit ${limit}`.execute(deps.db)
  return rows
}

/**
 * Each operator's published policy, read once in a run and shared by its
 * planning, tasks and answers: the row carries the whole policy (source and
 * document, ~120 KB for ESP), and reading it for every step cost six reads per
 * access request (`npm run bench -- access`). A version published during a
 * run is used from the next run on. Call inside the operator's scope.
 */
function policiesOfRun(deps: FulfilmentDeps): (operatorId: string) => Promise<CompiledPolicy> {
  const read = new Map<string, Promise<CompiledPolicy>>()
  return (operatorId) => {
    let policy = read.get(operatorId)
    if (!policy) {
      policy = getPublishedVersion(deps, operatorId).then((version) => version.compiled)
      // A failed read is not kept: the next request of the operator tries again.
      policy.catch(() => read.delete(operatorId))
      read.set(operatorId, policy)
    }
    return policy
  }
}

/**
 * One pass of the fulfilment runner (issue 4 item 5), across operators:
 * plans the requests that reached `in_progress` (`planFulfilment`; one with
 * nothing to do is answered in the same transaction), leases due tasks
 * (`for update skip locked`: two Derbes processes never run one task twice)
 * and runs them stage by stage, records each failure with back-off — or,
 * after the last attempt, as `failed`, visible and retryable by staff —,
 * keeps each request's state honest (`awaiting_systems` while a connected
 * system works), and answers every request whose tasks are all done. A
 * failure of one request never stops the others.
 *
 * @example
 * const run = await runFulfilmentOnce({ db, clock, keys, calendar })
 */
export async function runFulfilmentOnce(deps: FulfilmentDeps): Promise<FulfilmentRun> {
  const settings = settingsOf(deps)
  const policyOf = policiesOfRun(deps)
  const run: FulfilmentRun = { planned: 0, done: 0, retrying: 0, failed: 0, answered: 0, refusalsSent: 0, errors: [] }
  const count = (outcome: string) => {
    if (outcome === 'answered') run.answered++
    else if (outcome === 'refusal_sent') run.refusalsSent++
  }
  const report = (key: Key, step: 'plan' | 'answer', error: unknown) => {
    const { code } = describeError(error)
    run.errors.push({ operatorId: key.operator_id, requestId: key.request_id, step, code })
    deps.log?.error({ err: error, operatorId: key.operator_id, requestId: key.request_id, step }, `fulfilment could not ${step} a request; it is tried again next run`)
  }

  for (const key of await requestsToPlan(deps, settings.batchSize)) {
    try {
      await withOperatorScope(key.operator_id, async () => {
        const policy = await policyOf(key.operator_id)
        await deps.db.transaction().execute(async (trx) => {
          const request = await loadRequest(trx, key.operator_id, key.request_id, { forUpdate: true })
          if (request.state !== 'in_progress') return
          const already = await trx.selectFrom('request_tasks').select('task_id').where('operator_id', '=', key.operator_id).where('request_id', '=', key.request_id).limit(1).executeTakeFirst()
          if (already) return
          const tasks = await planFulfilment(trx, deps, request, policy)
          run.planned++
          if (tasks.length === 0) count(await answerLockedRequest(trx, deps, policy, request))
        })
      })
    } catch (error) {
      report(key, 'plan', error)
    }
  }

  const touched = new Map<string, Key>()
  for (let round = 0; round < ROUNDS; round++) {
    const tasks = await leaseDueTasks(deps.db, deps.clock(), settings.batchSize, settings.leaseMs)
    if (tasks.length === 0) break
    for (const task of tasks) {
      touched.set(`${task.operator_id}/${task.request_id}`, task)
      try {
        await executeTask(deps, task, policyOf)
        run.done++
      } catch (error) {
        const outcome = await recordTaskFailure(deps.db, task, error, deps.clock(), settings)
        if (outcome === 'retrying') run.retrying++
        else if (outcome === 'failed') run.failed++
      }
    }
  }
  for (const key of touched.values()) await withOperatorScope(key.operator_id, () => syncRequestState(deps, key.operator_id, key.request_id))

  for (const key of await requestsToAnswer(deps, settings.batchSize)) {
    try {
      count(await withOperatorScope(key.operator_id, async () => answerRequest(deps, key.operator_id, key.request_id, await policyOf(key.operator_id))))
    } catch (error) {
      report(key, 'answer', error)
    }
  }
  return run
}
