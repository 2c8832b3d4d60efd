import { sql, type Kysely } from 'kysely'

// Data subject requests (issue 4): the request, its history and its
// fulfilment tasks. Personal data inside a request is sealed under the
// subject's key (see src/requests/requests-tables.ts).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table requests (
      operator_id text not null references operators (operator_id),
      request_id text not null,
      reference text not null,
      kind text not null,
      subject_id text,
      representative_id text,
      channel text not null,
      received_at timestamptz not null,
      due_at timestamptz not null,
      due_basis jsonb not null,
      state text not null check (state in ('received', 'verifying', 'in_progress', 'awaiting_systems', 'answered', 'refused')),
      waiting_for jsonb not null default '[]',
      scope jsonb not null default '{}',
      sealed text,
      scan_sha256 text,
      postal_reference text,
      language text not null check (language in ('kk', 'ru', 'en')),
      refusal jsonb,
      answered_at timestamptz,
      reminded_at timestamptz,
      escalated_at timestamptz,
      created_by text not null,
      updated_at timestamptz not null,
      primary key (operator_id, request_id),
      unique (operator_id, reference)
    )`.execute(db)
  // The dashboards' questions: what is open and due first; a subject's requests.
  await sql`create index requests_open_by_due on requests (operator_id, due_at) where state not in ('answered', 'refused')`.execute(db)
  await sql`create index requests_by_subject on requests (operator_id, subject_id, received_at)`.execute(db)
  await sql`
    create table request_transitions (
      operator_id text not null,
      request_id text not null,
      seq integer generated always as identity,
      from_state text,
      to_state text not null,
      at timestamptz not null,
      actor text not null,
      note text,
      primary key (operator_id, request_id, seq),
      foreign key (operator_id, request_id) references requests (operator_id, request_id)
    )`.execute(db)
  await sql`
    create table request_tasks (
      operator_id text not null,
      task_id text not null,
      request_id text not null,
      target text not null check (target in ('vault', 'ledger', 'system', 'recipients', 'manual')),
      target_id text,
      action text not null,
      state text not null check (state in ('pending', 'running', 'done', 'failed', 'cancelled')),
      attempts integer not null default 0,
      next_attempt_at timestamptz,
      last_error text,
      result jsonb,
      result_sealed text,
      assigned_to text,
      created_at timestamptz not null,
      done_at timestamptz,
      primary key (operator_id, task_id),
      foreign key (operator_id, request_id) references requests (operator_id, request_id)
    )`.execute(db)
  await sql`create index request_tasks_by_request on request_tasks (operator_id, request_id)`.execute(db)
  await sql`create index request_tasks_due on request_tasks (next_attempt_at) where state in ('pending', 'failed')`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table request_tasks`.execute(db)
  await sql`drop table request_transitions`.execute(db)
  await sql`drop table requests`.execute(db)
}
