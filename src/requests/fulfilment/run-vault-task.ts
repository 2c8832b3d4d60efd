import { appendAudit } from '../../audit/index.ts'
import { readConsentState } from '../../consent/index.ts'
import { DerbesError } from '../../errors/index.ts'
import {
  anonymiseSubject, blockSubject, changeSubjectData, collectSubjectData, destroySubject, getSubject, unblockSubject, type EraseReason,
} from '../../subjects/index.ts'
import type { SubjectRecord } from '../answers/index.ts'
import { openRequestData } from '../seal-request.ts'
import { FULFILMENT_ACTOR } from './fulfilment-deps.ts'
import { finishTask, type TaskOutcome } from './finish-task.ts'
import { keepRequestSeal } from './keep-request-seal.ts'
import { readVaultValues } from './read-vault-values.ts'
import { sealTaskResult } from './seal-result.ts'
import { subjectOf, type TaskContext } from './task-context.ts'

/** A record of an export as it is sealed: dates as ISO text. */
export type SealedRecord = Omit<SubjectRecord, 'collectedAt'> & { collectedAt: string | null }

const isCode = (error: unknown, code: string) => error instanceof DerbesError && error.code === code

async function finishApart(ctx: TaskContext, outcome: TaskOutcome): Promise<void> {
  await ctx.deps.db.transaction().execute((trx) => finishTask(trx, ctx.task, outcome, ctx.deps.clock()))
}

/**
 * The subject's copy of everything the vault and the consent ledger hold of
 * it (ESP-3, TW-9.1): read for the subject itself, not as a staff view — so
 * the audit entry is an `export` whose basis is the request — sealed under
 * the subject's key in the task, in one transaction with the entry.
 */
async function exportVault(ctx: TaskContext): Promise<void> {
  const { deps, task, request } = ctx
  const subjectId = subjectOf(ctx)
  const now = deps.clock()
  await deps.db.transaction().execute(async (trx) => {
    const values = await readVaultValues(trx, deps.keys, request.operator_id, subjectId)
    const consents = await readConsentState(trx, request.operator_id, subjectId)
    const records: SealedRecord[] = [
      ...values.map((v) => ({ system: 'derbes', table: 'vault_items', item: v.itemId, value: v.value, collectedAt: v.collectedAt.toISOString() })),
      ...consents.map((c) => ({
        system: 'derbes',
        table: 'consent_state',
        item: c.channel === '' ? c.purposeId : `${c.purposeId}/${c.channel}`,
        value: c.status,
        collectedAt: c.givenAt ? new Date(c.givenAt).toISOString() : null,
      })),
    ]
    const resultSealed = await sealTaskResult(trx, deps.keys, request.operator_id, subjectId, task.task_id, records)
    await appendAudit(trx, {
      operatorId: request.operator_id,
      at: now,
      actor: FULFILMENT_ACTOR,
      action: 'export',
      subjectId,
      basis: `request:${request.request_id}`,
      details: {
        requestId: request.request_id,
        reference: request.reference,
        taskId: task.task_id,
        recipient: 'subject',
        items: values.map((v) => ({ itemId: v.itemId, valueNo: v.valueNo })),
        consents: consents.length,
      },
    })
    await finishTask(trx, task, { result: { count: records.length, values: values.length, consents: consents.length, items: [...new Set(values.map((v) => v.itemId))] }, resultSealed }, now)
  })
}

/**
 * Rectify (TW-9.3, art. 25(2)(8)) or supplement with the new values the
 * request carries sealed. A value the vault does not hold is skipped on
 * rectify (the connected systems may hold it); a supplement adds it with the
 * purposes the subject's other values of that item — or the policy — give it.
 */
async function correctVault(ctx: TaskContext): Promise<void> {
  const { deps, request, policy } = ctx
  const subjectId = subjectOf(ctx)
  const sealed = await openRequestData(deps.db, deps.keys, request)
  const values = sealed.values ?? []
  const changed: string[] = []
  const skipped: string[] = []
  for (const { itemId, value } of values) {
    if (ctx.task.action === 'rectify') {
      try {
        await changeSubjectData(deps, { operatorId: request.operator_id, subjectId, itemId, value }, FULFILMENT_ACTOR)
        changed.push(itemId)
      } catch (error) {
        if (!isCode(error, 'DERBES_VAULT_VALUE_NOT_FOUND')) throw error
        skipped.push(itemId)
      }
    } else {
      const held = await deps.db.selectFrom('vault_items').select('purposes').where('operator_id', '=', request.operator_id).where('subject_id', '=', subjectId).where('item_id', '=', itemId).execute()
      const covering = [...policy.purposes.values()].filter((p) => p.itemIds.includes(itemId)).map((p) => p.id)
      const fromHeld = [...new Set(held.flatMap((h) => h.purposes))].filter((p) => covering.includes(p))
      const sources = policy.items.get(itemId)?.sources ?? []
      const by = request.requested_by === 'representative' && sources.includes('representative') ? 'representative' : sources.includes('subject') ? 'subject' : sources[0] ?? 'subject'
      await collectSubjectData(deps, { operatorId: request.operator_id, subjectId, items: [{ itemId, value, source: by, purposes: fromHeld.length > 0 ? fromHeld : covering }] }, FULFILMENT_ACTOR)
      changed.push(itemId)
    }
  }
  await finishApart(ctx, { result: { count: changed.length, items: changed, skipped } })
}

/** Block, unblock, anonymise, destroy; done already (a retry after a crash) counts as done. */
async function changeStatus(ctx: TaskContext): Promise<void> {
  const { deps, request, task } = ctx
  const subjectId = subjectOf(ctx)
  const input = { operatorId: request.operator_id, subjectId, reference: request.reference }
  const status = (await getSubject(deps, request.operator_id, subjectId)).status
  let already = false
  switch (task.action) {
    case 'block':
      if (status === 'blocked') already = true
      // TW-9.6: unlawful processing is stopped by blocking; otherwise the subject asked (art. 24(1)).
      else await blockSubject(deps, { ...input, reason: request.kind === 'stop_unlawful_processing' ? 'collection_unlawful' : 'subject_request' }, FULFILMENT_ACTOR)
      break
    case 'unblock':
      if (status === 'active') already = true
      else await unblockSubject(deps, { ...input, reason: 'subject_request' }, FULFILMENT_ACTOR)
      break
    case 'anonymise':
    case 'delete': {
      const outcome = task.action === 'anonymise' ? 'anonymised' : 'destroyed'
      if (status === outcome) already = true
      else {
        await deps.db.transaction().execute((trx) => keepRequestSeal(trx, deps.keys, request))
        const reason: EraseReason = request.kind === 'withdraw_consent' ? 'consent_withdrawn' : request.kind === 'destroy_unlawful' ? 'unlawful_processing' : 'subject_request'
        await (task.action === 'anonymise' ? anonymiseSubject : destroySubject)(deps, { ...input, reason }, FULFILMENT_ACTOR)
      }
      break
    }
    default:
      throw new DerbesError('DERBES_INTERNAL', `the vault has no '${task.action}' task`)
  }
  await finishApart(ctx, { result: { count: 1, ...(already ? { already: true } : {}) } })
}

/**
 * Runs a vault task through the subjects module (each call its own
 * transaction with its own audit entry and event), then marks it done.
 */
export async function runVaultTask(ctx: TaskContext): Promise<void> {
  switch (ctx.task.action) {
    case 'export':
      return exportVault(ctx)
    case 'rectify':
    case 'supplement':
      return correctVault(ctx)
    default:
      return changeStatus(ctx)
  }
}
