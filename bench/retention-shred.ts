import { sql, type Kysely } from 'kysely'
import type { Database } from '../src/db/index.ts'
import { freshDatabase } from '../src/db/test-databases.ts'
import { shredSubjects } from '../src/retention/shred-subjects.ts'

export interface ShredResult {
  database: 'pglite' | 'postgres'
  subjects: number
  batch: number
  shredPerSecond: number
  plainDeletePerSecond: number
  ratio: number
}

const OPERATOR = 'bench'

/** `n` subjects of one operator, each with a wrapped key, two identifiers and three vault values — set-based. */
async function fill(db: Kysely<Database>, n: number): Promise<string[]> {
  await sql`insert into operators (operator_id, name) values (${OPERATOR}, '{"kk":"b","ru":"b","en":"b"}') on conflict do nothing`.execute(db)
  await sql`insert into subjects (operator_id, subject_id, kind) select ${OPERATOR}, 's' || lpad(g::text, 8, '0'), 'client' from generate_series(1, ${n}::int) g`.execute(db)
  await sql`insert into subject_keys (operator_id, subject_id, key_id, wrapped_key) select ${OPERATOR}, 's' || lpad(g::text, 8, '0'), 'kek-1', md5(g::text) || md5(g::text) from generate_series(1, ${n}::int) g`.execute(db)
  await sql`insert into subject_identifiers (operator_id, subject_id, kind, blind_index) select ${OPERATOR}, 's' || lpad(g::text, 8, '0'), k, md5(k || g::text) from generate_series(1, ${n}::int) g, unnest(array['phone', 'email']) k`.execute(db)
  await sql`insert into vault_items (operator_id, subject_id, item_id, value_no, ciphertext, source, collected_at, purposes)
    select ${OPERATOR}, 's' || lpad(g::text, 8, '0'), i, 1, md5(i || g::text) || md5(g::text), 'subject', now(), '["contract"]'
    from generate_series(1, ${n}::int) g, unnest(array['full-name', 'phone', 'email']) i`.execute(db)
  return Array.from({ length: n }, (_, i) => `s${String(i + 1).padStart(8, '0')}`)
}

/** The baseline: the same rows gone by plain DELETEs and one UPDATE per batch — no audit, no events, no lock. */
async function plainDelete(db: Kysely<Database>, ids: string[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const table of ['vault_items', 'subject_identifiers', 'subject_keys'] as const) {
      await sql`delete from ${sql.table(table)} where operator_id = ${OPERATOR} and subject_id = any(${ids}::text[])`.execute(trx)
    }
    await sql`update subjects set status = 'destroyed' where operator_id = ${OPERATOR} and subject_id = any(${ids}::text[])`.execute(trx)
  })
}

async function timed(ids: string[], batch: number, work: (chunk: string[]) => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint()
  for (let i = 0; i < ids.length; i += batch) await work(ids.slice(i, i + batch))
  return ids.length / (Number(process.hrtime.bigint() - start) / 1e9)
}

/**
 * Crypto-shredding in bulk (issue 5, Speed: ≥ 10,000 subjects/s on
 * PostgreSQL): `shredSubjects` over `subjects` subjects with values, in
 * batches, beside plain DELETEs of the same rows in the same batches.
 */
export async function benchRetentionShred(options: { databaseUrl?: string; subjects?: number; batch?: number } = {}): Promise<ShredResult> {
  const subjects = options.subjects ?? (options.databaseUrl ? 100_000 : 20_000)
  const batch = options.batch ?? 5_000
  const handle = await freshDatabase(options.databaseUrl)
  try {
    const clock = () => new Date()
    const ids = await fill(handle.db, subjects)
    const shredPerSecond = await timed(ids, batch, (chunk) => shredSubjects({ db: handle.db, clock }, { operatorId: OPERATOR, subjectIds: chunk, outcome: 'destroyed', actor: 'bench' }))
    await sql`delete from event_outbox where operator_id = ${OPERATOR}`.execute(handle.db)
    const again = await fillAgain(handle.db, subjects)
    const plainDeletePerSecond = await timed(again, batch, (chunk) => plainDelete(handle.db, chunk))
    return { database: handle.kind, subjects, batch, shredPerSecond, plainDeletePerSecond, ratio: shredPerSecond / plainDeletePerSecond }
  } finally {
    await handle.close()
  }
}

/** The same data under fresh ids (the shredded subjects stay, their audit entries point at them). */
async function fillAgain(db: Kysely<Database>, n: number): Promise<string[]> {
  await sql`insert into subjects (operator_id, subject_id, kind) select ${OPERATOR}, 'p' || lpad(g::text, 8, '0'), 'client' from generate_series(1, ${n}::int) g`.execute(db)
  await sql`insert into subject_keys (operator_id, subject_id, key_id, wrapped_key) select ${OPERATOR}, 'p' || lpad(g::text, 8, '0'), 'kek-1', md5(g::text) || md5(g::text) from generate_series(1, ${n}::int) g`.execute(db)
  await sql`insert into subject_identifiers (operator_id, subject_id, kind, blind_index) select ${OPERATOR}, 'p' || lpad(g::text, 8, '0'), k, md5('p' || k || g::text) from generate_series(1, ${n}::int) g, unnest(array['phone', 'email']) k`.execute(db)
  await sql`insert into vault_items (operator_id, subject_id, item_id, value_no, ciphertext, source, collected_at, purposes)
    select ${OPERATOR}, 'p' || lpad(g::text, 8, '0'), i, 1, md5(i || g::text), 'subject', now(), '["contract"]'
    from generate_series(1, ${n}::int) g, unnest(array['full-name', 'phone', 'email']) i`.execute(db)
  return Array.from({ length: n }, (_, i) => `p${String(i + 1).padStart(8, '0')}`)
}

export function formatShredResult(r: ShredResult): string {
  const f = (n: number) => Math.round(n).toLocaleString('en-US')
  return `retention shred (${r.database}, ${f(r.subjects)} subjects with 3 values and 2 identifiers, batches of ${f(r.batch)})\n` +
    `  crypto-shredding ${f(r.shredPerSecond)} subjects/s; plain DELETE of the same rows ${f(r.plainDeletePerSecond)} subjects/s; ratio ${r.ratio.toFixed(2)}` +
    `${r.database === 'postgres' ? ` (target ≥ 10,000 subjects/s: ${r.shredPerSecond >= 10_000 ? 'met' : 'NOT met'})` : ''}\n`
}
