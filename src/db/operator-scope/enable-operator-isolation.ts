import { sql, type Kysely } from 'kysely'
import { OPERATOR_SETTING } from './operator-scoped-driver.ts'

/** The one policy on every operator's table. */
export const OPERATOR_ISOLATION_POLICY = 'operator_isolation'

// Wrapped in (select …), the setting is read once per statement (an InitPlan), not once per row.
const SCOPE = `(select coalesce(current_setting('${OPERATOR_SETTING}', true), ''))`
/**
 * Outside any scope ('') every row: the cross-operator jobs (event dispatch,
 * checkpoints, sweeps, migrations). Inside one, only that operator's rows are
 * seen, and only its rows may be written (the same expression as `with check`).
 */
const ISOLATION = `${SCOPE} = '' or operator_id = ${SCOPE}`

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`

/**
 * Turns on tenant isolation by row-level security for tables with an
 * `operator_id` column: RLS enabled and forced (so the owning role obeys it
 * too) and the policy `operator_isolation`. Every later migration that
 * creates such a table calls it; a test finds any table left without.
 * Superusers bypass RLS whatever is set, so it only binds when Derbes
 * connects as an ordinary role (docs/operations.md).
 *
 * @example
 * export async function up(db: Kysely<unknown>) {
 *   await sql`create table retention_runs (operator_id text not null, …)`.execute(db)
 *   await enableOperatorIsolation(db, ['retention_runs'])
 * }
 */
export async function enableOperatorIsolation(db: Kysely<any>, tables: readonly string[]): Promise<void> {
  if (tables.length === 0) return
  const statements = tables.map((table) => {
    const name = quoteIdent(table)
    return `alter table ${name} enable row level security;
      alter table ${name} force row level security;
      create policy ${OPERATOR_ISOLATION_POLICY} on ${name} as permissive for all using (${ISOLATION}) with check (${ISOLATION});`
  })
  // One round trip for all of them: a statement costs one through PGlite, and tests migrate a fresh schema per test.
  await sql.raw(`do $isolation$ begin ${statements.join('\n')} end $isolation$`).execute(db)
}

/**
 * Undoes `enableOperatorIsolation` (a migration's `down`).
 *
 * @example
 * await disableOperatorIsolation(db, ['retention_runs'])
 */
export async function disableOperatorIsolation(db: Kysely<any>, tables: readonly string[]): Promise<void> {
  for (const table of tables) {
    await sql`drop policy if exists ${sql.id(OPERATOR_ISOLATION_POLICY)} on ${sql.table(table)}`.execute(db)
    await sql`alter table ${sql.table(table)} no force row level security`.execute(db)
    await sql`alter table ${sql.table(table)} disable row level security`.execute(db)
  }
}
