import type { Selectable, Transaction } from 'kysely'
import { appendAudit } from '../../audit/index.ts'
import type { Database } from '../../db/index.ts'
import { DerbesError } from '../../errors/index.ts'
import type { RequestTaskView } from '../get-request.ts'
import type { RequestTasksTable } from '../requests-tables.ts'
import type { FulfilmentDeps } from './fulfilment-deps.ts'
import { loadRequest } from './fulfilment-request.ts'
import { sealTaskResult } from './seal-result.ts'
import { taskStage } from './task-stage.ts'
import { toTaskView } from './task-view.ts'

export interface TaskRef {
  operatorId: string
  requestId: string
  taskId: string
}

export interface ManualCompletion extends TaskRef {
  /** What staff did — may name the person, so it is sealed under the subject's key. */
  note?: string | undefined
  /** SHA-256 of the evidence: the destruction act, the scan of the reply letter. */
  evidenceSha256?: string | undefined
}

async function lockTask(trx: Transaction<Database>, ref: TaskRef): Promise<Selectable<RequestTasksTable>> {
  await loadRequest(trx, ref.operatorId, ref.requestId)
  const task = await trx
    .selectFrom('request_tasks')
    .selectAll()
    .where('operator_id', '=', ref.operatorId)
    .where('request_id', '=', ref.requestId)
    .where('task_id', '=', ref.taskId)
    .forUpdate()
    .executeTakeFirst()
  if (!task) throw new DerbesError('DERBES_TASK_NOT_FOUND', `request '${ref.requestId}' has no task '${ref.taskId}'`)
  return task
}

/**
 * Staff record a manual task as done (a paper archive destroyed, the reply
 * to a complaint written — KZK-7.1), with a note and the hash of the evidence:
 * the note is sealed under the subject's key, the hash kept in the clear, and
 * the completion audited (`request_task_completed`) in the same transaction.
 * The runner answers the request once every task is done. Only a manual task
 * that is still open: `DERBES_TASK_NOT_MANUAL`, `DERBES_TASK_NOT_OPEN` (409).
 *
 * @example
 * await completeManualTask(deps, { operatorId: 'kzk', requestId, taskId, note: 'Reply sent by registered letter', evidenceSha256 }, 'staff:3')
 */
export async function completeManualTask(deps: Pick<FulfilmentDeps, 'db' | 'clock' | 'keys'>, input: ManualCompletion, actor: string): Promise<RequestTaskView> {
  const now = deps.clock()
  return deps.db.transaction().execute(async (trx) => {
    const task = await lockTask(trx, input)
    if (task.target !== 'manual') throw new DerbesError('DERBES_TASK_NOT_MANUAL', `task '${task.task_id}' is done by Derbes (${task.target}), not by staff: retry it if it failed`)
    if (task.state !== 'pending' && task.state !== 'failed') throw new DerbesError('DERBES_TASK_NOT_OPEN', `task '${task.task_id}' is ${task.state}`)
    const request = await loadRequest(trx, input.operatorId, input.requestId)
    if (request.state !== 'in_progress' && request.state !== 'awaiting_systems') throw new DerbesError('DERBES_TASK_NOT_OPEN', `request ${request.reference} is ${request.state}: its tasks are closed`)
    // A paper archive is destroyed only once the withdrawal behind it went through (TTC-9.1: it may be refused).
    const earlier = await trx.selectFrom('request_tasks').select(['target', 'action', 'state']).where('operator_id', '=', input.operatorId).where('request_id', '=', input.requestId).where('state', 'not in', ['done', 'cancelled']).execute()
    const stage = taskStage(task.target, task.action)
    if (earlier.some((t) => taskStage(t.target, t.action) < stage)) throw new DerbesError('DERBES_TASK_WAITING', `task '${task.task_id}' waits for the request's earlier tasks (the consent ledger) to be done`)
    const note = input.note?.trim()
    let resultSealed: string | null = null
    if (note && request.subject_id !== null) {
      try {
        resultSealed = await sealTaskResult(trx, deps.keys, input.operatorId, request.subject_id, task.task_id, { note })
      } catch (error) {
        // A subject already destroyed keeps no note about it.
        if (!(error instanceof DerbesError && error.code === 'DERBES_SUBJECT_GONE')) throw error
      }
    }
    const evidence = input.evidenceSha256?.toLowerCase()
    const updated = await trx
      .updateTable('request_tasks')
      .set({
        state: 'done',
        attempts: task.attempts + 1,
        next_attempt_at: null,
        result: JSON.stringify({ count: 1, completedBy: actor, noted: resultSealed !== null, ...(evidence ? { evidenceSha256: evidence } : {}) }),
        result_sealed: resultSealed,
        done_at: now,
      })
      .where('operator_id', '=', input.operatorId)
      .where('task_id', '=', task.task_id)
      .returningAll()
      .executeTakeFirstOrThrow()
    await appendAudit(trx, {
      operatorId: input.operatorId,
      at: now,
      actor,
      action: 'request_task_completed',
      subjectId: request.subject_id,
      details: { requestId: input.requestId, reference: request.reference, taskId: task.task_id, target: task.target, targetId: task.target_id, action: task.action, ...(evidence ? { evidenceSha256: evidence } : {}) },
    })
    return toTaskView(updated)
  })
}

/**
 * Puts a task that failed for good back in the queue (`pending`, due now,
 * attempts from zero; its last error kept until the next attempt) — after
 * staff fixed what stopped it: the system's database created, a privilege
 * granted, the map corrected. Audited (`request_task_retried`). Only a
 * `failed` task: `DERBES_TASK_NOT_FAILED` (409).
 *
 * @example
 * await retryTask(deps, { operatorId: 'esp', requestId, taskId }, 'staff:2')
 */
export async function retryTask(deps: Pick<FulfilmentDeps, 'db' | 'clock'>, ref: TaskRef, actor: string): Promise<RequestTaskView> {
  const now = deps.clock()
  return deps.db.transaction().execute(async (trx) => {
    const task = await lockTask(trx, ref)
    if (task.state !== 'failed') throw new DerbesError('DERBES_TASK_NOT_FAILED', `task '${task.task_id}' is ${task.state}: only a failed task is retried`)
    const request = await loadRequest(trx, ref.operatorId, ref.requestId)
    if (request.state !== 'in_progress' && request.state !== 'awaiting_systems') throw new DerbesError('DERBES_TASK_NOT_OPEN', `request ${request.reference} is ${request.state}: its tasks no longer run`)
    const updated = await trx
      .updateTable('request_tasks')
      .set({ state: 'pending', attempts: 0, next_attempt_at: now })
      .where('operator_id', '=', ref.operatorId)
      .where('task_id', '=', task.task_id)
      .returningAll()
      .executeTakeFirstOrThrow()
    await appendAudit(trx, {
      operatorId: ref.operatorId,
      at: now,
      actor,
      action: 'request_task_retried',
      subjectId: request.subject_id,
      details: { requestId: ref.requestId, reference: request.reference, taskId: task.task_id, target: task.target, targetId: task.target_id, action: task.action, attemptsBefore: task.attempts },
    })
    return toTaskView(updated)
  })
}
