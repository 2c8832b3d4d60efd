import type { ColumnType } from 'kysely'

type Json<T = unknown> = ColumnType<T, string, string>
type BigIntColumn = ColumnType<string | number, never, never>
type Timestamp = ColumnType<Date, Date | string, Date | string>

/** The transactional outbox: written in the transaction of the change it reports. */
export interface EventOutboxTable {
  operator_id: string
  event_id: string
  seq: BigIntColumn
  type: string
  subject_id: string | null
  occurred_at: ColumnType<Date, Date | string, never>
  data: Json<Record<string, unknown>>
  /** Commit-safe order, given by the sequencer (sequence-outbox.ts); null until then. */
  position: ColumnType<string | number | null, never, number>
}

/** A consumer's place in the outbox, in positions. */
export interface EventCursorsTable {
  name: string
  position: ColumnType<string | number, number | undefined, number>
  leased_by: string | null
  leased_until: Timestamp | null
}

/** An operator's webhook endpoint; the signing secret is kept wrapped by the operator's key. */
export interface WebhookEndpointsTable {
  operator_id: string
  webhook_id: string
  url: string
  /** null = every event type. */
  event_types: Json<string[] | null>
  secret_key_id: string
  wrapped_secret: string
  created_at: Timestamp
  created_by: string
}

export const DELIVERY_STATUSES = ['pending', 'delivering', 'delivered', 'failed'] as const
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number]

/** One event to one endpoint: its attempts, state and last error. */
export interface WebhookDeliveriesTable {
  operator_id: string
  delivery_id: string
  webhook_id: string
  event_id: string
  event_position: ColumnType<string | number, number, never>
  status: DeliveryStatus
  attempts: ColumnType<number, number | undefined, number>
  next_attempt_at: Timestamp | null
  last_attempt_at: Timestamp | null
  last_status_code: number | null
  last_error: string | null
  delivered_at: Timestamp | null
  created_at: Timestamp
}

export interface NotifyTables {
  event_outbox: EventOutboxTable
  event_cursors: EventCursorsTable
  webhook_endpoints: WebhookEndpointsTable
  webhook_deliveries: WebhookDeliveriesTable
}
