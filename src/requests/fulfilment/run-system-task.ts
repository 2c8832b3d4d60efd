import { DerbesError } from '../../errors/index.ts'
import { runSystemTask as runInSystem, type SystemAction, type SystemTaskInput } from '../../systems/index.ts'
import { openRequestData } from '../seal-request.ts'
import { FULFILMENT_ACTOR } from './fulfilment-deps.ts'
import { finishTask } from './finish-task.ts'
import type { SealedRecord } from './run-vault-task.ts'
import { sealTaskResult } from './seal-result.ts'
import { subjectLocator } from './subject-locator.ts'
import { subjectOf, type TaskContext } from './task-context.ts'

const SYSTEM_ACTIONS: Partial<Record<string, SystemAction>> = {
  export: 'export',
  rectify: 'rectify',
  supplement: 'rectify',
  anonymise: 'anonymise',
  delete: 'delete',
}

/**
 * Runs a task in one of the operator's connected systems (`runSystemTask`
 * of `src/systems/`, which audits each call after the remote commit):
 * exports come back as rows, sealed under the subject's key in the task;
 * corrections send the request's sealed new values; anonymise and delete
 * follow the system's map (masking, foreign-key order). A system that does
 * not answer throws `DERBES_SYSTEM_UNREACHABLE` and the runner retries.
 */
export async function runSystemTask(ctx: TaskContext): Promise<void> {
  const { deps, task, request, policy } = ctx
  const subjectId = subjectOf(ctx)
  const action = SYSTEM_ACTIONS[task.action]
  if (!action || task.target_id === null) throw new DerbesError('DERBES_INTERNAL', `a system task cannot '${task.action}'`)
  const sealed = await openRequestData(deps.db, deps.keys, request)
  const subject = await deps.db.transaction().execute((trx) => subjectLocator(trx, deps.keys, policy, request.operator_id, subjectId, sealed))
  const input: SystemTaskInput = {
    operatorId: request.operator_id,
    systemId: task.target_id,
    action,
    subject,
    requestId: request.request_id,
    actor: FULFILMENT_ACTOR,
    ...(action === 'rectify' ? { changes: (sealed.values ?? []).map((v) => ({ itemId: v.itemId, value: v.value })) } : {}),
  }
  const result = await runInSystem(deps, input)
  const rows = Object.values(result.rowsByTable).reduce((sum, n) => sum + n, 0)
  await deps.db.transaction().execute(async (trx) => {
    let resultSealed: string | undefined
    if (action === 'export') {
      const records: SealedRecord[] = (result.records ?? []).flatMap((row) =>
        row.values.map((v) => ({ system: task.target_id!, table: row.table, item: v.itemId, value: toCell(v.value), collectedAt: null })),
      )
      resultSealed = await sealTaskResult(trx, deps.keys, request.operator_id, subjectId, task.task_id, records)
    }
    await finishTask(trx, task, { result: { count: rows, rowsByTable: result.rowsByTable }, resultSealed }, deps.clock())
  })
}

/** A system's value as the answer and the export show it. */
function toCell(value: unknown): string | number | boolean | null {
  if (value === null || value === undefined) return null
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value
  if (value instanceof Date) return value.toISOString()
  if (typeof value === 'bigint') return value.toString()
  return JSON.stringify(value)
}
