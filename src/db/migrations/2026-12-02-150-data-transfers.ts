import { sql, type Kysely } from 'kysely'

// The transfer log (issue 4 item 6; TW-9.4, ESP-8, art. 22(1)(5)): which data
// of a subject went to which recipient, for what purpose, where, when. Ids
// only, no personal-data values, so it survives the subject's destruction and
// still says whom to tell. Append-only, like the consent ledger.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table data_transfers (
      operator_id text not null,
      transfer_id text not null,
      subject_id text not null,
      recipient_id text not null,
      item_ids jsonb not null,
      purpose_id text not null,
      country text not null check (country ~ '^[A-Z]{2}$'),
      transferred_at timestamptz not null,
      reference text,
      policy_version_id text not null,
      recorded_at timestamptz not null,
      recorded_by text not null,
      primary key (operator_id, transfer_id),
      foreign key (operator_id, subject_id) references subjects (operator_id, subject_id)
    )`.execute(db)
  await sql`create index data_transfers_by_subject on data_transfers (operator_id, subject_id, transferred_at)`.execute(db)
  await sql`
    create function data_transfers_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'data_transfers is append-only' using errcode = '42501';
    end
    $$`.execute(db)
  await sql`
    create trigger data_transfers_append_only before update or delete on data_transfers
    for each row execute function data_transfers_append_only()`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table data_transfers`.execute(db)
  await sql`drop function data_transfers_append_only()`.execute(db)
}
