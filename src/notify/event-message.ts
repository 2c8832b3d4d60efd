/** An outbox row as the sinks read it. */
export interface SequencedEvent {
  operator_id: string
  event_id: string
  type: string
  subject_id: string | null
  occurred_at: Date
  data: Record<string, unknown>
  position: string | number | null
}

/** What leaves Derbes, by webhook, NATS or the pull feed: the Standard Webhooks payload shape. */
export interface EventMessage {
  type: string
  /** When the change happened (ISO 8601). */
  timestamp: string
  data: Record<string, unknown> & { operatorId: string; eventId: string; seq: number; subjectId: string | null }
}

/**
 * `{ type, timestamp, data: { operatorId, eventId, seq, subjectId, …data } }`.
 * `seq` is the event's position, the `after` of the pull feed; the event's own
 * fields come after its data, so no data key can overwrite them.
 */
export function eventMessage(event: SequencedEvent): EventMessage {
  return {
    type: event.type,
    timestamp: new Date(event.occurred_at).toISOString(),
    data: {
      ...event.data,
      operatorId: event.operator_id,
      eventId: event.event_id,
      seq: Number(event.position),
      subjectId: event.subject_id,
    },
  }
}
