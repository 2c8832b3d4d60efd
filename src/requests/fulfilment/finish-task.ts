import type { Transaction } from 'kysely'
import type { Database } from '../../db/index.ts'
import { DerbesError } from '../../errors/index.ts'
import type { LeasedTask } from './lease-tasks.ts'

/** What a task brought about: counts and ids in the clear, exported values sealed. */
export interface TaskOutcome {
  /** Counts and ids only; `count` is what the answer reports (records, rows, consents, recipients). */
  result: { count: number } & Record<string, unknown>
  /** Values, sealed under the subject's data key (`sealForSubject`). */
  resultSealed?: string | null | undefined
}

/**
 * Marks a leased task done with its outcome, in the caller's transaction —
 * the one that did the work where it could (an export and its audit entry,
 * a recipient's event), so the work and its record commit together. A lease
 * that ran out and was taken by another process is not ours to finish:
 * `DERBES_INTERNAL`, rolling the caller's work back.
 */
export async function finishTask(trx: Transaction<Database>, task: LeasedTask, outcome: TaskOutcome, now: Date): Promise<void> {
  const updated = await trx
    .updateTable('request_tasks')
    .set({
      state: 'done',
      attempts: task.attempts + 1,
      next_attempt_at: null,
      last_error: null,
      result: JSON.stringify(outcome.result),
      result_sealed: outcome.resultSealed ?? null,
      done_at: now,
    })
    .where('operator_id', '=', task.operator_id)
    .where('task_id', '=', task.task_id)
    .where('state', '=', 'running')
    .where('next_attempt_at', '=', task.leasedUntil)
    .executeTakeFirst()
  if (Number(updated.numUpdatedRows) !== 1) {
    throw new DerbesError('DERBES_INTERNAL', `task '${task.task_id}' is no longer leased by this run: its lease ran out and another run took it`)
  }
}
