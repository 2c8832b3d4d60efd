import { sql, type Kysely } from 'kysely'
import { disableOperatorIsolation, enableOperatorIsolation, OPERATOR_ISOLATION_POLICY } from '../operator-scope/index.ts'

// Tenant isolation by row-level security (DESIGN "Storage"), under the
// queries' own `where operator_id = …`: inside an operator scope a query that
// forgets its operator neither reads nor writes another operator's rows.
// Every table that has an `operator_id` column now — read from the catalogue,
// so the tables of every earlier migration are covered whoever wrote them —
// gets the policy; later migrations call enableOperatorIsolation themselves.
// On PGlite (its superuser) and for any superuser the policies are bypassed.

async function operatorTables(db: Kysely<unknown>): Promise<string[]> {
  const { rows } = await sql<{ table_name: string }>`
    select c.table_name from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = current_schema() and c.column_name = 'operator_id' and t.table_type = 'BASE TABLE'
    order by c.table_name`.execute(db)
  return rows.map((r) => r.table_name)
}

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of await operatorTables(db)) await enableOperatorIsolation(db, table)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const { rows } = await sql<{ tablename: string }>`
    select tablename from pg_policies where schemaname = current_schema() and policyname = ${OPERATOR_ISOLATION_POLICY}`.execute(db)
  for (const { tablename } of rows) await disableOperatorIsolation(db, tablename)
}
