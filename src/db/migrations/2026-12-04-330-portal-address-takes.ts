import { sql, type Kysely } from 'kysely'
import { enableOperatorIsolation } from '../operator-scope/index.ts'

// The portal's limits per client address (sign-in codes, requests) counted in
// the database, so every process of an installation sees one count. The
// address itself is never stored: only a keyed hash of it (src/portal/portal-rate-limits.ts),
// kept an hour and then pruned.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table portal_address_takes (
      operator_id text not null references operators (operator_id),
      counter text not null check (counter in ('sign_in_codes', 'requests')),
      address_key text not null,
      taken_at timestamptz not null
    )`.execute(db)
  await sql`create index portal_address_takes_by_key on portal_address_takes (operator_id, counter, address_key, taken_at)`.execute(db)
  await enableOperatorIsolation(db, ['portal_address_takes'])
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table portal_address_takes`.execute(db)
}
