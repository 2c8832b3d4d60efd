import type { Kysely, Selectable } from 'kysely'
import type { Database } from '../../db/index.ts'
import type { RequestTaskView } from '../get-request.ts'
import type { RequestTasksTable } from '../requests-tables.ts'
import { loadRequest } from './fulfilment-request.ts'
import { taskStage } from './task-stage.ts'

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString())

/** A task as the API shows it — the same view as in the request's detail: counts and ids, never values. */
export function toTaskView(t: Selectable<RequestTasksTable>): RequestTaskView {
  return {
    taskId: t.task_id,
    target: t.target,
    targetId: t.target_id,
    action: t.action,
    state: t.state,
    attempts: t.attempts,
    nextAttemptAt: iso(t.next_attempt_at),
    lastError: t.last_error,
    result: t.result,
    assignedTo: t.assigned_to,
    createdAt: new Date(t.created_at).toISOString(),
    doneAt: iso(t.done_at),
  }
}

/**
 * A request's fulfilment tasks in the order they run (`taskStage`), failed
 * ones with their last error — what staff look at to see where a request stands.
 *
 * @example
 * const failed = (await listTasks(db, 'esp', requestId)).filter((t) => t.state === 'failed')
 */
export async function listTasks(db: Kysely<Database>, operatorId: string, requestId: string): Promise<RequestTaskView[]> {
  await loadRequest(db, operatorId, requestId)
  const rows = await db.selectFrom('request_tasks').selectAll().where('operator_id', '=', operatorId).where('request_id', '=', requestId).orderBy('created_at').orderBy('task_id').execute()
  return rows
    .map((row, i) => ({ row, i }))
    .sort((a, b) => taskStage(a.row.target, a.row.action) - taskStage(b.row.target, b.row.action) || a.i - b.i)
    .map(({ row }) => toTaskView(row))
}
