import { withdrawConsent } from '../consent/index.ts'
import { DerbesError } from '../errors/index.ts'
import type { Language } from '../policy/index.ts'
import type { ActingFor } from './acting-for.ts'
import { planWithdrawal, type WithdrawalChoice } from './plan-withdrawal.ts'
import type { PortalDeps } from './portal-deps.ts'
import type { SubjectSession } from './subject-sessions.ts'
import { toPreview, type WithdrawalPreview } from './withdrawal-preview.ts'

export interface OwnWithdrawal extends WithdrawalPreview {
  outcome: 'withdrawn' | 'scheduled'
  /** The ledger's event. */
  eventId: string
  recordHash: string
}

/**
 * Withdraws a consent from the portal through the ledger's `withdrawConsent`
 * (channel `portal`, the subject — or its representative — as who withdraws,
 * `subject:<id>` as who recorded it), for exactly what the preview showed.
 * A form that does not take withdrawals through the portal is refused with
 * the channels it does take (TTC-9.2, TW-4.5) and nothing is written; one
 * refused because an obligation is open (TTC-9.1, KZK-2.3.5, art. 8(2)) is
 * recorded by the ledger as refused and comes back as
 * `DERBES_CONSENT_WITHDRAWAL_BLOCKED` with each reason.
 *
 * @example
 * const done = await withdrawOwnConsent(deps, session, target, { purposeId: 'advertising', channels: ['sms'] }, 'kk')
 */
export async function withdrawOwnConsent(deps: PortalDeps, session: SubjectSession, target: ActingFor, choice: WithdrawalChoice, language: Language): Promise<OwnWithdrawal> {
  const plan = await planWithdrawal(deps, session.operatorId, target, choice)
  if (!plan.online) {
    const { channels, clauses } = plan.form.withdrawal
    throw new DerbesError(
      'DERBES_CONSENT_WITHDRAWAL_CHANNEL_NOT_ALLOWED',
      `form '${plan.form.id}' is withdrawn by ${channels.join(' or ')}, not through the portal${clauses?.length ? ` (${clauses.join(', ')})` : ''}; the preview says how`,
      [{ pointer: '/params/purposeId', detail: `send the withdrawal by ${channels.join(' or ')}` }],
    )
  }
  const result = await withdrawConsent(deps, {
    operatorId: session.operatorId,
    subjectId: target.subjectId,
    formId: plan.form.id,
    ...plan.scope,
    via: 'portal',
    ...(choice.effectiveOn ? { effectiveOn: choice.effectiveOn } : {}),
    language,
    ...(target.representative ? { givenBy: { representativeId: target.representative.representativeId } } : {}),
    recordedBy: session.actor,
  })
  if (result.outcome === 'refused') {
    throw new DerbesError(
      'DERBES_CONSENT_WITHDRAWAL_BLOCKED',
      `the withdrawal is refused and recorded as consent event ${result.eventId}`,
      result.reasons.map((r) => ({ pointer: '/params/purposeId', detail: `${r.detail} (${r.clause})`, code: r.code })),
    )
  }
  const effectiveAt = result.record.effectiveAt
  return {
    ...toPreview(plan, target, choice.purposeId),
    outcome: result.outcome,
    effectiveAt: new Date(effectiveAt).toISOString(),
    eventId: result.eventId,
    recordHash: result.recordHash,
  }
}
