import type { Kysely } from 'kysely'
import type { Database } from '../db/index.ts'
import { eventMessage, type EventMessage, type SequencedEvent } from './event-message.ts'
import { sequenceOutbox } from './sequence-outbox.ts'

export const MAX_EVENT_PAGE = 1000

/**
 * The pull feed: an operator's events after position `after`, oldest first,
 * each as the webhook payload. Positions are final when given (see
 * `sequenceOutbox`), so a client that stores `nextAfter` and asks again misses
 * nothing. It sequences first, so the feed runs without the dispatcher too.
 *
 * @example
 * const page = await listEvents(db, 'ttc', { after: 0, limit: 100 })
 * // page.events[0] = { type: 'consent.given', timestamp: '…', data: { operatorId: 'ttc', eventId: '…', seq: 1, subjectId: '…' } }
 */
export async function listEvents(db: Kysely<Database>, operatorId: string, query: { after?: number; limit?: number } = {}): Promise<{ events: EventMessage[]; nextAfter: number }> {
  await sequenceOutbox(db)
  const after = query.after ?? 0
  const limit = Math.min(Math.max(query.limit ?? 100, 1), MAX_EVENT_PAGE)
  const rows = await db
    .selectFrom('event_outbox')
    .select(['operator_id', 'event_id', 'type', 'subject_id', 'occurred_at', 'data', 'position'])
    .where('operator_id', '=', operatorId)
    .where('position', 'is not', null)
    .where('position', '>', after)
    .orderBy('position')
    .limit(limit)
    .execute()
  const events = rows.map((row) => eventMessage(row as SequencedEvent))
  return { events, nextAfter: events.length > 0 ? events[events.length - 1]!.data.seq : after }
}
