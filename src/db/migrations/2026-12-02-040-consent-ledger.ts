import { sql, type Kysely } from 'kysely'

// The consent ledger (DESIGN "Storage"): consent_events is append-only (a
// trigger refuses UPDATE and DELETE; each event's record hash is also
// chained into the audit log), consent_state is its projection — one row per
// subject, purpose and channel — that decisions read. subject_obligations are
// the open obligations that block a withdrawal (TTC-9.1, KZK-2.3.5, art. 8(2)).
// Events outlive a destroyed subject as proof, so whatever personal data a
// record holds (evidence: IP, user agent, names) is sealed under the subject's
// data key and is shredded with it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table consent_events (
      operator_id text not null references operators (operator_id),
      event_id text not null,
      seq bigint generated always as identity,
      subject_id text,
      kind text not null check (kind in ('given', 'refused', 'withdrawn', 'withdrawal_requested', 'withdrawal_refused', 'expired', 'reaffirmed')),
      recorded_at timestamptz not null,
      effective_at timestamptz not null,
      form_id text,
      form_version integer,
      purposes jsonb not null,
      record jsonb not null,
      record_hash text not null,
      primary key (operator_id, event_id)
    )`.execute(db)
  await sql`create index consent_events_by_subject on consent_events (operator_id, subject_id, seq)`.execute(db)
  await sql`
    create function consent_events_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'consent_events is append-only' using errcode = '42501';
    end
    $$`.execute(db)
  await sql`
    create trigger consent_events_append_only before update or delete on consent_events
    for each row execute function consent_events_append_only()`.execute(db)
  await sql`
    create table consent_state (
      operator_id text not null,
      subject_id text not null,
      purpose_id text not null,
      channel text not null default '',
      status text not null check (status in ('given', 'refused', 'withdrawn', 'withdrawal_pending', 'expired')),
      form_id text not null,
      form_version integer not null,
      event_id text not null,
      given_at timestamptz,
      expires_at timestamptz,
      withdrawal_effective_at timestamptz,
      by_representative boolean not null default false,
      countries jsonb not null default '[]',
      updated_at timestamptz not null,
      primary key (operator_id, subject_id, purpose_id, channel),
      foreign key (operator_id, subject_id) references subjects (operator_id, subject_id) on delete cascade
    )`.execute(db)
  await sql`create index consent_state_audience on consent_state (operator_id, purpose_id, channel, status)`.execute(db)
  await sql`
    create table subject_obligations (
      operator_id text not null,
      subject_id text not null,
      obligation_id text not null,
      kind text not null,
      description text,
      opened_at timestamptz not null,
      fulfilled_at timestamptz,
      primary key (operator_id, subject_id, obligation_id),
      foreign key (operator_id, subject_id) references subjects (operator_id, subject_id) on delete cascade
    )`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table subject_obligations`.execute(db)
  await sql`drop table consent_state`.execute(db)
  await sql`drop table consent_events`.execute(db)
  await sql`drop function consent_events_append_only()`.execute(db)
}
