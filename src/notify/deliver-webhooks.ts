import { sql, type Kysely } from 'kysely'
import type { Database } from '../db/index.ts'
import type { KeyProvider } from '../subjects/crypto/index.ts'
import { eventMessage, type SequencedEvent } from './event-message.ts'
import { postWebhook, signedHeaders, type PostOutcome } from './post-webhook.ts'
import { DEFAULT_BACKOFF_MS, retryDelayMs } from './webhook-backoff.ts'
import { openWebhookSecret } from './webhook-secret.ts'

export interface DeliverySettings {
  /** Each POST must be answered within this. */
  timeoutMs: number
  /** After this many failed attempts a delivery is 'failed' (visible, retryable by hand). */
  maxAttempts: number
  backoffMs: readonly number[]
  /** Deliveries claimed, and sent in parallel, per pass. */
  batchSize: number
}

export const DEFAULT_DELIVERY_SETTINGS: DeliverySettings = { timeoutMs: 10_000, maxAttempts: 10, backoffMs: DEFAULT_BACKOFF_MS, batchSize: 20 }

export interface WebhookDeliveryDeps {
  db: Kysely<Database>
  keys: KeyProvider
  fetch?: typeof fetch
}

/** A delivery this process owns for one attempt; `attempts` is its fencing token. */
export interface ClaimedDelivery {
  operator_id: string
  delivery_id: string
  webhook_id: string
  event_id: string
  attempts: number
}

/**
 * Claims due deliveries for one attempt each: `for update skip locked`, so
 * concurrent processes never take the same row, and a lease
 * (`next_attempt_at` moved past the request's timeout), so no one else takes
 * it while the attempt runs. A process that dies mid-attempt leaves the row
 * 'delivering' with an expired lease: it is claimed again — at-least-once.
 */
export async function claimDueDeliveries(db: Kysely<Database>, now: Date, settings: Pick<DeliverySettings, 'timeoutMs' | 'batchSize'>): Promise<ClaimedDelivery[]> {
  const leaseUntil = new Date(now.getTime() + leaseMs(settings.timeoutMs))
  const claimed = await sql<ClaimedDelivery>`
    update webhook_deliveries d
    set status = 'delivering', attempts = d.attempts + 1, last_attempt_at = ${now}, next_attempt_at = ${leaseUntil}
    from (
      select operator_id, delivery_id from webhook_deliveries
      where status in ('pending', 'delivering') and next_attempt_at <= ${now}
      order by next_attempt_at
      limit ${settings.batchSize}
      for update skip locked
    ) due
    where d.operator_id = due.operator_id and d.delivery_id = due.delivery_id
    returning d.operator_id, d.delivery_id, d.webhook_id, d.event_id, d.attempts`.execute(db)
  return claimed.rows.map((row) => ({ ...row, attempts: Number(row.attempts) }))
}

/** The lease outlasts the request's timeout, with room for a slow event loop. */
const leaseMs = (timeoutMs: number) => timeoutMs * 2 + 30_000

export interface DeliveryCounts {
  delivered: number
  retrying: number
  failed: number
}

/**
 * One pass: claims due deliveries and sends them, signed, in parallel, then
 * records each outcome. `now` is the dispatcher's clock: it decides what is
 * due, stamps `webhook-timestamp` and schedules retries.
 */
export async function deliverDueWebhooks(deps: WebhookDeliveryDeps, now: Date, settings: DeliverySettings = DEFAULT_DELIVERY_SETTINGS): Promise<DeliveryCounts> {
  const claimed = await claimDueDeliveries(deps.db, now, settings)
  const counts: DeliveryCounts = { delivered: 0, retrying: 0, failed: 0 }
  if (claimed.length === 0) return counts
  const events = await deps.db
    .selectFrom('event_outbox')
    .select(['operator_id', 'event_id', 'type', 'subject_id', 'occurred_at', 'data', 'position'])
    .where('event_id', 'in', claimed.map((c) => c.event_id))
    .execute()
  const endpoints = await deps.db
    .selectFrom('webhook_endpoints')
    .select(['operator_id', 'webhook_id', 'url', 'secret_key_id', 'wrapped_secret'])
    .where('webhook_id', 'in', claimed.map((c) => c.webhook_id))
    .execute()
  const eventOf = new Map(events.map((e) => [`${e.operator_id}/${e.event_id}`, e as SequencedEvent]))
  const endpointOf = new Map(endpoints.map((w) => [`${w.operator_id}/${w.webhook_id}`, w]))

  await Promise.all(
    claimed.map(async (claim) => {
      const event = eventOf.get(`${claim.operator_id}/${claim.event_id}`)
      const endpoint = endpointOf.get(`${claim.operator_id}/${claim.webhook_id}`)
      if (!endpoint) return // deleted meanwhile, its deliveries with it
      let outcome: PostOutcome
      try {
        if (!event) throw new Error(`event ${claim.event_id} is no longer in the outbox`)
        const secret = await openWebhookSecret(deps.keys, claim.operator_id, { keyId: endpoint.secret_key_id, wrapped: endpoint.wrapped_secret })
        const body = JSON.stringify(eventMessage(event))
        outcome = await postWebhook(endpoint.url, body, signedHeaders(secret, event.event_id, now, body), settings.timeoutMs, deps.fetch)
      } catch (error) {
        outcome = { ok: false, statusCode: null, error: (error as Error).message }
      }
      counts[await recordOutcome(deps.db, claim, outcome, now, settings)]++
    }),
  )
  return counts
}

/**
 * Records an attempt's outcome — only if this process still owns the attempt
 * (same `attempts`, still 'delivering'): a late answer after the lease ran out
 * and another process took over changes nothing.
 */
export async function recordOutcome(db: Kysely<Database>, claim: ClaimedDelivery, outcome: PostOutcome, now: Date, settings: Pick<DeliverySettings, 'maxAttempts' | 'backoffMs'>): Promise<keyof DeliveryCounts> {
  const gaveUp = claim.attempts >= settings.maxAttempts
  const state: keyof DeliveryCounts = outcome.ok ? 'delivered' : gaveUp ? 'failed' : 'retrying'
  await db
    .updateTable('webhook_deliveries')
    .set({
      status: state === 'retrying' ? 'pending' : state,
      next_attempt_at: state === 'retrying' ? new Date(now.getTime() + retryDelayMs(claim.attempts, settings.backoffMs)) : null,
      last_status_code: outcome.statusCode,
      last_error: outcome.error,
      ...(outcome.ok ? { delivered_at: now } : {}),
    })
    .where('operator_id', '=', claim.operator_id)
    .where('delivery_id', '=', claim.delivery_id)
    .where('attempts', '=', claim.attempts)
    .where('status', '=', 'delivering')
    .execute()
  return state
}
