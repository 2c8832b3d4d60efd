import { sql, type Kysely } from 'kysely'

// API keys scoped to one operator (DESIGN "Interfaces": a key must match the
// operator of the route). Only a SHA-256 of the secret is kept.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table api_keys (
      operator_id text not null references operators (operator_id),
      key_id text not null,
      name text not null,
      secret_hash text not null,
      permissions jsonb not null,
      role_id text,
      created_at timestamptz not null default now(),
      created_by text not null,
      expires_at timestamptz,
      revoked_at timestamptz,
      primary key (operator_id, key_id)
    )`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table api_keys`.execute(db)
}
