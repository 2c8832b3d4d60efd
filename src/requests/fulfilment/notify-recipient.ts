import { appendAudit } from '../../audit/index.ts'
import { DerbesError } from '../../errors/index.ts'
import { enqueueEvent } from '../../notify/index.ts'
import { listTransfers } from '../../subjects/index.ts'
import { FULFILMENT_ACTOR } from './fulfilment-deps.ts'
import { finishTask } from './finish-task.ts'
import { subjectOf, type TaskContext } from './task-context.ts'

/**
 * Tells one recipient that data of the subject it received was corrected,
 * blocked, destroyed or anonymised (TW-9.4 "take reasonable steps to tell
 * the third parties that received it"; ESP-8: processing stops at those
 * acting for the operator too): a `recipient.notified` event — the
 * operator's integration with that recipient delivers it — with what changed
 * and which of the items it received (ids from the transfer log), and the
 * `recipients_notified` audit entry, in one transaction with the task's
 * record. No values travel: the recipient finds the subject by the ids it
 * was sent with.
 */
export async function notifyRecipient(ctx: TaskContext): Promise<void> {
  const { deps, task, request, policy } = ctx
  const subjectId = subjectOf(ctx)
  const recipientId = task.target_id
  const recipient = recipientId === null ? undefined : policy.recipients.get(recipientId)
  if (!recipient) throw new DerbesError('DERBES_TRANSFER_RECIPIENT_UNKNOWN', `'${recipientId}' is not a recipient of the published policy`)
  const now = deps.clock()
  await deps.db.transaction().execute(async (trx) => {
    const transfers = (await listTransfers(trx, request.operator_id, subjectId)).filter((t) => t.recipientId === recipient.id)
    const done = await trx
      .selectFrom('request_tasks')
      .select(['target', 'action'])
      .where('operator_id', '=', request.operator_id)
      .where('request_id', '=', request.request_id)
      .where('state', '=', 'done')
      .where('target', 'in', ['vault', 'system', 'manual', 'ledger'])
      .execute()
    const facts = {
      requestId: request.request_id,
      reference: request.reference,
      recipientId: recipient.id,
      change: request.kind,
      actions: [...new Set(done.map((d) => d.action))].sort(),
      itemIds: [...new Set(transfers.flatMap((t) => t.itemIds))].sort(),
      transferIds: transfers.map((t) => t.transferId),
      // Known from the transfer log, or a routine recipient of the policy for the subject's purposes.
      basis: transfers.length > 0 ? 'transfer_log' : 'policy',
    }
    await enqueueEvent(trx, { operatorId: request.operator_id, type: 'recipient.notified', subjectId, occurredAt: now, data: facts })
    await appendAudit(trx, { operatorId: request.operator_id, at: now, actor: FULFILMENT_ACTOR, action: 'recipients_notified', subjectId, details: { ...facts, channels: ['event'] } })
    await finishTask(trx, task, { result: { count: 1, recipientId: recipient.id, channels: ['event'], items: facts.itemIds.length } }, now)
  })
}
