import { randomUUID } from 'node:crypto'
import { appendAudit } from '../../audit/index.ts'
import { decide, DecisionIndex, reasonMessage, type DecisionReason } from '../../consent/index.ts'
import { DerbesError, type FieldProblem } from '../../errors/index.ts'
import type { AppDeps } from '../../http/app-deps.ts'
import { enqueueEvent } from '../../notify/index.ts'
import { getPublishedVersion } from '../../operators/index.ts'
import { findSubjectRow } from '../subject-row.ts'
import { toTransferView, type TransferView } from './transfer-view.ts'

export type TransfersDeps = Pick<AppDeps, 'db' | 'clock'>

export interface TransferInput {
  operatorId: string
  subjectId: string
  /** A recipient id of the published policy. */
  recipientId: string
  itemIds: readonly string[]
  purposeId: string
  /** ISO 3166-1 alpha-2 of the destination; the recipient's country when absent. */
  country?: string | undefined
  /** When the data left; now when absent. */
  at?: Date | string | undefined
  /** The contract, act or letter it went under — no personal data. */
  reference?: string | undefined
}

/** Where in the request body a decision's reason points. */
function pointerOf(reason: DecisionReason): string {
  const [family] = reason.code.split('.')
  if (family === 'recipient') return '/body/recipientId'
  if (family === 'items') return '/body/itemIds'
  if (family === 'purpose') return '/body/purposeId'
  if (reason.code === 'transfer.cross_border_not_consented') return '/body/country'
  if (family === 'subject') return '/params/subjectId'
  return '/body'
}

/**
 * Records that some of a subject's data went to a recipient of the policy,
 * with the `transfer` audit entry and a `data.transferred` event in the same
 * transaction (art. 22(1)(5): third-party and cross-border transfers are
 * registered; art. 19(1): the subject may have to be told). The transfer is
 * judged the way a decision would judge it at the moment it happened
 * (`decide`): an unknown recipient, a purpose the recipient does not serve,
 * items outside the purpose, a blocked or erased subject, a consent missing
 * for a consent-based purpose, a third party the consent excludes, or a
 * foreign recipient without cross-border consent for the country (art. 16;
 * ESP App.1, PS-4.7) are refused and nothing is written. The log is what
 * recipients are told from after a correction or a destruction (TW-9.4).
 *
 * A transfer is not a message on a channel, so a marketing purpose's
 * "which channel?" does not apply to it.
 *
 * @example
 * await recordTransfer(deps, { operatorId: 'esp', subjectId, recipientId: 'third-parties-ru', itemIds: ['full-name'], purposeId: 'loyalty', reference: 'Contract 12/2026' }, 'staff:4')
 */
export async function recordTransfer(deps: TransfersDeps, input: TransferInput, actor: string): Promise<TransferView> {
  const now = deps.clock()
  const at = input.at === undefined ? now : new Date(input.at)
  if (at.getTime() > now.getTime()) throw new DerbesError('DERBES_VALIDATION', 'a transfer cannot be recorded before it happens', [{ pointer: '/body/at', detail: 'is after now' }])
  const { compiled: policy } = await getPublishedVersion(deps, input.operatorId)
  const recipient = policy.recipients.get(input.recipientId)
  if (!recipient) {
    throw new DerbesError('DERBES_TRANSFER_RECIPIENT_UNKNOWN', `'${input.recipientId}' is not a recipient of the published policy`, [
      { pointer: '/body/recipientId', detail: `not one of: ${[...policy.recipients.keys()].join(', ') || 'none declared'}` },
    ])
  }
  const country = input.country ?? recipient.country
  return deps.db.transaction().execute(async (trx) => {
    // Locked so a destruction cannot slip between the decision and the log entry.
    await findSubjectRow(trx, input.operatorId, input.subjectId, { forUpdate: true })
    const facts = await new DecisionIndex(trx, input.operatorId).fetch(input.subjectId)
    const decision = decide(policy, facts, { subjectId: input.subjectId, purpose: input.purposeId, items: input.itemIds, recipient: input.recipientId, country }, at)
    const reasons = decision.reasons.filter((r) => r.code !== 'channel.required')
    if (reasons.length > 0) {
      const problems: FieldProblem[] = reasons.map((r) => ({ pointer: pointerOf(r), detail: `${reasonMessage(r.code, 'en')} (${r.clause})`, code: r.code }))
      throw new DerbesError('DERBES_TRANSFER_NOT_ALLOWED', `the transfer to '${input.recipientId}' is not allowed: ${reasons.map((r) => r.code).join(', ')}`, problems)
    }
    const row = {
      operator_id: input.operatorId,
      transfer_id: randomUUID(),
      subject_id: input.subjectId,
      recipient_id: input.recipientId,
      item_ids: JSON.stringify([...input.itemIds]),
      purpose_id: input.purposeId,
      country,
      transferred_at: at,
      reference: input.reference ?? null,
      policy_version_id: policy.versionId,
      recorded_at: now,
      recorded_by: actor,
    }
    const stored = await trx.insertInto('data_transfers').values(row).returningAll().executeTakeFirstOrThrow()
    const details = {
      transferId: row.transfer_id,
      recipientId: input.recipientId,
      itemIds: [...input.itemIds],
      country,
      crossBorder: country !== 'KZ',
      transferredAt: at.toISOString(),
      ...(input.reference ? { reference: input.reference } : {}),
    }
    await appendAudit(trx, { operatorId: input.operatorId, at: now, actor, action: 'transfer', subjectId: input.subjectId, purpose: input.purposeId, details })
    await enqueueEvent(trx, { operatorId: input.operatorId, type: 'data.transferred', subjectId: input.subjectId, occurredAt: at, data: details })
    return toTransferView(stored)
  })
}
