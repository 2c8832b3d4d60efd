import { listObligations, readConsentState, withdrawalBlockers, withdrawalEffectiveAt, type ConsentStateRow } from '../consent/index.ts'
import { DerbesError } from '../errors/index.ts'
import type { LocalDate } from '../kz/index.ts'
import { getPublishedVersion } from '../operators/index.ts'
import type { CompiledPolicy, ConsentForm } from '../policy/index.ts'
import type { ActingFor } from './acting-for.ts'
import type { PortalDeps } from './portal-deps.ts'

/** What the subject asks to withdraw in the portal. */
export interface WithdrawalChoice {
  purposeId: string
  /** Some channels of a marketing purpose only (TTC-9.4: marketing by SMS); all of the purpose's when absent. */
  channels?: readonly string[] | undefined
  /** The whole consent the purpose was given on, with every purpose it covers. */
  wholeForm?: boolean | undefined
  /** Which form, when the purpose is in force on two (ESP: advertising on App.1 and on the marketing form). */
  formId?: string | undefined
  /** A later day to take effect on (ESP App.1 §5). */
  effectiveOn?: LocalDate | undefined
}

/** The withdrawal as the ledger will see it: which form, what of it, whether whole, and what the form says will follow. */
export interface WithdrawalPlan {
  policy: CompiledPolicy
  form: ConsentForm
  /** The rows in force the withdrawal ends. */
  rows: ConsentStateRow[]
  /** Everything the form holds in force ends: the ledger then records the form's consequences (ESP-9, TTC-9.3, PS-7.1). */
  whole: boolean
  /** What `withdrawConsent` is asked for: nothing (the whole form), purposes, or channels. */
  scope: { purposes?: string[]; channels?: Record<string, string[]> }
  online: boolean
  blockers: { code: string; clause: string; detail: string }[]
  effectiveAt: Date | null
  /** What confirming now would do. */
  outcome: 'withdrawn' | 'scheduled' | 'refused' | 'not_online'
}

/**
 * Works out a portal withdrawal before anything is written — for the
 * preview the subject sees before confirming, and for the withdrawal itself,
 * so the two never disagree: the form the purpose is in force on, whether it
 * ends everything that form holds (then the form's consequences follow:
 * ESP-9 loyalty card blocked, TTC-9.3 account deleted, PS-7.1 contract
 * terminated), whether the portal is one of the form's withdrawal channels
 * (TTC-9.2 and TW-4.5 name theirs), what would refuse it now (TTC-9.1,
 * KZK-2.3.5: an open obligation; art. 8(2)), and when it takes effect
 * (ESP App.1 §5: 10 business days' notice).
 */
export async function planWithdrawal(deps: PortalDeps, operatorId: string, target: ActingFor, choice: WithdrawalChoice): Promise<WithdrawalPlan> {
  const { compiled: policy } = await getPublishedVersion(deps, operatorId)
  if (!policy.purposes.has(choice.purposeId)) {
    throw new DerbesError('DERBES_PORTAL_PURPOSE_UNKNOWN', `'${choice.purposeId}' is not a purpose of the published policy`, [{ pointer: '/params/purposeId', detail: 'unknown purpose' }])
  }
  const inForce = await readConsentState(deps.db, operatorId, target.subjectId, ['given'])
  const ofPurpose = inForce.filter((r) => r.purposeId === choice.purposeId && (choice.formId === undefined || r.formId === choice.formId))
  const chosen = choice.channels ? ofPurpose.filter((r) => choice.channels!.includes(r.channel)) : ofPurpose
  if (chosen.length === 0) {
    throw new DerbesError('DERBES_CONSENT_NOT_ACTIVE', `no consent is in force for '${choice.purposeId}'${choice.channels ? ` by ${choice.channels.join(', ')}` : ''}`)
  }
  const formIds = [...new Set(chosen.map((r) => r.formId))]
  if (formIds.length > 1) {
    throw new DerbesError('DERBES_VALIDATION', `'${choice.purposeId}' is in force on the forms ${formIds.join(', ')}: name one`, [{ pointer: '/formId', detail: `one of ${formIds.join(', ')}` }])
  }
  const form = policy.consentForms.get(formIds[0]!)
  if (!form) throw new DerbesError('DERBES_CONSENT_FORM_NOT_FOUND', `the published policy no longer has form '${formIds[0]}'`)
  const ofForm = inForce.filter((r) => r.formId === form.id)
  const whole = choice.wholeForm === true || ofForm.every((r) => chosen.includes(r))
  const rows = whole ? ofForm : chosen
  const perChannel = chosen.some((r) => r.channel !== '')
  const scope = whole ? {} : perChannel ? { channels: { [choice.purposeId]: chosen.map((r) => r.channel) } } : { purposes: [choice.purposeId] }
  const now = deps.clock()
  const blockers = withdrawalBlockers(form, await listObligations(deps.db, operatorId, target.subjectId, { open: true }))
  const online = form.withdrawal.channels.includes('portal')
  const effectiveAt = blockers.length > 0 ? null : withdrawalEffectiveAt(form, deps.calendar, now, now, choice.effectiveOn)
  return {
    policy,
    form,
    rows,
    whole,
    scope,
    online,
    blockers,
    effectiveAt,
    outcome: !online ? 'not_online' : effectiveAt === null ? 'refused' : effectiveAt > now ? 'scheduled' : 'withdrawn',
  }
}
