import { readConsentState, withdrawConsent, type WithdrawalResult } from '../../consent/index.ts'
import { DerbesError } from '../../errors/index.ts'
import { transitionRequest } from '../transition-request.ts'
import { FULFILMENT_ACTOR } from './fulfilment-deps.ts'
import { finishTask } from './finish-task.ts'
import { subjectOf, type TaskContext } from './task-context.ts'
import { withdrawalChannel } from './withdrawal-channel.ts'

/** What of a form a request withdraws: its purposes named by the request, the channels per purpose; the whole form when neither is named. */
async function withdrawalScope(ctx: TaskContext, formPurposes: readonly string[]): Promise<{ purposes?: string[]; channels?: Record<string, string[]> }> {
  const { scope, request, policy } = ctx
  const channels = scope.channels ? Object.fromEntries(Object.entries(scope.channels).filter(([p]) => formPurposes.includes(p))) : undefined
  let purposes = scope.purposes?.filter((p) => formPurposes.includes(p))
  if (request.kind === 'marketing_opt_out' && purposes === undefined && channels === undefined) {
    // An opt-out names no purpose: every marketing purpose of the form in force (TTC-9.4, ESP-6).
    const inForce = await readConsentState(ctx.deps.db, request.operator_id, subjectOf(ctx), ['given'])
    purposes = [...new Set(inForce.filter((r) => formPurposes.includes(r.purposeId) && policy.purposes.get(r.purposeId)?.marketing === true).map((r) => r.purposeId))]
  }
  return { ...(purposes !== undefined ? { purposes } : {}), ...(channels !== undefined && Object.keys(channels).length > 0 ? { channels } : {}) }
}

/**
 * Withdraws consent in the ledger for one form (the task's target): whole,
 * per purpose or per marketing channel (TTC-9.4), by the channel the request
 * came in (TTC-9.2), from when it was received — the ledger applies the
 * form's notice period (ESP App.1 §5: scheduled, not yet in effect) and its
 * blockers. When the ledger refuses because an obligation is open (TTC-9.1,
 * KZK-2.3.5, art. 8(2)) the request is refused with that ground, and its
 * other tasks are cancelled — nothing that follows a withdrawal (TTC-9.3's
 * account deletion) may run — in one transaction with the task's record.
 */
export async function runLedgerTask(ctx: TaskContext): Promise<void> {
  const { deps, task, request, policy } = ctx
  const subjectId = subjectOf(ctx)
  const form = policy.consentForms.get(task.target_id ?? '')
  if (!form) throw new DerbesError('DERBES_CONSENT_FORM_NOT_FOUND', `the published policy has no consent form '${task.target_id}'`)
  const scope = await withdrawalScope(ctx, form.purposes)
  let result: WithdrawalResult | undefined
  try {
    if (scope.purposes?.length !== 0) {
      result = await withdrawConsent(deps, {
        operatorId: request.operator_id,
        subjectId,
        formId: form.id,
        ...scope,
        via: withdrawalChannel(form, request.channel),
        receivedAt: new Date(request.received_at),
        language: request.language,
        ...(request.requested_by === 'representative' && request.representative_id ? { givenBy: { representativeId: request.representative_id } } : {}),
        recordedBy: FULFILMENT_ACTOR,
      })
    }
  } catch (error) {
    // Nothing in force any more (withdrawn already, or a retry after the withdrawal committed): nothing to do.
    if (!(error instanceof DerbesError && error.code === 'DERBES_CONSENT_NOT_ACTIVE')) throw error
  }
  const now = deps.clock()
  await deps.db.transaction().execute(async (trx) => {
    await finishTask(trx, task, {
      result: {
        count: result?.state.length ?? 0,
        outcome: result?.outcome ?? 'nothing_in_force',
        ...(result ? { eventId: result.eventId } : {}),
        ...(result && result.outcome !== 'refused' && result.state[0]?.withdrawalEffectiveAt ? { effectiveAt: new Date(result.state[0].withdrawalEffectiveAt).toISOString() } : {}),
        ...(result?.reasons.length ? { reasons: result.reasons.map((r) => r.code) } : {}),
      },
    }, now)
    if (result?.outcome !== 'refused') return
    await trx
      .updateTable('request_tasks')
      .set({ state: 'cancelled', next_attempt_at: null, done_at: now })
      .where('operator_id', '=', request.operator_id)
      .where('request_id', '=', request.request_id)
      .where('state', 'in', ['pending', 'failed'])
      .execute()
    const clauses = [...new Set([...(form.withdrawal.clauses ?? form.clauses ?? []), 'art. 8(2)'])]
    await transitionRequest(trx, deps, {
      operatorId: request.operator_id,
      requestId: request.request_id,
      to: 'refused',
      actor: FULFILMENT_ACTOR,
      note: 'the consent ledger refused the withdrawal',
      refusal: { ground: 'obligation_unfulfilled', clauses, detail: result.reasons.map((r) => r.detail).join('; ') },
    })
  })
}
