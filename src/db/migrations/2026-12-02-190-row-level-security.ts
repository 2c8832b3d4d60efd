import { sql, type Kysely } from 'kysely'
import { disableOperatorIsolation, enableOperatorIsolation, OPERATOR_ISOLATION_POLICY } from '../operator-scope/index.ts'

// Tenant isolation by row-level security (DESIGN "Storage"), under the
// queries' own `where operator_id = …`: inside an operator scope a query that
// forgets its operator neither reads nor writes another operator's rows.
// Every table that has an `operator_id` column now — read from the catalogue,
// so the tables of every earlier migration are covered whoever wrote them —
// gets the policy; later migrations call enableOperatorIsolation themselves.
// On PGlite (its superuser) and for any superuser the policies are bypassed.

export async function up(db: Kysely<unknown>): Promise<void> {
  // pg_catalog rather than information_schema: the same answer, several times faster on PGlite.
  const { rows } = await sql<{ table_name: string }>`
    select c.relname as table_name from pg_class c
    join pg_attribute a on a.attrelid = c.oid and a.attname = 'operator_id' and not a.attisdropped
    where c.relnamespace = current_schema()::regnamespace and c.relkind in ('r', 'p')
    order by c.relname`.execute(db)
  await enableOperatorIsolation(db, rows.map((r) => r.table_name))
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const { rows } = await sql<{ tablename: string }>`
    select tablename from pg_policies where schemaname = current_schema() and policyname = ${OPERATOR_ISOLATION_POLICY}`.execute(db)
  await disableOperatorIsolation(db, rows.map((r) => r.tablename))
}
