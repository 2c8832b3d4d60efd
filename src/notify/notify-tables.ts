import type { ColumnType } from 'kysely'

type Json<T = unknown> = ColumnType<T, string, string>
type BigIntColumn = ColumnType<string | number, never, never>

/** The transactional outbox: written in the transaction of the change it reports. */
export interface EventOutboxTable {
  operator_id: string
  event_id: string
  seq: BigIntColumn
  type: string
  subject_id: string | null
  occurred_at: ColumnType<Date, Date | string, never>
  data: Json<Record<string, unknown>>
}

export interface NotifyTables {
  event_outbox: EventOutboxTable
}
