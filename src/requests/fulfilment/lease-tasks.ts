import { sql, type Kysely, type Selectable } from 'kysely'
import type { Database } from '../../db/index.ts'
import type { RequestTasksTable } from '../requests-tables.ts'
import { taskStageSql } from './task-stage.ts'

export type TaskRow = Selectable<RequestTasksTable>

/** A task this process holds until `leasedUntil`; finishing it checks the lease is still its own. */
export interface LeasedTask extends TaskRow {
  leasedUntil: Date
}

/**
 * Claims up to `limit` tasks that are due, across operators (a background
 * job: no operator scope), and marks them `running` until `now + leaseMs`.
 * `for update skip locked` lets several Derbes processes lease side by side
 * without ever taking one task twice; a `running` task whose lease ran out
 * (its process died) is due again. Due means: not a staff task, pending with
 * its back-off over, of a request still being fulfilled, and every task of
 * a lower stage of that request done (`taskStage`).
 *
 * @example
 * const tasks = await leaseDueTasks(db, clock(), 20, 300_000)
 */
export async function leaseDueTasks(db: Kysely<Database>, now: Date, limit: number, leaseMs: number): Promise<LeasedTask[]> {
  const leasedUntil = new Date(now.getTime() + leaseMs)
  const { rows } = await sql<TaskRow>`
    update request_tasks t set state = 'running', next_attempt_at = ${leasedUntil}
    from (
      select c.operator_id, c.task_id from request_tasks c
      where c.target <> 'manual'
        and ((c.state = 'pending' and (c.next_attempt_at is null or c.next_attempt_at <= ${now}))
          or (c.state = 'running' and c.next_attempt_at <= ${now}))
        and exists (
          select 1 from requests r
          where r.operator_id = c.operator_id and r.request_id = c.request_id and r.state in ('in_progress', 'awaiting_systems'))
        and not exists (
          select 1 from request_tasks o
          where o.operator_id = c.operator_id and o.request_id = c.request_id
            and o.state not in ('done', 'cancelled') and ${taskStageSql('o')} < ${taskStageSql('c')})
      order by c.created_at, c.task_id
      limit ${limit}
      for update of c skip locked
    ) due
    where t.operator_id = due.operator_id and t.task_id = due.task_id
    returning t.*`.execute(db)
  return rows.map((row) => ({ ...row, leasedUntil }))
}
