import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database } from '../db/index.ts'

/**
 * Turns sequenced outbox events into one pending delivery per matching
 * webhook endpoint (its `eventTypes`, or all), due at `now`, and moves the
 * 'webhooks' cursor past them — all in one transaction, so a crash leaves
 * either both or neither. The process holding the cursor row works
 * (`for update skip locked`); others return 0. An endpoint receives the
 * events that reach this step after it was created.
 *
 * @example
 * await sequenceOutbox(db)
 * await fanOutEvents(db, now) // → 3 events fanned out
 */
export async function fanOutEvents(db: Kysely<Database>, now: Date, limit = 500): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const cursor = await trx.selectFrom('event_cursors').select('position').where('name', '=', 'webhooks').forUpdate().skipLocked().executeTakeFirst()
    if (!cursor) return 0
    const events = await trx
      .selectFrom('event_outbox')
      .select(['operator_id', 'event_id', 'type', 'position'])
      .where('position', '>', Number(cursor.position))
      .orderBy('position')
      .limit(limit)
      .execute()
    if (events.length === 0) return 0
    const operators = [...new Set(events.map((e) => e.operator_id))]
    const endpoints = await trx.selectFrom('webhook_endpoints').select(['operator_id', 'webhook_id', 'event_types']).where('operator_id', 'in', operators).execute()
    const deliveries = events.flatMap((event) =>
      endpoints
        .filter((w) => w.operator_id === event.operator_id && (w.event_types === null || w.event_types.includes(event.type)))
        .map((w) => ({
          operator_id: event.operator_id,
          delivery_id: `dlv_${randomUUID()}`,
          webhook_id: w.webhook_id,
          event_id: event.event_id,
          event_position: Number(event.position),
          status: 'pending' as const,
          next_attempt_at: now,
          created_at: now,
        })),
    )
    for (let start = 0; start < deliveries.length; start += 1000) {
      await trx
        .insertInto('webhook_deliveries')
        .values(deliveries.slice(start, start + 1000))
        .onConflict((oc) => oc.columns(['operator_id', 'webhook_id', 'event_id']).doNothing())
        .execute()
    }
    await trx.updateTable('event_cursors').set({ position: Number(events[events.length - 1]!.position) }).where('name', '=', 'webhooks').execute()
    return events.length
  })
}
