import { randomUUID } from 'node:crypto'
import { DerbesError } from '../../errors/index.ts'
import { almatyDate, type LocalDate } from '../../kz/index.ts'
import type { WithdrawalChannel } from '../../policy/index.ts'
import { consentTextHash } from '../evidence/index.ts'
import { appendConsentEvent } from './append-consent-event.ts'
import { buildConsentRecord, type Language } from './build-consent-record.ts'
import { resolveConsentScope } from './consent-scope.ts'
import { chooseConsentingParty, lockSubject, representativesOf } from './consenting-party.ts'
import type { LedgerDeps } from './ledger-deps.ts'
import { listObligations } from './obligations.ts'
import { readConsentState, writeConsentState, type ConsentStateRow } from './project-consent-state.ts'
import { publishedForm } from './published-form.ts'
import type { ConsentResult } from './record-consent-decision.ts'
import { checkWithdrawalChannel, withdrawalBlockers, withdrawalEffectiveAt, type WithdrawalRefusalReason } from './withdrawal-rules.ts'

export interface WithdrawalRequest {
  operatorId: string
  subjectId: string
  formId: string
  /** Some purposes only; all of the form's when absent. */
  purposes?: readonly string[] | undefined
  /** Some channels of a marketing purpose only (TTC-9.4: marketing by SMS, say). */
  channels?: Readonly<Record<string, readonly string[]>> | undefined
  /** How the withdrawal arrived; must be one of the form's channels (TTC-9.2, TW-4.5). */
  via: WithdrawalChannel
  /** When it was received (a registered letter registered later by staff); now when absent. */
  receivedAt?: Date | undefined
  /** A later day the subject asks the withdrawal to take effect on (ESP App.1 §5). */
  effectiveOn?: LocalDate | undefined
  language?: Language | undefined
  /** A representative withdrawing for the subject. */
  givenBy?: { representativeId: string } | undefined
  recordedBy: string
}

export type WithdrawalResult = ConsentResult & {
  outcome: 'withdrawn' | 'scheduled' | 'refused'
  /** Why it was refused (TTC-9.1, KZK-2.3.5, art. 8(2)). */
  reasons: WithdrawalRefusalReason[]
}

/**
 * Withdraws consent for a whole form, some purposes, or one marketing channel
 * (TTC-9.4), as the form's withdrawal rules say: only by its channels
 * (TTC-9.2, TW-4.5); refused while an obligation is open when the form says
 * so (TTC-9.1, KZK-2.3.5, art. 8(2)) — then a 'withdrawal_refused' event is
 * recorded and `outcome` is 'refused'; with a notice period it is scheduled
 * (ESP App.1 §5, 'withdrawal_pending' until `applyDueWithdrawals`); otherwise
 * it takes effect at once. A whole-form withdrawal emits the form's
 * consequences as events (ESP-9, TTC-9.3, PS-7.1).
 *
 * @example
 * const result = await withdrawConsent(deps, { operatorId: 'ttc', subjectId, formId: 'app-2', via: 'registered_mail', recordedBy: 'staff:7' })
 * if (result.outcome === 'refused') console.log(result.reasons)
 */
export async function withdrawConsent(deps: LedgerDeps, request: WithdrawalRequest): Promise<WithdrawalResult> {
  const { operatorId, subjectId } = request
  const { policy, form } = await publishedForm(deps, operatorId, request.formId)
  checkWithdrawalChannel(form, request.via)
  // Channels alone name their purposes: "stop marketing SMS" is not "withdraw everything else".
  const purposes = request.purposes ?? (request.channels ? Object.keys(request.channels) : undefined)
  const asked = resolveConsentScope(policy, form, { purposes, channels: request.channels, countries: [] })
  const now = deps.clock()
  const receivedAt = request.receivedAt ?? now
  if (receivedAt > now) throw new DerbesError('DERBES_VALIDATION', 'a withdrawal cannot be received in the future', [{ pointer: '/body/receivedAt', detail: 'is after now' }])
  const wanted = (row: ConsentStateRow) =>
    asked.purposes.some((p) => p.id === row.purposeId) && (asked.channelsByPurpose[row.purposeId]?.includes(row.channel) ?? row.channel === '')
  const whole = request.purposes === undefined && request.channels === undefined
  const language = request.language ?? 'kk'

  return deps.db.transaction().execute(async (trx) => {
    const subject = await lockSubject(trx, operatorId, subjectId, ['active', 'blocked'])
    const givenBy = request.givenBy
      ? chooseConsentingParty(policy, form, subject, await representativesOf(trx, operatorId, subjectId), request.givenBy, almatyDate(now))
      : ({ kind: 'subject' } as const)
    const inForce = (await readConsentState(trx, operatorId, subjectId, ['given'])).filter(wanted)
    if (inForce.length === 0) throw new DerbesError('DERBES_CONSENT_NOT_ACTIVE', `subject '${subjectId}' has no consent in force for what form '${form.id}' withdrawal names`)
    const reasons = withdrawalBlockers(form, await listObligations(trx, operatorId, subjectId, { open: true }))
    const effectiveAt = reasons.length > 0 ? now : withdrawalEffectiveAt(form, deps.calendar, receivedAt, now, request.effectiveOn)
    const kind = reasons.length > 0 ? 'withdrawal_refused' : effectiveAt > now ? 'withdrawal_requested' : 'withdrawn'
    const channels: Record<string, string[]> = {}
    for (const r of inForce) if (r.channel !== '') (channels[r.purposeId] ??= []).push(r.channel)
    const scope = resolveConsentScope(policy, form, { purposes: [...new Set(inForce.map((r) => r.purposeId))], channels, countries: [] })
    const eventId = randomUUID()
    const record = buildConsentRecord({
      eventId,
      kind,
      policy,
      form,
      language,
      textHash: consentTextHash(form, language),
      subject: { id: subjectId, kind: subject.kind },
      givenBy,
      scope,
      expiresAt: null,
      method: null,
      evidence: {},
      recordedAt: now,
      effectiveAt,
      recordedBy: request.recordedBy,
      sealed: null,
      withdrawal: {
        channel: request.via,
        noticeBusinessDays: form.withdrawal.noticeBusinessDays ?? 0,
        ...(reasons.length > 0 ? { refusedFor: reasons } : {}),
        ...(reasons.length === 0 && whole ? { consequences: [...(form.withdrawal.consequences ?? [])] } : {}),
        ...(request.receivedAt ? { receivedAt: receivedAt.toISOString() } : {}),
      },
      previousEventIds: [...new Set(inForce.map((r) => r.eventId))],
    })
    const appended = await appendConsentEvent(trx, operatorId, record)
    const state = kind === 'withdrawal_refused' ? [] : inForce.map((r) => ({
      ...r,
      status: kind === 'withdrawn' ? ('withdrawn' as const) : ('withdrawal_pending' as const),
      eventId,
      withdrawalEffectiveAt: effectiveAt,
    }))
    await writeConsentState(trx, operatorId, subjectId, state, now)
    return { ...appended, state, reasons, outcome: kind === 'withdrawal_refused' ? 'refused' : kind === 'withdrawn' ? 'withdrawn' : 'scheduled' }
  })
}
