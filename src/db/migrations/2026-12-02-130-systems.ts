import { sql, type Kysely } from 'kysely'

// The data map of the operator's own systems (issue 4 item 5): systems with a
// sealed connection secret, their mapped tables and columns (policy item,
// identifier kind, masking) and the foreign keys between mapped tables.
// See src/systems/systems-tables.ts.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table systems (
      operator_id text not null references operators (operator_id),
      system_id text not null,
      name text not null,
      kind text not null check (kind in ('postgres', 'mysql', 'http', 'manual')),
      description text,
      connection jsonb not null,
      secret_key_id text,
      secret_wrapped_key text,
      secret_sealed text,
      created_at timestamptz not null,
      created_by text not null,
      updated_at timestamptz not null,
      updated_by text not null,
      primary key (operator_id, system_id),
      check ((secret_key_id is null) = (secret_sealed is null) and (secret_wrapped_key is null) = (secret_sealed is null))
    )`.execute(db)
  await sql`
    create table system_tables (
      operator_id text not null,
      system_id text not null,
      table_name text not null,
      position integer not null,
      primary key (operator_id, system_id, table_name),
      foreign key (operator_id, system_id) references systems (operator_id, system_id) on delete cascade
    )`.execute(db)
  await sql`
    create table system_columns (
      operator_id text not null,
      system_id text not null,
      table_name text not null,
      column_name text not null,
      position integer not null,
      item_id text,
      identifies text check (identifies in ('iin', 'phone', 'email', 'id_document', 'subject_id')),
      masking jsonb,
      primary key (operator_id, system_id, table_name, column_name),
      foreign key (operator_id, system_id, table_name) references system_tables (operator_id, system_id, table_name) on delete cascade
    )`.execute(db)
  // The fulfilment planner's question: which systems hold this item?
  await sql`create index system_columns_by_item on system_columns (operator_id, item_id) where item_id is not null`.execute(db)
  await sql`
    create table system_relations (
      operator_id text not null,
      system_id text not null,
      position integer not null,
      child_table text not null,
      child_column text not null,
      parent_table text not null,
      parent_column text not null,
      primary key (operator_id, system_id, position),
      unique (operator_id, system_id, child_table, child_column, parent_table, parent_column),
      foreign key (operator_id, system_id, child_table) references system_tables (operator_id, system_id, table_name) on delete cascade,
      foreign key (operator_id, system_id, parent_table) references system_tables (operator_id, system_id, table_name) on delete cascade
    )`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table system_relations`.execute(db)
  await sql`drop table system_columns`.execute(db)
  await sql`drop table system_tables`.execute(db)
  await sql`drop table systems`.execute(db)
}
