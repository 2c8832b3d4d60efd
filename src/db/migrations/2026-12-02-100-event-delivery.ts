import { sql, type Kysely } from 'kysely'

// Delivering the outbox (src/notify/): webhooks per operator and NATS JetStream.
//
// Why `position`: `seq` is taken when a row is INSERTed, not when its
// transaction commits. On a server, a transaction holding seq 10 can commit
// after one holding seq 11; a reader that had already moved its cursor past 11
// would never see 10. So the sequencer (src/notify/sequence-outbox.ts) numbers
// rows only once they are committed, one sequencer at a time: a row that
// commits late gets a later position, never a lower one. Every sink's cursor
// and the pull feed count in positions.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table event_outbox add column position bigint`.execute(db)
  await sql`create unique index event_outbox_position on event_outbox (position)`.execute(db)
  await sql`create index event_outbox_unsequenced on event_outbox (seq) where position is null`.execute(db)
  await sql`create index event_outbox_feed on event_outbox (operator_id, position) where position is not null`.execute(db)

  // One row per consumer of positions ('sequencer' = last position given;
  // 'webhooks', 'nats:<stream>' = last position handled). A process works a
  // cursor while it holds its row (`for update skip locked`) or its lease.
  await sql`
    create table event_cursors (
      name text primary key,
      position bigint not null default 0,
      leased_by text,
      leased_until timestamptz
    )`.execute(db)
  await sql`insert into event_cursors (name) values ('sequencer'), ('webhooks')`.execute(db)

  await sql`
    create table webhook_endpoints (
      operator_id text not null references operators (operator_id),
      webhook_id text not null,
      url text not null,
      event_types jsonb,
      secret_key_id text not null,
      wrapped_secret text not null,
      created_at timestamptz not null,
      created_by text not null,
      primary key (operator_id, webhook_id)
    )`.execute(db)

  await sql`
    create table webhook_deliveries (
      operator_id text not null,
      delivery_id text not null,
      webhook_id text not null,
      event_id text not null,
      event_position bigint not null,
      status text not null check (status in ('pending', 'delivering', 'delivered', 'failed')),
      attempts integer not null default 0,
      next_attempt_at timestamptz,
      last_attempt_at timestamptz,
      last_status_code integer,
      last_error text,
      delivered_at timestamptz,
      created_at timestamptz not null,
      primary key (operator_id, delivery_id),
      unique (operator_id, webhook_id, event_id),
      foreign key (operator_id, webhook_id) references webhook_endpoints (operator_id, webhook_id) on delete cascade
    )`.execute(db)
  await sql`create index webhook_deliveries_due on webhook_deliveries (next_attempt_at) where status in ('pending', 'delivering')`.execute(db)
  await sql`create index webhook_deliveries_by_webhook on webhook_deliveries (operator_id, webhook_id, event_position)`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table webhook_deliveries`.execute(db)
  await sql`drop table webhook_endpoints`.execute(db)
  await sql`drop table event_cursors`.execute(db)
  await sql`drop index event_outbox_feed`.execute(db)
  await sql`drop index event_outbox_unsequenced`.execute(db)
  await sql`drop index event_outbox_position`.execute(db)
  await sql`alter table event_outbox drop column position`.execute(db)
}
