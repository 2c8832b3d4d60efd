import { sql, type Kysely } from 'kysely'

// The transfer log (issue 4 item 6; TW-9.4, ESP-8, art. 22(1)(5)): which data
// of a subject went to which recipient, for what purpose, where, when. Ids
// only, no personal-data values, so it survives the subject's destruction and
// still says whom to tell. Append-only, like the consent ledger.
//
// And the answers fulfilment gives (issue 4 items 5 and 7), kept so the
// letter can be downloaded later: metadata in the clear, the letter itself
// sealed under the subject's data key (or a key of the answer's own when the
// subject's is gone or there is none) — destroying the subject shreds it.
// Both tables are what the fulfilment writes; one migration was allotted to it.
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
  await sql`
    create table request_answers (
      operator_id text not null,
      request_id text not null,
      language text not null check (language in ('kk', 'ru', 'en')),
      outcome text not null check (outcome in ('fulfilled', 'refused', 'no_data_held')),
      issued_at timestamptz not null,
      policy_version_id text not null,
      document_sha256 text not null,
      delivered jsonb not null,
      sealed text not null,
      sealed_key_id text,
      sealed_wrapped_key text,
      primary key (operator_id, request_id),
      foreign key (operator_id, request_id) references requests (operator_id, request_id)
    )`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table request_answers`.execute(db)
  await sql`drop table data_transfers`.execute(db)
  await sql`drop function data_transfers_append_only()`.execute(db)
}
