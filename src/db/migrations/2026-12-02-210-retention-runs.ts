import { createRequire } from 'node:module'
import { sql, type Kysely } from 'kysely'
import { disableOperatorIsolation, enableOperatorIsolation } from '../operator-scope/index.ts'

const require = createRequire(import.meta.url)
const PgBoss = require('pg-boss') as { getConstructionPlans(schema: string): string }

const TABLES = ['retention_runs', 'retention_run_items', 'retention_acts']

/** The tables pg-boss's script creates: the installation's job queue, not any operator's data (job payloads name an operator id only). */
export const PG_BOSS_TABLES = ['version', 'queue', 'schedule', 'subscription', 'job', 'archive'] as const

// Retention runs (issue 5 §2–§3): each run of the sweep, what it did to each
// subject and in which systems, and the destruction act it produced. See
// src/retention/retention-run-tables.ts.
//
// pg-boss (the scheduler's queue) is installed here too, in the same schema:
// Derbes' role need not be allowed to create schemas (the test role
// `derbes_app` is not), and pg-boss finds its tables installed at start and
// creates nothing. Its own script is run without its BEGIN/COMMIT (a
// migration is already one transaction) and without its CREATE SCHEMA.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table retention_runs (
      operator_id text not null references operators (operator_id),
      run_id text not null,
      as_of timestamptz not null,
      dry_run boolean not null,
      status text not null check (status in ('running', 'finished', 'failed')),
      started_at timestamptz not null,
      finished_at timestamptz,
      started_by text not null,
      by_schedule boolean not null,
      counts jsonb not null default '{}',
      error text,
      primary key (operator_id, run_id)
    )`.execute(db)
  // Never two runs of one operator at once, whichever process or queue starts them.
  await sql`create unique index retention_runs_one_running on retention_runs (operator_id) where status = 'running'`.execute(db)
  await sql`create index retention_runs_by_start on retention_runs (operator_id, started_at desc)`.execute(db)
  await sql`
    create table retention_run_items (
      operator_id text not null,
      run_id text not null,
      item_no integer not null,
      subject_id text not null,
      rule_id text not null,
      step text not null check (step in ('block', 'anonymise', 'destroy')),
      trigger text not null,
      triggered_at timestamptz not null,
      due_at timestamptz not null,
      item_ids jsonb,
      clauses jsonb not null,
      systems jsonb not null default '[]',
      status text not null check (status in ('planned', 'done', 'failed')),
      error text,
      attempts integer not null default 0,
      updated_at timestamptz not null,
      primary key (operator_id, run_id, item_no),
      foreign key (operator_id, run_id) references retention_runs (operator_id, run_id)
    )`.execute(db)
  // A failed item is found again by the next run (retried) and shown per subject.
  await sql`create index retention_run_items_failed on retention_run_items (operator_id, subject_id) where status = 'failed'`.execute(db)
  await sql`
    create table retention_acts (
      operator_id text not null,
      act_id text not null,
      run_id text not null,
      created_at timestamptz not null,
      content jsonb not null,
      content_hash text not null,
      signed_by text,
      signed_at timestamptz,
      signature_cms text,
      primary key (operator_id, act_id),
      unique (operator_id, run_id),
      foreign key (operator_id, run_id) references retention_runs (operator_id, run_id),
      check ((signed_by is null) = (signed_at is null))
    )`.execute(db)
  await enableOperatorIsolation(db, TABLES)

  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db)
  const script = PgBoss.getConstructionPlans(rows[0]!.schema)
    .replace(/^\s*(BEGIN|COMMIT);\s*$/gm, '')
    .replace(/^\s*SET LOCAL [^;]*;\s*$/gm, '')
    .replace(/CREATE SCHEMA IF NOT EXISTS [^;]*;/, '')
    // Inside PL/pgSQL a bare SELECT must be a PERFORM, and an empty statement is a syntax error.
    .replace(/SELECT pg_advisory_xact_lock/g, 'PERFORM pg_advisory_xact_lock')
    .replace(/;(\s*;)+/g, ';')
  // One DO block: a single statement on PGlite, whose extended protocol takes no statement lists.
  await sql.raw(`do $boss$ begin ${script} end $boss$`).execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await disableOperatorIsolation(db, TABLES)
  await sql`drop table retention_acts`.execute(db)
  await sql`drop table retention_run_items`.execute(db)
  await sql`drop table retention_runs`.execute(db)
  for (const table of ['job', 'archive', 'schedule', 'subscription', 'queue', 'version']) await sql`drop table if exists ${sql.table(table)} cascade`.execute(db)
  await sql`drop function if exists create_queue, delete_queue`.execute(db)
  await sql`drop type if exists job_state`.execute(db)
}
