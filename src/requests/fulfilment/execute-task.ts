import { withOperatorScope } from '../../db/index.ts'
import { DerbesError } from '../../errors/index.ts'
import { getPublishedVersion } from '../../operators/index.ts'
import type { CompiledPolicy } from '../../policy/index.ts'
import type { FulfilmentDeps } from './fulfilment-deps.ts'
import { loadRequest } from './fulfilment-request.ts'
import type { LeasedTask } from './lease-tasks.ts'
import { notifyRecipient } from './notify-recipient.ts'
import { readRequestScope } from './request-scope.ts'
import { runLedgerTask } from './run-ledger-task.ts'
import { runSystemTask } from './run-system-task.ts'
import { runVaultTask } from './run-vault-task.ts'
import type { TaskContext } from './task-context.ts'

/**
 * Runs one leased task by its target, inside its operator's scope (on a
 * server, row-level security then keeps the work to that operator's rows).
 * Each executor finishes the task itself, in the transaction of its work
 * where it can; whatever it throws the runner records as a failed attempt.
 * `policyOf` gives the operator's published policy (the runner's, read once
 * a run); by default it is read for the task.
 */
export async function executeTask(
  deps: FulfilmentDeps,
  task: LeasedTask,
  policyOf: (operatorId: string) => Promise<CompiledPolicy> = async (operatorId) => (await getPublishedVersion(deps, operatorId)).compiled,
): Promise<void> {
  await withOperatorScope(task.operator_id, async () => {
    const request = await loadRequest(deps.db, task.operator_id, task.request_id)
    const policy = await policyOf(task.operator_id)
    const ctx: TaskContext = { deps, task, request, scope: readRequestScope(request.scope), policy }
    switch (task.target) {
      case 'vault':
        return runVaultTask(ctx)
      case 'ledger':
        return runLedgerTask(ctx)
      case 'system':
        return runSystemTask(ctx)
      case 'recipients':
        return notifyRecipient(ctx)
      case 'manual':
        throw new DerbesError('DERBES_INTERNAL', 'a manual task is done by staff, not by the runner')
    }
  })
}
