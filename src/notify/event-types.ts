import { WITHDRAWAL_CONSEQUENCES } from '../policy/index.ts'

/**
 * Every event Derbes emits through its outbox (webhooks, NATS JetStream).
 * Events carry ids, kinds and dates — never personal-data values. A
 * withdrawal's consequences from the policy (ESP-9 loyalty card blocked,
 * TTC-9.3 account deleted, PS-7.1 contract ended) are events of their own, so
 * the operator's systems can act on them.
 */
export const EVENT_TYPES = [
  'subject.registered',
  'subject.updated',
  'subject.blocked',
  'subject.unblocked',
  'subject.anonymised',
  'subject.destroyed',
  'data.collected',
  'data.changed',
  'consent.given',
  'consent.refused',
  'consent.withdrawn',
  'consent.withdrawal_scheduled',
  'consent.withdrawal_refused',
  'consent.expired',
  'consent.reaffirmed',
  'cookie_consent.recorded',
  // data subject requests (issue 4): intake, each state change, and the deadline clock
  'request.received',
  'request.state_changed',
  'request.answered',
  'request.refused',
  'request.due_soon',
  'request.overdue',
  'data.transferred',
  // fulfilment: a task failed (retried, or failed for good and waiting for staff); a recipient told of a change (TW-9.4)
  'request.task_failed',
  'recipient.notified',
  // e-mail to a subject: accepted by the SMTP server, or failed for good after every retry (src/notify/email/)
  'email.sent',
  'email.failed',
  // retention runs (issue 5 §2–§3): a run finished; a subject's step failed in a system (kept, retried next run); items of a subject destroyed; a destruction act made and signed
  'retention.run_finished',
  'retention.item_failed',
  'retention.items_destroyed',
  'retention.act_created',
  'retention.act_signed',
  // a subject found under the policy's minimum age without a representative's consent, and the end of that flag (TTC-10.4, KZK-1.13)
  'subject.minor_flagged',
  'subject.minor_flag_cleared',
  // the breach register (issue 5 item 6): registered, changed, the authority notice's clock (art. 25(2)(8)), subject notices (KZK-6.1)
  'incident.registered',
  'incident.subjects_resolved',
  'incident.measure_added',
  'incident.status_changed',
  'incident.authority_notified',
  'incident.subject_notices_queued',
  'incident.deadline_approaching',
  'incident.overdue',
  ...WITHDRAWAL_CONSEQUENCES.map((c) => `consequence.${c}` as const),
] as const
export type EventType = (typeof EVENT_TYPES)[number]

const KNOWN: ReadonlySet<string> = new Set(EVENT_TYPES)

export function isEventType(value: string): value is EventType {
  return KNOWN.has(value)
}
