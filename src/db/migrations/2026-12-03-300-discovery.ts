import { sql, type Kysely } from 'kysely'
import { enableOperatorIsolation } from '../operator-scope/index.ts'

// Discovery (issue 7 item 3): each scan of a connected system with its report
// — counts, kinds and masked examples, never a value — and the proposals it
// makes to the data map, which a responsible person accepts or rejects.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table discovery_scans (
      operator_id text not null references operators (operator_id),
      scan_id text not null,
      -- The order scans were kept in, so "the scan before" is well defined even under one clock reading.
      seq integer generated always as identity,
      system_id text not null,
      source text not null check (source in ('postgres', 'mysql', 'file')),
      target text not null,
      mode text not null check (mode in ('sample', 'full')),
      started_at timestamptz not null,
      finished_at timestamptz not null,
      personal_columns integer not null,
      report jsonb not null,
      created_by text not null,
      primary key (operator_id, scan_id)
    )`.execute(db)
  // "diffable against the last scan": the previous scan of the same system, newest first.
  await sql`create index discovery_scans_by_system on discovery_scans (operator_id, system_id, seq desc)`.execute(db)
  await sql`
    create table discovery_proposals (
      operator_id text not null,
      proposal_id text not null,
      scan_id text not null,
      system_id text not null,
      table_name text not null,
      column_name text not null,
      detected_kind text not null,
      item_kind text not null,
      action text not null check (action in ('map_column', 'add_item')),
      item_id text,
      current_item_id text,
      identifies text,
      masking jsonb,
      confidence real not null,
      status text not null check (status in ('open', 'accepted', 'rejected', 'superseded')),
      decided_by text,
      decided_at timestamptz,
      reason text,
      created_at timestamptz not null,
      primary key (operator_id, proposal_id),
      foreign key (operator_id, scan_id) references discovery_scans (operator_id, scan_id)
    )`.execute(db)
  // One open proposal per column: a newer scan supersedes the older one.
  await sql`create unique index discovery_proposals_one_open on discovery_proposals (operator_id, system_id, table_name, column_name) where status = 'open'`.execute(db)
  await enableOperatorIsolation(db, ['discovery_scans', 'discovery_proposals'])
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table discovery_proposals`.execute(db)
  await sql`drop table discovery_scans`.execute(db)
}
