import { DerbesError } from '../../errors/index.ts'
import type { BusinessCalendar, LocalDate } from '../../kz/index.ts'
import type { ConsentForm, WithdrawalChannel } from '../../policy/index.ts'
import type { Obligation } from './obligations.ts'
import { startOfAlmatyDay } from './start-of-almaty-day.ts'

export interface WithdrawalRefusalReason {
  code: string
  clause: string
  detail: string
}

/** The clauses a form's withdrawal rules come from, and the article that allows a refusal at all. */
function withdrawalClauses(form: ConsentForm): string {
  const clauses = form.withdrawal.clauses ?? form.clauses ?? []
  return [...clauses, 'Law 94-V art. 8(2)'].join('; ')
}

/**
 * A withdrawal counts only when it arrives by a channel the form names
 * (TTC-9.2: registered mail or courier; TW-4.5: post or an electronic
 * document; ESP App.1: a written application).
 */
export function checkWithdrawalChannel(form: ConsentForm, via: WithdrawalChannel): void {
  const channels = form.withdrawal.channels
  if (channels.includes(via)) return
  throw new DerbesError('DERBES_CONSENT_WITHDRAWAL_CHANNEL_NOT_ALLOWED', `form '${form.id}' is withdrawn by ${channels.join(' or ')}`, [
    { pointer: '/body/via', detail: `'${via}' is not a withdrawal channel of form '${form.id}' (${channels.join(', ')}; ${(form.withdrawal.clauses ?? []).join(', ') || 'the form'})` },
  ])
}

/**
 * Why a withdrawal must be refused now: each open obligation, when the form
 * says an unfulfilled obligation blocks withdrawal (TTC-9.1, KZK-2.3.5;
 * art. 8(2) allows no other ground but a contradiction with law, which staff
 * decide and this does not guess). Empty when the withdrawal may proceed.
 */
export function withdrawalBlockers(form: ConsentForm, openObligations: readonly Obligation[]): WithdrawalRefusalReason[] {
  if (!form.withdrawal.blockedBy?.includes('unfulfilled_obligation')) return []
  return openObligations.map((o) => ({
    code: 'unfulfilled_obligation',
    clause: withdrawalClauses(form),
    detail: `obligation '${o.obligationId}' (${o.kind}) open since ${o.openedAt} is not fulfilled`,
  }))
}

/**
 * When a withdrawal takes effect: at once, or — with a notice period — at
 * the start (Almaty time) of the n-th business day after receipt (ESP App.1
 * §5: 10 business days; holidays and moved days off skipped), or on a later
 * day the subject asked for.
 *
 * @example
 * withdrawalEffectiveAt(espForm, calendar, new Date('2026-03-20T05:00:00Z'), now) // 2026-04-07T19:00:00Z (8 April in Almaty)
 */
export function withdrawalEffectiveAt(form: ConsentForm, calendar: BusinessCalendar, receivedAt: Date, now: Date, requestedDay?: LocalDate): Date {
  const notice = form.withdrawal.noticeBusinessDays ?? 0
  if (notice === 0 && !requestedDay) return now
  let day = notice > 0 ? calendar.dueAt(receivedAt, notice) : undefined
  if (requestedDay && (!day || requestedDay > day)) day = requestedDay
  const at = startOfAlmatyDay(day!)
  return at > now ? at : now
}
