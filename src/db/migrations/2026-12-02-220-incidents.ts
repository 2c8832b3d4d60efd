import { sql, type Kysely } from 'kysely'
import { enableOperatorIsolation } from '../operator-scope/index.ts'

// The breach register (issue 5 item 6; art. 1(15-1), art. 25(2)(8), KZK-6.1–6.2):
// an incident with its deadline to notify the authorised body, the subjects
// it affects (each with the notice sent or why none was), and its timeline.
// No personal-data value is stored here: subjects by id, notices by outbox
// message id; the e-mail and SMS outboxes seal what they send.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table incidents (
      operator_id text not null references operators (operator_id),
      incident_id text not null,
      reference text not null,
      kind text not null check (kind in ('unlawful_distribution', 'change', 'destruction', 'unauthorised_access')),
      description text not null,
      discovered_at timestamptz not null,
      reported_by text not null,
      systems jsonb not null default '[]',
      categories jsonb not null default '[]',
      items jsonb not null default '[]',
      policy_version_id text not null,
      status text not null check (status in ('open', 'contained', 'notified', 'closed')),
      measures jsonb not null default '[]',
      responsible_person jsonb,
      due_at timestamptz not null,
      due_basis jsonb not null,
      authority_notice jsonb,
      authority_notified_at timestamptz,
      subject_count integer not null default 0,
      reminded_at timestamptz,
      escalated_at timestamptz,
      created_by text not null,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      primary key (operator_id, incident_id),
      unique (operator_id, reference)
    )`.execute(db)
  // The reminder job's and the list's question: which incidents still owe the authorised body a notice, due first.
  await sql`create index incidents_unnotified_by_due on incidents (operator_id, due_at) where authority_notified_at is null`.execute(db)
  await sql`
    create table incident_subjects (
      operator_id text not null,
      incident_id text not null,
      subject_id text not null,
      resolved_at timestamptz not null,
      notice_status text check (notice_status in ('queued', 'excepted', 'not_required', 'no_contact')),
      notice_reason text,
      notice_channel text check (notice_channel in ('email', 'sms')),
      notice_language text check (notice_language in ('kk', 'ru', 'en')),
      notice_message_id text,
      noticed_at timestamptz,
      primary key (operator_id, incident_id, subject_id),
      foreign key (operator_id, incident_id) references incidents (operator_id, incident_id)
    )`.execute(db)
  await sql`
    create table incident_timeline (
      operator_id text not null,
      incident_id text not null,
      seq integer generated always as identity,
      at timestamptz not null,
      actor text not null,
      action text not null,
      details jsonb not null default '{}',
      primary key (operator_id, incident_id, seq),
      foreign key (operator_id, incident_id) references incidents (operator_id, incident_id)
    )`.execute(db)
  await enableOperatorIsolation(db, ['incidents', 'incident_subjects', 'incident_timeline'])
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table incident_timeline`.execute(db)
  await sql`drop table incident_subjects`.execute(db)
  await sql`drop table incidents`.execute(db)
}
