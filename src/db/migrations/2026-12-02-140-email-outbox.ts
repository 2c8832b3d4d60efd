import { sql, type Kysely } from 'kysely'

// E-mail to data subjects (src/notify/email/): a transactional outbox whose
// content is sealed under a per-message key and wiped once the SMTP server
// accepted it. No foreign key to subjects: the answer to a destruction request
// must outlive the subject it is about until it is sent.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table email_outbox (
      operator_id text not null references operators (operator_id),
      message_id text not null,
      purpose text not null,
      language text not null check (language in ('kk', 'ru', 'en')),
      subject_id text,
      request_id text,
      recipient_index text not null,
      status text not null check (status in ('pending', 'sending', 'sent', 'failed')),
      attempts integer not null default 0,
      next_attempt_at timestamptz,
      last_attempt_at timestamptz,
      last_error text,
      key_id text,
      wrapped_key text,
      sealed text,
      created_at timestamptz not null,
      sent_at timestamptz,
      smtp_message_id text,
      smtp_response text,
      primary key (operator_id, message_id),
      -- The content exists exactly until the message is sent: never lost before, never kept after.
      check ((status = 'sent') = (sealed is null) and (sealed is null) = (wrapped_key is null) and (wrapped_key is null) = (key_id is null)),
      check ((status = 'sent') = (sent_at is not null))
    )`.execute(db)
  await sql`create index email_outbox_due on email_outbox (next_attempt_at) where status in ('pending', 'sending')`.execute(db)
  await sql`create index email_outbox_by_request on email_outbox (operator_id, request_id) where request_id is not null`.execute(db)
  await sql`create index email_outbox_by_subject on email_outbox (operator_id, subject_id) where subject_id is not null`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table email_outbox`.execute(db)
}
