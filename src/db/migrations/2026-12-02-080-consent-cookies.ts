import { sql, type Kysely } from 'kysely'

// Cookie choices per category from the banner (TTC-5): append-only like the
// consent ledger, newest row per visitor = the current choice. The visitor id
// is the banner's random identifier; no other personal data is stored.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table cookie_consents (
      operator_id text not null references operators (operator_id),
      consent_id text not null,
      seq bigint generated always as identity,
      visitor_id text not null,
      policy_version_id text not null,
      language text not null check (language in ('kk', 'ru', 'en')),
      choices jsonb not null,
      gpc boolean not null,
      recorded_at timestamptz not null,
      record_hash text not null,
      primary key (operator_id, consent_id),
      foreign key (operator_id, policy_version_id) references policy_versions (operator_id, version_id)
    )`.execute(db)
  await sql`create index cookie_consents_by_visitor on cookie_consents (operator_id, visitor_id, seq)`.execute(db)
  await sql`
    create function cookie_consents_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'cookie_consents is append-only' using errcode = '42501';
    end
    $$`.execute(db)
  await sql`
    create trigger cookie_consents_append_only before update or delete on cookie_consents
    for each row execute function cookie_consents_append_only()`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table cookie_consents`.execute(db)
  await sql`drop function cookie_consents_append_only()`.execute(db)
}
