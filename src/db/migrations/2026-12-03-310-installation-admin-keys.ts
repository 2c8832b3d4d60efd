import { sql, type Kysely } from 'kysely'

// Installation administrator keys: the credential of installation-wide routes
// (registering an operator), which belong to no operator. Like api_keys, only
// a SHA-256 of the secret is kept; the token is shown once when issued.
// Installation-wide, hence no operator_id and no row-level security policy.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table installation_admin_keys (
      key_id text primary key,
      name text not null,
      secret_hash text not null,
      created_at timestamptz not null default now(),
      created_by text not null,
      expires_at timestamptz,
      revoked_at timestamptz
    )`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table installation_admin_keys`.execute(db)
}
