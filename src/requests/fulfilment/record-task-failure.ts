import type { Kysely } from 'kysely'
import { appendAudit } from '../../audit/index.ts'
import type { Database } from '../../db/index.ts'
import { DerbesError } from '../../errors/index.ts'
import { enqueueEvent } from '../../notify/index.ts'
import { FULFILMENT_ACTOR, type FulfilmentSettings } from './fulfilment-deps.ts'
import type { LeasedTask } from './lease-tasks.ts'

/**
 * Errors no later attempt can mend, because what the request asks is itself
 * wrong for the policy: a value invalid for its item, an item or source the
 * policy does not allow, a withdrawal by a channel the form refuses (TTC-9.2),
 * a system that has no connector for the action. The task fails at once and
 * waits for staff. Everything else is tried again with back-off until
 * `maxAttempts`: a system that did not answer (`DERBES_SYSTEM_UNREACHABLE`)
 * surely, but also one that refused or does not match its map — its operator
 * may fix it meanwhile (create the database, grant the privilege, correct the
 * map), and a request is never dropped for a fault of the operator's own.
 */
const PERMANENT_CODES: ReadonlySet<string> = new Set([
  'DERBES_VALIDATION',
  'DERBES_VAULT_VALUE_INVALID',
  'DERBES_VAULT_ITEM_NOT_ALLOWED',
  'DERBES_VAULT_SOURCE_NOT_ALLOWED',
  'DERBES_VAULT_PURPOSE_MISMATCH',
  'DERBES_CONSENT_WITHDRAWAL_CHANNEL_NOT_ALLOWED',
  'DERBES_SYSTEM_ACTION_NOT_SUPPORTED',
])

export function isRetryable(error: unknown): boolean {
  return !(error instanceof DerbesError && PERMANENT_CODES.has(error.code))
}

/** The error as kept on the task: its code and message, short. Messages name ids, never values. */
export function describeError(error: unknown): { code: string; text: string } {
  const code = error instanceof DerbesError ? error.code : error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : 'ERROR'
  const message = error instanceof Error ? error.message : String(error)
  return { code, text: `${code}: ${message}`.slice(0, 500) }
}

/**
 * Records a failed attempt: attempts + 1, the error, and either a back-off
 * (`pending` until `next_attempt_at`) or — after `maxAttempts`, or at once
 * for an error retrying cannot fix — `failed`, where it stays, visible in
 * the task list, until staff retry it. Each failure is an audit entry
 * (`request_task_failed`) and a `request.task_failed` event, so the
 * responsible person hears of it; nothing is lost. Only while the lease is
 * still this run's.
 */
export async function recordTaskFailure(db: Kysely<Database>, task: LeasedTask, error: unknown, now: Date, settings: FulfilmentSettings): Promise<'retrying' | 'failed' | 'lost_lease'> {
  const attempts = task.attempts + 1
  const final = attempts >= settings.maxAttempts || !isRetryable(error)
  const { code, text } = describeError(error)
  return db.transaction().execute(async (trx) => {
    const request = await trx.selectFrom('requests').select(['subject_id', 'reference']).where('operator_id', '=', task.operator_id).where('request_id', '=', task.request_id).executeTakeFirstOrThrow()
    const nextAttemptAt = final ? null : new Date(now.getTime() + settings.backoffMs(attempts))
    const updated = await trx
      .updateTable('request_tasks')
      .set({ state: final ? 'failed' : 'pending', attempts, last_error: text, next_attempt_at: nextAttemptAt })
      .where('operator_id', '=', task.operator_id)
      .where('task_id', '=', task.task_id)
      .where('state', '=', 'running')
      .where('next_attempt_at', '=', task.leasedUntil)
      .executeTakeFirst()
    if (Number(updated.numUpdatedRows) !== 1) return 'lost_lease'
    const facts = {
      requestId: task.request_id,
      reference: request.reference,
      taskId: task.task_id,
      target: task.target,
      targetId: task.target_id,
      action: task.action,
      attempts,
      code,
      final,
      ...(nextAttemptAt ? { nextAttemptAt: nextAttemptAt.toISOString() } : {}),
    }
    await appendAudit(trx, { operatorId: task.operator_id, at: now, actor: FULFILMENT_ACTOR, action: 'request_task_failed', subjectId: request.subject_id, details: facts })
    await enqueueEvent(trx, { operatorId: task.operator_id, type: 'request.task_failed', subjectId: request.subject_id, occurredAt: now, data: facts })
    return final ? 'failed' : 'retrying'
  })
}
