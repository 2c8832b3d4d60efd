import { copyFile, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql, type Kysely } from 'kysely'
import type { Database } from '../src/db/index.ts'
import { seedOperators } from '../src/operators/index.ts'

/** Publishes only ESP's seed policy (the decision benches' operator): faster than all five. */
export async function seedEsp(db: Kysely<Database>): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'derbes-bench-'))
  try {
    await copyFile('policies/esp.yaml', join(dir, 'esp.yaml'))
    await seedOperators({ db, clock: () => new Date() }, dir)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

export const benchSubjectId = (n: number) => `b${String(n).padStart(7, '0')}`

/**
 * `count` ESP clients made in SQL with generate_series, no round trip per row:
 * every 50th blocked (7, 57, …); an SMS marketing consent for each, every 10th withdrawn
 * (ESP-2); the App.1 consent to the loyalty programme, with transfer to Russia,
 * for two in three. Ids are b0000001 … so keyset order is numeric order.
 */
export async function generateEspSubjects(db: Kysely<Database>, count: number): Promise<void> {
  const id = sql`'b' || lpad(g::text, 7, '0')`
  await sql`
    insert into subjects (operator_id, subject_id, kind, status, created_at, updated_at)
    select 'esp', ${id}, 'client', case when g % 50 = 7 then 'blocked' else 'active' end, now(), now()
    from generate_series(1, ${count}::int) g`.execute(db)
  await sql`
    insert into consent_state (operator_id, subject_id, purpose_id, channel, status, form_id, form_version, event_id, given_at, updated_at)
    select 'esp', ${id}, 'advertising', 'sms', case when g % 10 = 0 then 'withdrawn' else 'given' end, 'marketing-messages', 1, 'e-sms-' || g, now(), now()
    from generate_series(1, ${count}::int) g`.execute(db)
  await sql`
    insert into consent_state (operator_id, subject_id, purpose_id, channel, status, form_id, form_version, event_id, given_at, countries, updated_at)
    select 'esp', ${id}, 'loyalty', '', 'given', 'app-1', 1, 'e-app1-' || g, now(), '["RU"]', now()
    from generate_series(1, ${count}::int) g where g % 3 <> 0`.execute(db)
  // What autovacuum would have done by the time anyone asks: statistics, and the visibility map index-only scans need.
  await sql`vacuum analyze subjects`.execute(db)
  await sql`vacuum analyze consent_state`.execute(db)
}
