import { sql, type Kysely } from 'kysely'

// The decisions' warm projection (src/consent/decisions/decision-index.ts)
// re-reads, about once a second per operator, the rows changed since its last
// refresh; these indexes make that a range scan instead of a table scan.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index consent_state_by_update on consent_state (operator_id, updated_at)`.execute(db)
  await sql`create index subjects_by_update on subjects (operator_id, updated_at)`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index subjects_by_update`.execute(db)
  await sql`drop index consent_state_by_update`.execute(db)
}
