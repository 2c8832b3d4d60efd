import { randomUUID } from 'node:crypto'
import type { Transaction } from 'kysely'
import { appendAudit } from '../../audit/index.ts'
import { readConsentState } from '../../consent/index.ts'
import type { Database } from '../../db/index.ts'
import { getPublishedVersion } from '../../operators/index.ts'
import type { CompiledPolicy } from '../../policy/index.ts'
import { listTransfers } from '../../subjects/index.ts'
import { listSystems } from '../../systems/index.ts'
import { transitionRequest } from '../transition-request.ts'
import { FULFILMENT_ACTOR, type FulfilmentDeps } from './fulfilment-deps.ts'
import type { FulfilmentRequest } from './fulfilment-request.ts'
import { planTasks, type TaskPlan } from './plan-tasks.ts'
import { readRequestScope } from './request-scope.ts'

/** A task as planned and stored. */
export interface PlannedTask extends TaskPlan {
  taskId: string
}

/**
 * The recipients to tell of a change to the subject's data (TW-9.4, ESP-8):
 * every recipient the transfer log shows received it, and — when the policy
 * promises to tell them (`requests.notifyRecipients`) — the recipients the
 * policy sends data to routinely for the purposes the subject's values were
 * collected for. State bodies and recipients that get data only on a legal
 * demand (KZK-3.13) are not routine: they are told only when the log shows a transfer.
 */
async function recipientsOf(trx: Transaction<Database>, policy: CompiledPolicy, operatorId: string, subjectId: string): Promise<string[]> {
  const logged = (await listTransfers(trx, operatorId, subjectId)).map((t) => t.recipientId)
  const recipients = new Set(logged.filter((id) => policy.recipients.has(id)))
  if (policy.document.requests?.notifyRecipients === true) {
    const rows = await trx.selectFrom('vault_items').select('purposes').where('operator_id', '=', operatorId).where('subject_id', '=', subjectId).execute()
    const purposes = new Set(rows.flatMap((r) => r.purposes))
    for (const recipient of policy.recipients.values()) {
      if (recipient.role === 'state_body' || recipient.onlyWhenRequiredByLaw === true) continue
      if (recipient.purposes.some((p) => purposes.has(p))) recipients.add(recipient.id)
    }
  }
  return [...recipients].sort()
}

/**
 * Plans the fulfilment of an `in_progress` request (issue 4 item 5): reads
 * what the subject has (vault, consents in force, transfer log) and what the
 * operator runs (connected systems), creates the `request_tasks` by kind
 * (`planTasks`), audits the plan (`request_tasks_planned`: targets and
 * actions, no values) and — while a connected system has work — moves the
 * request to `awaiting_systems`, all in the caller's transaction. `published`
 * is the operator's published policy when the caller has read it (the
 * runner reads it once a run); otherwise it is read here. A request
 * of a requester the operator does not hold gets no tasks: its answer is
 * "no data held" (art. 24(1)).
 *
 * @example
 * await db.transaction().execute(async (trx) => planFulfilment(trx, deps, await loadRequest(trx, 'tw', requestId, { forUpdate: true })))
 */
export async function planFulfilment(trx: Transaction<Database>, deps: Pick<FulfilmentDeps, 'clock'>, request: FulfilmentRequest, published?: CompiledPolicy): Promise<PlannedTask[]> {
  const operatorId = request.operator_id
  const subjectId = request.subject_id
  if (subjectId === null) return []
  const now = deps.clock()
  const policy = published ?? (await getPublishedVersion({ db: trx, clock: deps.clock }, operatorId)).compiled
  const key = await trx.selectFrom('subject_keys').select('subject_id').where('operator_id', '=', operatorId).where('subject_id', '=', subjectId).executeTakeFirst()
  const systems = await listSystems(trx, operatorId)
  const consents = await readConsentState(trx, operatorId, subjectId, ['given'])
  const plans = planTasks({
    kind: request.kind,
    scope: readRequestScope(request.scope),
    policy,
    vaultHeld: key !== undefined,
    systems,
    consentsInForce: consents.map((c) => ({ formId: c.formId, purposeId: c.purposeId, channel: c.channel })),
    recipients: await recipientsOf(trx, policy, operatorId, subjectId),
  })
  const tasks = plans.map((plan) => ({ ...plan, taskId: randomUUID() }))
  if (tasks.length > 0) {
    await trx
      .insertInto('request_tasks')
      .values(tasks.map((t) => ({
        operator_id: operatorId,
        task_id: t.taskId,
        request_id: request.request_id,
        target: t.target,
        target_id: t.targetId,
        action: t.action,
        state: 'pending' as const,
        attempts: 0,
        next_attempt_at: null,
        last_error: null,
        result: JSON.stringify(null),
        result_sealed: null,
        assigned_to: t.assignedTo ?? null,
        created_at: now,
        done_at: null,
      })))
      .execute()
  }
  await appendAudit(trx, {
    operatorId,
    at: now,
    actor: FULFILMENT_ACTOR,
    action: 'request_tasks_planned',
    subjectId,
    details: {
      requestId: request.request_id,
      reference: request.reference,
      kind: request.kind,
      policyVersionId: policy.versionId,
      tasks: tasks.map((t) => ({ taskId: t.taskId, target: t.target, targetId: t.targetId, action: t.action })),
    },
  })
  if (tasks.some((t) => t.target === 'system') && request.state === 'in_progress') {
    await transitionRequest(trx, deps, { operatorId, requestId: request.request_id, to: 'awaiting_systems', actor: FULFILMENT_ACTOR, note: 'tasks planned in connected systems' })
  }
  return tasks
}
