import { sql, type Kysely } from 'kysely'

// The subject's portal (issue 4 item 2, issue 6 item 2): sign-in with a one-time code and sessions.
// portal_sign_in_codes: one row per code asked for — for a registered phone or e-mail AND for an
// identifier nobody holds (subject_id null, no code sent), so the answer, the attempt limit and the
// rate limit per identifier look the same either way (no enumeration). Only an HMAC of the code is
// kept; the identifier only as its blind index. portal_sessions: only the SHA-256 of a `dss.` token's
// secret. Both are swept away with their subject (crypto-shredding leaves nothing behind).
// Row-level security: migration 190 puts every table with operator_id under operator isolation.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table portal_sign_in_codes (
      operator_id text not null,
      challenge_id text not null,
      identifier_kind text not null check (identifier_kind in ('phone', 'email')),
      identifier_index text not null,
      subject_id text,
      language text not null check (language in ('kk', 'ru', 'en')),
      code_hmac text not null,
      created_at timestamptz not null,
      expires_at timestamptz not null,
      attempts integer not null default 0,
      consumed_at timestamptz,
      primary key (operator_id, challenge_id),
      foreign key (operator_id, subject_id) references subjects (operator_id, subject_id) on delete cascade
    )`.execute(db)
  await sql`create index portal_sign_in_codes_by_identifier on portal_sign_in_codes (operator_id, identifier_index, created_at)`.execute(db)
  await sql`
    create table portal_sessions (
      operator_id text not null,
      session_id text not null,
      subject_id text not null,
      secret_hash text not null,
      challenge_id text not null,
      identifier_kind text not null check (identifier_kind in ('phone', 'email')),
      language text not null check (language in ('kk', 'ru', 'en')),
      created_at timestamptz not null,
      last_seen_at timestamptz not null,
      expires_at timestamptz not null,
      ended_at timestamptz,
      primary key (operator_id, session_id),
      foreign key (operator_id, subject_id) references subjects (operator_id, subject_id) on delete cascade
    )`.execute(db)
  await sql`create index portal_sessions_by_subject on portal_sessions (operator_id, subject_id) where ended_at is null`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table portal_sessions`.execute(db)
  await sql`drop table portal_sign_in_codes`.execute(db)
}
