import { sql, type Kysely } from 'kysely'

// Consent evidence (issue 3 item 4). sms_challenges: SMS codes Derbes sends
// and checks itself (ESP-4, KZK-2.3.4) — only an HMAC of the code, the phone
// as a blind index and, for the consent record, sealed (AES-256-GCM); at most
// 5 attempts, single use. sms_outbox: the one stand-in gateway — the
// operator's SMS provider adapter reads it; the message (phone and text,
// which holds the code) is sealed and wiped once sent.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table sms_challenges (
      operator_id text not null,
      challenge_id text not null,
      subject_id text not null,
      phone_index text not null,
      phone_sealed text not null,
      form_id text not null,
      form_version integer not null,
      language text not null check (language in ('kk', 'ru', 'en')),
      text_hash text not null,
      code_hmac text not null,
      created_at timestamptz not null,
      expires_at timestamptz not null,
      attempts integer not null default 0,
      consumed_at timestamptz,
      primary key (operator_id, challenge_id),
      foreign key (operator_id, subject_id) references subjects (operator_id, subject_id) on delete cascade
    )`.execute(db)
  await sql`create index sms_challenges_by_subject on sms_challenges (operator_id, subject_id, created_at)`.execute(db)
  await sql`
    create table sms_outbox (
      operator_id text not null,
      message_id text not null,
      seq bigint generated always as identity,
      subject_id text not null,
      challenge_id text,
      language text not null check (language in ('kk', 'ru', 'en')),
      sealed text,
      created_at timestamptz not null,
      expires_at timestamptz not null,
      sent_at timestamptz,
      provider_ref text,
      primary key (operator_id, message_id),
      foreign key (operator_id, subject_id) references subjects (operator_id, subject_id) on delete cascade
    )`.execute(db)
  await sql`create index sms_outbox_pending on sms_outbox (operator_id, seq) where sent_at is null`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table sms_outbox`.execute(db)
  await sql`drop table sms_challenges`.execute(db)
}
