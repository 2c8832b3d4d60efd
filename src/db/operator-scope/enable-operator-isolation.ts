import { sql, type Kysely } from 'kysely'
import { OPERATOR_SETTING } from './operator-scoped-driver.ts'

/** The one policy on every operator's table. */
export const OPERATOR_ISOLATION_POLICY = 'operator_isolation'

// Wrapped in (select …), the setting is read once per statement (an InitPlan), not once per row.
const SCOPE = sql`(select coalesce(current_setting(${sql.lit(OPERATOR_SETTING)}, true), ''))`
/**
 * Outside any scope ('') every row: the cross-operator jobs (event dispatch,
 * checkpoints, sweeps, migrations). Inside one, only that operator's rows are
 * seen, and only its rows may be written (the same expression as `with check`).
 */
const ISOLATION = sql`${SCOPE} = '' or operator_id = ${SCOPE}`

/**
 * Turns on tenant isolation by row-level security for one table with an
 * `operator_id` column: RLS enabled and forced (so the owning role obeys it
 * too) and the policy `operator_isolation`. Every later migration that
 * creates such a table calls it; a test finds any table left without.
 * Superusers bypass RLS whatever is set, so it only binds when Derbes
 * connects as an ordinary role (docs/operations.md).
 *
 * @example
 * export async function up(db: Kysely<unknown>) {
 *   await sql`create table retention_runs (operator_id text not null, …)`.execute(db)
 *   await enableOperatorIsolation(db, 'retention_runs')
 * }
 */
export async function enableOperatorIsolation(db: Kysely<any>, table: string): Promise<void> {
  await sql`alter table ${sql.table(table)} enable row level security`.execute(db)
  await sql`alter table ${sql.table(table)} force row level security`.execute(db)
  await sql`
    create policy ${sql.id(OPERATOR_ISOLATION_POLICY)} on ${sql.table(table)} as permissive for all
    using (${ISOLATION}) with check (${ISOLATION})`.execute(db)
}

/**
 * Undoes `enableOperatorIsolation` for one table (a migration's `down`).
 *
 * @example
 * await disableOperatorIsolation(db, 'retention_runs')
 */
export async function disableOperatorIsolation(db: Kysely<any>, table: string): Promise<void> {
  await sql`drop policy if exists ${sql.id(OPERATOR_ISOLATION_POLICY)} on ${sql.table(table)}`.execute(db)
  await sql`alter table ${sql.table(table)} no force row level security`.execute(db)
  await sql`alter table ${sql.table(table)} disable row level security`.execute(db)
}
