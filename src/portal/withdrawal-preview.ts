import type { Localized } from '../policy/render/index.ts'
import { WITHDRAWAL_BLOCKER_LABELS, WITHDRAWAL_CHANNEL_LABELS, WITHDRAWAL_CONSEQUENCE_LABELS } from '../policy/render/index.ts'
import type { ActingFor } from './acting-for.ts'
import { planWithdrawal, type WithdrawalChoice, type WithdrawalPlan } from './plan-withdrawal.ts'
import type { PortalDeps } from './portal-deps.ts'
import { PORTAL_TEXTS } from './portal-texts.ts'

/** What the subject is shown before confirming a withdrawal; every text in kk, ru and en. */
export interface WithdrawalPreview {
  subjectId: string
  purposeId: string
  formId: string
  formVersion: number
  formTitle: Localized
  /** What ends: each purpose and channel. */
  withdraws: { purposeId: string; purposeName: Localized; channel: string }[]
  /** The whole consent ends, not only this purpose: the form's consequences follow. */
  wholeForm: boolean
  /** What happens if confirmed now. */
  outcome: 'withdrawn' | 'scheduled' | 'refused' | 'not_online'
  outcomeText: Localized
  /** When it takes effect; null when it would be refused. */
  effectiveAt: string | null
  noticeBusinessDays: number
  /** Whether the portal is one of the form's withdrawal channels; if not, `channels`, `address`, `email` say how. */
  online: boolean
  channels: { channel: string; label: Localized }[]
  address: Localized | null
  email: string | null
  /** Why it would be refused now (TTC-9.1, KZK-2.3.5, art. 8(2)). */
  blockers: { code: string; clause: string; detail: string; text: Localized }[]
  /** The form's own words on when it cannot be withdrawn. */
  blockedByText: Localized | null
  /** What follows the withdrawal (ESP-9, TTC-9.3, PS-7.1): only when the whole consent ends. */
  consequences: { code: string; text: Localized }[]
  /** The form's own words on the consequences. */
  consequencesText: Localized | null
  clauses: string[]
}

/** The preview of a plan; the same words the withdrawal will then record. */
export function toPreview(plan: WithdrawalPlan, target: ActingFor, purposeId: string): WithdrawalPreview {
  const { form, policy } = plan
  const { outcome } = plan
  const named = (id: string): Localized => policy.purposes.get(id)?.name ?? { kk: id, ru: id, en: id }
  return {
    subjectId: target.subjectId,
    purposeId,
    formId: form.id,
    formVersion: form.version,
    formTitle: form.title,
    withdraws: plan.rows.map((r) => ({ purposeId: r.purposeId, purposeName: named(r.purposeId), channel: r.channel })),
    wholeForm: plan.whole,
    outcome,
    outcomeText: PORTAL_TEXTS.withdrawalOutcome[outcome],
    effectiveAt: plan.effectiveAt?.toISOString() ?? null,
    noticeBusinessDays: form.withdrawal.noticeBusinessDays ?? 0,
    online: plan.online,
    channels: form.withdrawal.channels.map((channel) => ({ channel, label: WITHDRAWAL_CHANNEL_LABELS[channel] })),
    address: form.withdrawal.address ?? null,
    email: form.withdrawal.email ?? null,
    blockers: plan.blockers.map((b) => ({ ...b, text: WITHDRAWAL_BLOCKER_LABELS[b.code as keyof typeof WITHDRAWAL_BLOCKER_LABELS] ?? PORTAL_TEXTS.otherBlocker })),
    blockedByText: plan.blockers.length > 0 ? (form.withdrawal.blockedByText ?? null) : null,
    consequences: plan.whole ? (form.withdrawal.consequences ?? []).map((code) => ({ code, text: WITHDRAWAL_CONSEQUENCE_LABELS[code] })) : [],
    consequencesText: plan.whole ? (form.withdrawal.consequencesText ?? null) : null,
    clauses: [...(form.withdrawal.clauses ?? form.clauses ?? [])],
  }
}

/**
 * What withdrawing a consent from the portal would do, before anything is
 * written: the consequences the form declares (ESP-9: the loyalty card is
 * blocked; TTC-9.3: the account is deleted; PS-7.1: the contract is
 * terminated), when it would take effect (ESP App.1 §5), whether it would be
 * refused now (TTC-9.1), and whether the portal may take it at all (TTC-9.2:
 * by registered letter or courier only) — in kk, ru and en.
 *
 * @example
 * const preview = await previewWithdrawal(deps, 'esp', target, { purposeId: 'loyalty' })
 * preview.consequences.map((c) => c.code) // ['loyalty_ended', 'loyalty_card_blocked', 'discounts_stopped', 'reconsent_required']
 */
export async function previewWithdrawal(deps: PortalDeps, operatorId: string, target: ActingFor, choice: WithdrawalChoice): Promise<WithdrawalPreview> {
  return toPreview(await planWithdrawal(deps, operatorId, target, choice), target, choice.purposeId)
}
