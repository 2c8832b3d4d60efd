import type { Kysely, Selectable } from 'kysely'
import type { Database } from '../db/index.ts'
import { DerbesError } from '../errors/index.ts'
import type { DeliveryStatus, WebhookDeliveriesTable } from './notify-tables.ts'
import { requireWebhookEndpoint } from './webhook-endpoints.ts'

export interface DeliveryView {
  deliveryId: string
  eventId: string
  eventType: string
  /** The event's position, as in the pull feed. */
  seq: number
  status: DeliveryStatus
  attempts: number
  lastAttemptAt: string | null
  nextAttemptAt: string | null
  lastStatusCode: number | null
  lastError: string | null
  deliveredAt: string | null
  createdAt: string
}

export const MAX_DELIVERY_PAGE = 500

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString())

/** An endpoint's deliveries, newest event first; `before` (a seq) pages back. */
export async function listDeliveries(
  db: Kysely<Database>,
  operatorId: string,
  webhookId: string,
  query: { before?: number; limit?: number; status?: DeliveryStatus } = {},
): Promise<{ deliveries: DeliveryView[]; nextBefore: number | null }> {
  await requireWebhookEndpoint(db, operatorId, webhookId)
  const limit = Math.min(Math.max(query.limit ?? 50, 1), MAX_DELIVERY_PAGE)
  let select = selectDeliveries(db)
    .where('d.operator_id', '=', operatorId)
    .where('d.webhook_id', '=', webhookId)
    .orderBy('d.event_position', 'desc')
    .limit(limit)
  if (query.before !== undefined) select = select.where('d.event_position', '<', query.before)
  if (query.status !== undefined) select = select.where('d.status', '=', query.status)
  const deliveries = (await select.execute()).map(toDeliveryView)
  return { deliveries, nextBefore: deliveries.length === limit ? deliveries[deliveries.length - 1]!.seq : null }
}

/**
 * Sends a delivery again as soon as the dispatcher runs: a 'failed' one gets
 * one more attempt (failing again, it is 'failed' again), a 'delivered' one is
 * re-sent (a receiver that lost it), a 'pending' one stops waiting out its
 * back-off. One being sent right now is refused: it would go out twice at once.
 */
export async function retryDelivery(db: Kysely<Database>, operatorId: string, webhookId: string, deliveryId: string, now: Date): Promise<DeliveryView> {
  const result = await db
    .updateTable('webhook_deliveries')
    .set({ status: 'pending', next_attempt_at: now })
    .where('operator_id', '=', operatorId)
    .where('webhook_id', '=', webhookId)
    .where('delivery_id', '=', deliveryId)
    .where('status', '<>', 'delivering')
    .executeTakeFirst()
  if (result.numUpdatedRows === 0n) {
    const row = await db.selectFrom('webhook_deliveries').select('status').where('operator_id', '=', operatorId).where('webhook_id', '=', webhookId).where('delivery_id', '=', deliveryId).executeTakeFirst()
    if (!row) throw new DerbesError('DERBES_WEBHOOK_DELIVERY_NOT_FOUND', `webhook '${webhookId}' has no delivery '${deliveryId}'`)
    throw new DerbesError('DERBES_WEBHOOK_DELIVERY_IN_FLIGHT', `delivery '${deliveryId}' is being sent right now; retry after it ends`)
  }
  const row = await selectDeliveries(db)
    .where('d.operator_id', '=', operatorId)
    .where('d.delivery_id', '=', deliveryId)
    .executeTakeFirstOrThrow()
  return toDeliveryView(row)
}

function selectDeliveries(db: Kysely<Database>) {
  return db
    .selectFrom('webhook_deliveries as d')
    .innerJoin('event_outbox as e', (join) => join.onRef('e.operator_id', '=', 'd.operator_id').onRef('e.event_id', '=', 'd.event_id'))
    .selectAll('d')
    .select('e.type')
}

function toDeliveryView(row: Selectable<WebhookDeliveriesTable> & { type: string }): DeliveryView {
  return {
    deliveryId: row.delivery_id,
    eventId: row.event_id,
    eventType: row.type,
    seq: Number(row.event_position),
    status: row.status,
    attempts: Number(row.attempts),
    lastAttemptAt: iso(row.last_attempt_at),
    nextAttemptAt: iso(row.next_attempt_at),
    lastStatusCode: row.last_status_code,
    lastError: row.last_error,
    deliveredAt: iso(row.delivered_at),
    createdAt: iso(row.created_at)!,
  }
}
