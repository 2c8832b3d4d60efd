import { sql, type Kysely } from 'kysely'

// Every table leads with operator_id so a distributed PostgreSQL can shard by it (DESIGN "Storage").
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table operators (
      operator_id text primary key,
      name jsonb not null,
      bin text,
      created_at timestamptz not null default now(),
      published_version_id text
    )`.execute(db)
  await sql`
    create table policy_versions (
      operator_id text not null references operators (operator_id),
      version_id text not null,
      seq bigint generated always as identity,
      state text not null check (state in ('draft', 'approved', 'published', 'superseded')),
      document jsonb not null,
      source text not null,
      source_format text not null check (source_format in ('yaml', 'json')),
      hash text not null,
      uploaded_at timestamptz not null default now(),
      uploaded_by text not null,
      approved_by text,
      approval_order text,
      approved_at timestamptz,
      published_at timestamptz,
      published_by text,
      primary key (operator_id, version_id),
      check ((state = 'draft') = (approved_at is null))
    )`.execute(db)
  await sql`create index policy_versions_by_seq on policy_versions (operator_id, seq)`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table policy_versions`.execute(db)
  await sql`drop table operators`.execute(db)
}
