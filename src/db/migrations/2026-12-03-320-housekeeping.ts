import { sql, type Kysely } from 'kysely'

// Housekeeping (src/housekeeping/) removes an event only when no delivery of
// it is left: that question is asked per event, by event id.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index webhook_deliveries_by_event on webhook_deliveries (operator_id, event_id)`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index webhook_deliveries_by_event`.execute(db)
}
