import { sql, type Kysely } from 'kysely'

// Staff users of an operator and their sessions (issue 3, item 3). A password
// is kept only as an argon2id hash; the TOTP secret only wrapped by the
// operator's key (like a subject's data key); a session only as a SHA-256 of
// its bearer secret. failed_logins/locked_until lock an account after repeated
// failures; totp_last_step refuses a code used once already (RFC 6238 §5.2).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table staff_users (
      operator_id text not null references operators (operator_id),
      staff_id text not null,
      login text not null,
      display_name text not null,
      password_hash text not null,
      role_id text not null,
      extra_permissions jsonb not null default '[]',
      active boolean not null default true,
      failed_logins integer not null default 0,
      locked_until timestamptz,
      totp_secret jsonb,
      totp_confirmed_at timestamptz,
      totp_last_step bigint,
      created_at timestamptz not null default now(),
      created_by text not null,
      updated_at timestamptz not null default now(),
      primary key (operator_id, staff_id),
      unique (operator_id, login)
    )`.execute(db)
  await sql`
    create table staff_sessions (
      operator_id text not null,
      session_id text not null,
      staff_id text not null,
      secret_hash text not null,
      state text not null check (state in ('second_factor_pending', 'active')),
      second_factor_failures integer not null default 0,
      created_at timestamptz not null,
      last_seen_at timestamptz not null,
      expires_at timestamptz not null,
      ended_at timestamptz,
      primary key (operator_id, session_id),
      foreign key (operator_id, staff_id) references staff_users (operator_id, staff_id)
    )`.execute(db)
  await sql`create index staff_sessions_by_staff on staff_sessions (operator_id, staff_id) where ended_at is null`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table staff_sessions`.execute(db)
  await sql`drop table staff_users`.execute(db)
}
