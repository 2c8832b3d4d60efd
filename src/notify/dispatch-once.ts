import { deliverDueWebhooks, DEFAULT_DELIVERY_SETTINGS, type DeliverySettings, type WebhookDeliveryDeps } from './deliver-webhooks.ts'
import { fanOutEvents } from './fan-out-events.ts'
import type { NatsSink } from './nats-sink.ts'
import { sequenceOutbox } from './sequence-outbox.ts'

export interface EventDispatcherDeps extends WebhookDeliveryDeps {
  /** The NATS JetStream sink, when configured. */
  nats?: NatsSink | null
}

export interface DispatchResult {
  /** Outbox events that got their position. */
  sequenced: number
  /** Events turned into webhook deliveries. */
  fannedOut: number
  delivered: number
  retrying: number
  failed: number
  /** Events acknowledged by JetStream. */
  published: number
}

/**
 * One pass of the dispatcher at time `now`: sequence new outbox events, fan
 * them out to webhook endpoints, send the due deliveries, publish to NATS.
 * All state is in the database, so any process may run a pass at any time;
 * tests call it directly with a fixed clock.
 *
 * @example
 * const result = await dispatchOnce({ db, keys }, new Date('2026-12-02T10:00:00Z'))
 * // { sequenced: 2, fannedOut: 2, delivered: 2, retrying: 0, failed: 0, published: 0 }
 */
export async function dispatchOnce(deps: EventDispatcherDeps, now: Date, settings: DeliverySettings = DEFAULT_DELIVERY_SETTINGS): Promise<DispatchResult> {
  const sequenced = await sequenceOutbox(deps.db)
  const fannedOut = await fanOutEvents(deps.db, now)
  const { delivered, retrying, failed } = await deliverDueWebhooks(deps, now, settings)
  const published = deps.nats ? await deps.nats.publishPending(deps.db, now) : 0
  return { sequenced, fannedOut, delivered, retrying, failed, published }
}
