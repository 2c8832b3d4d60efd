import { sql, type Kysely } from 'kysely'

// The transactional outbox (DESIGN "Scale-out"): an event is inserted in the
// same transaction as the change it reports, so it exists exactly when the
// change committed; a dispatcher delivers it to webhooks and NATS later.
// Events carry ids and kinds, never personal-data values.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table event_outbox (
      operator_id text not null references operators (operator_id),
      event_id text not null,
      seq bigint generated always as identity,
      type text not null,
      subject_id text,
      occurred_at timestamptz not null,
      data jsonb not null,
      primary key (operator_id, event_id)
    )`.execute(db)
  await sql`create unique index event_outbox_seq on event_outbox (seq)`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table event_outbox`.execute(db)
}
