import { sql, type RawBuilder } from 'kysely'
import type { HousekeepingPeriods } from './housekeeping-periods.ts'

/** What housekeeping removes, each kind named as its counts are reported and audited. */
export const PRUNABLE_KINDS = [
  'staffSessions',
  'portalSessions',
  'signInCodes',
  'addressTakes',
  'signInEmails',
  'smsChallenges',
  'smsMessages',
  'deadlineNotices',
  'webhookDeliveries',
  'events',
] as const
export type PrunableKind = (typeof PRUNABLE_KINDS)[number]

/** One kind: its table and which of an operator's rows are past keeping at `now`. */
export interface Prunable {
  kind: PrunableKind
  table: string
  /** A condition on the table's rows (aliased `t`); the operator is added by the caller. */
  due(now: Date, periods: HousekeepingPeriods): RawBuilder<boolean>
}

const DAY_MS = 86_400_000
const HOUR_MS = 3_600_000
const before = (now: Date, days: number) => new Date(now.getTime() - days * DAY_MS)

/**
 * The kinds in the order they are pruned: deliveries before the events they
 * carried, so an event goes only once nothing refers to it. Kept always:
 * e-mails that answer a request or tell a subject of a breach (the proof an
 * answer or a notice went, art. 25 and KZK-6.1), failed deliveries (staff may
 * send them again), events a consumer — webhooks, NATS — has not passed, and
 * every unsent message whose code still counts.
 */
export const PRUNABLES: readonly Prunable[] = [
  {
    kind: 'staffSessions',
    table: 'staff_sessions',
    due: (now, p) => sql<boolean>`least(coalesce(t.ended_at, t.expires_at), t.expires_at) < ${before(now, p.sessionDays)}`,
  },
  {
    kind: 'portalSessions',
    table: 'portal_sessions',
    due: (now, p) => sql<boolean>`least(coalesce(t.ended_at, t.expires_at), t.expires_at) < ${before(now, p.sessionDays)}`,
  },
  { kind: 'signInCodes', table: 'portal_sign_in_codes', due: (now, p) => sql<boolean>`t.expires_at < ${before(now, p.codeDays)}` },
  // Counted over the last hour only (portal-rate-limits.ts): older takes are of no use, whatever the periods.
  { kind: 'addressTakes', table: 'portal_address_takes', due: (now) => sql<boolean>`t.taken_at < ${new Date(now.getTime() - HOUR_MS)}` },
  {
    kind: 'signInEmails',
    table: 'email_outbox',
    // A code lives minutes: its e-mail, sent or never sendable, is of no use a period later. One being sent is left to finish.
    due: (now, p) => sql<boolean>`t.purpose = 'portal_sign_in_code' and t.status <> 'sending' and t.created_at < ${before(now, p.codeDays)}`,
  },
  { kind: 'smsChallenges', table: 'sms_challenges', due: (now, p) => sql<boolean>`t.expires_at < ${before(now, p.codeDays)}` },
  { kind: 'smsMessages', table: 'sms_outbox', due: (now, p) => sql<boolean>`t.expires_at < ${before(now, p.codeDays)}` },
  {
    kind: 'deadlineNotices',
    table: 'email_outbox',
    due: (now, p) => sql<boolean>`t.purpose = 'request_deadline_notice' and t.status = 'sent' and t.sent_at < ${before(now, p.noticeDays)}`,
  },
  {
    kind: 'webhookDeliveries',
    table: 'webhook_deliveries',
    due: (now, p) => sql<boolean>`t.status = 'delivered' and t.delivered_at < ${before(now, p.eventDays)}`,
  },
  {
    kind: 'events',
    table: 'event_outbox',
    // Passed by every cursor (the webhook fan-out, each NATS sink; the sequencer's is the highest) and no delivery left.
    due: (now, p) => sql<boolean>`t.occurred_at < ${before(now, p.eventDays)}
      and t.position <= (select coalesce(min(c.position), 0) from event_cursors c)
      and not exists (select 1 from webhook_deliveries d where d.operator_id = t.operator_id and d.event_id = t.event_id)`,
  },
]
