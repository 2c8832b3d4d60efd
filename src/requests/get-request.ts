import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../db/index.ts'
import { DerbesError } from '../errors/index.ts'
import type { RequestState, TaskAction, TaskState, TaskTarget } from './request-kinds.ts'
import { toRequestView, type RequestRow, type RequestView } from './request-view.ts'
import type { RequestsDeps } from './requests-deps.ts'

/** One step of a request's history. */
export interface RequestHistoryEntry {
  seq: number
  from: RequestState | null
  to: RequestState
  at: string
  actor: string
  note: string | null
}

/** A fulfilment task as a request's detail shows it: counts and ids, never exported values. */
export interface RequestTaskView {
  taskId: string
  target: TaskTarget
  targetId: string | null
  action: TaskAction
  state: TaskState
  attempts: number
  nextAttemptAt: string | null
  lastError: string | null
  result: Record<string, unknown> | null
  assignedTo: string | null
  createdAt: string
  doneAt: string | null
}

export interface RequestDetail extends RequestView {
  history: RequestHistoryEntry[]
  tasks: RequestTaskView[]
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString())

/**
 * A request's row, for other functions of this module (locked when `forUpdate`).
 * `DERBES_REQUEST_NOT_FOUND` when the operator has no such request.
 */
export async function findRequestRow(db: Kysely<Database> | Transaction<Database>, operatorId: string, requestId: string, options: { forUpdate?: boolean } = {}): Promise<RequestRow> {
  let query = db.selectFrom('requests').selectAll().where('operator_id', '=', operatorId).where('request_id', '=', requestId)
  if (options.forUpdate) query = query.forUpdate()
  const row = await query.executeTakeFirst()
  if (!row) throw new DerbesError('DERBES_REQUEST_NOT_FOUND', `operator '${operatorId}' has no request '${requestId}'`)
  return row
}

/**
 * A request with its deadline (overdue, business days left), its history of
 * states and its fulfilment tasks — no personal-data value.
 *
 * @example
 * const { state, dueOn, overdue, history, tasks } = await getRequest(deps, 'esp', requestId)
 */
export async function getRequest(deps: Pick<RequestsDeps, 'db' | 'clock' | 'calendar'>, operatorId: string, requestId: string): Promise<RequestDetail> {
  const row = await findRequestRow(deps.db, operatorId, requestId)
  const history = await deps.db.selectFrom('request_transitions').selectAll().where('operator_id', '=', operatorId).where('request_id', '=', requestId).orderBy('seq').execute()
  const tasks = await deps.db.selectFrom('request_tasks').selectAll().where('operator_id', '=', operatorId).where('request_id', '=', requestId).orderBy('created_at').orderBy('task_id').execute()
  return {
    ...toRequestView(row, deps.clock(), deps.calendar),
    history: history.map((h) => ({ seq: h.seq, from: h.from_state, to: h.to_state, at: new Date(h.at).toISOString(), actor: h.actor, note: h.note })),
    tasks: tasks.map((t) => ({
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
    })),
  }
}
