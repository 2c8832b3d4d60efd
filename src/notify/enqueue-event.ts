import { randomUUID } from 'node:crypto'
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../db/index.ts'
import { DerbesError } from '../errors/index.ts'
import { isEventType, type EventType } from './event-types.ts'

export interface OutboxEvent {
  operatorId: string
  type: EventType
  subjectId?: string | null
  occurredAt: Date
  /** Ids, kinds and dates only — never personal-data values. */
  data?: Record<string, unknown>
}

/**
 * Puts an event in the outbox. Call it INSIDE the transaction of the change it
 * reports: the event then exists exactly when the change committed, and the
 * dispatcher delivers it at least once, surviving restarts.
 *
 * @example
 * await db.transaction().execute(async (trx) => {
 *   await trx.updateTable('subjects').set({ status: 'blocked' }).where(…).execute()
 *   await enqueueEvent(trx, { operatorId, type: 'subject.blocked', subjectId, occurredAt: clock() })
 * })
 */
export async function enqueueEvent(trx: Transaction<Database> | Kysely<Database>, event: OutboxEvent): Promise<string> {
  if (!isEventType(event.type)) throw new DerbesError('DERBES_VALIDATION', `'${String(event.type)}' is not an event type`)
  const eventId = randomUUID()
  await trx
    .insertInto('event_outbox')
    .values({
      operator_id: event.operatorId,
      event_id: eventId,
      type: event.type,
      subject_id: event.subjectId ?? null,
      occurred_at: event.occurredAt,
      data: JSON.stringify(event.data ?? {}),
    })
    .execute()
  return eventId
}
