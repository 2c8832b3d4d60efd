import { sql, type Kysely } from 'kysely'
import type { Database, DatabaseHandle } from '../src/db/index.ts'
import { freshDatabase } from '../src/db/test-databases.ts'
import { BusinessCalendar } from '../src/kz/index.ts'
import { seedOperators } from '../src/operators/index.ts'
import { sweepDueRetention } from '../src/retention/index.ts'
import { median, type BenchResult } from './measure.ts'

export interface RetentionSweepResult extends BenchResult {
  ratio: number
  subjects: number
  due: number
}

/** The evaluation time of the bench's sweep. */
export const SWEEP_AS_OF = new Date('2026-12-02T10:00:00+05:00')

/** TTC seeded and `subjects` subjects with their items, consents, obligations and recorded triggers (see below). */
export async function fillRetentionSweep(db: Kysely<Database>, subjects: number): Promise<void> {
  await seedOperators({ db, clock: () => SWEEP_AS_OF }, 'policies')
  // 30 % of relationships ended, spread over 2010–2026 (about half of those over ten years ago).
  await sql`
    insert into subjects (operator_id, subject_id, kind, status, relationship_started_at, relationship_ended_at, created_at, updated_at)
    select 'ttc', 's' || lpad(g::text, 8, '0'), 'subscriber', case when g % 1000 = 7 then 'destroyed' else 'active' end, timestamptz '2008-01-01',
      case when g % 10 < 3 then timestamptz '2010-01-01' + (g % 6000) * interval '1 day' end, now(), now()
    from generate_series(1, ${subjects}) g`.execute(db)
  await sql`
    insert into vault_items (operator_id, subject_id, item_id, value_no, ciphertext, source, collected_at, purposes, updated_at)
    select 'ttc', 's' || lpad(g::text, 8, '0'), 'full-name', 0, 'x', 'subject', timestamptz '2009-01-01' + (g % 3000) * interval '1 day', '["contract","marketing"]'::jsonb, now()
    from generate_series(1, ${subjects}) g
    union all
    select 'ttc', 's' || lpad(g::text, 8, '0'), 'payment-instructions', 0, 'x', 'subject', timestamptz '2009-01-01' + (g % 5000) * interval '1 day', '["accounting","payments"]'::jsonb, now()
    from generate_series(1, ${subjects}) g`.execute(db)
  await sql`
    insert into consent_state (operator_id, subject_id, purpose_id, channel, status, form_id, form_version, event_id, given_at, expires_at, withdrawal_effective_at, updated_at)
    select 'ttc', 's' || lpad(g::text, 8, '0'), 'marketing', '', case when g % 4 = 0 then 'withdrawn' else 'given' end, 'app-2', 1, 'e' || g, timestamptz '2015-01-01', null,
      case when g % 4 = 0 then timestamptz '2016-01-01' + (g % 3000) * interval '1 day' end, now()
    from generate_series(1, ${subjects}) g`.execute(db)
  await sql`
    insert into subject_obligations (operator_id, subject_id, obligation_id, kind, opened_at, fulfilled_at)
    select 'ttc', 's' || lpad(g::text, 8, '0'), 'o1', 'payment', timestamptz '2012-01-01', case when g % 200 = 0 then null else timestamptz '2013-01-01' end
    from generate_series(1, ${subjects}, 50) g`.execute(db)
  await sql`
    insert into retention_triggers (operator_id, subject_id, trigger, purpose_id, occurred_at, recorded_at, recorded_by)
    select 'ttc', 's' || lpad(g::text, 8, '0'), 'contract_end', '', timestamptz '2014-01-01' + (g % 1000) * interval '1 day', now(), 'bench'
    from generate_series(1, ${subjects}, 100) g`.execute(db)
  // Open requests on a few whose relationship has ended: half ask for access (which holds the data), half for
  // destruction (a trigger); and legal holds on a few more.
  await sql`
    insert into requests (operator_id, request_id, reference, kind, subject_id, channel, received_at, due_at, due_basis, state, language, created_by, updated_at)
    select 'ttc', 'r' || g, 'ttc-r' || g, case when g % 1000 = 1 then 'access' else 'destroy_unlawful' end, 's' || lpad(g::text, 8, '0'), 'api',
      timestamptz '2026-11-20', timestamptz '2026-12-20', '{}', 'in_progress', 'ru', 'bench', now()
    from generate_series(1, ${subjects}, 500) g`.execute(db)
  await sql`
    insert into retention_holds (operator_id, hold_id, subject_id, reason, detail, placed_at, placed_by)
    select 'ttc', 'h' || g, 's' || lpad(g::text, 8, '0'), 'dispute', 'bench', timestamptz '2020-01-01', 'bench'
    from generate_series(2, ${subjects}, 1000) g`.execute(db)
  await sql`analyze`.execute(db)
}

/**
 * The retention sweep (issue 5 "Speed"): `sweepDueRetention` over every
 * subject of TTC — relationship ends, two data items each (an identification
 * item for `contract` and `marketing`, an accounting document under the
 * statutory minimum of TTC-4.1.11), a consent per subject, obligations,
 * recorded triggers, open requests and legal holds on a few — against a plain paged scan
 * of the same `subjects` table with the same page size. Rows are made by
 * INSERT … SELECT generate_series. Ops = subjects evaluated.
 */
export async function benchRetentionSweep(options: { subjects?: number; pageSize?: number; rounds?: number; databaseUrl?: string } = {}): Promise<RetentionSweepResult> {
  const { databaseUrl, pageSize = 10_000, rounds = 3 } = options
  const subjects = options.subjects ?? (databaseUrl ? 1_000_000 : 100_000)
  const database: DatabaseHandle = await freshDatabase(databaseUrl)
  try {
    const asOf = SWEEP_AS_OF
    const clock = () => asOf
    const db = database.db
    await fillRetentionSweep(db, subjects)
    const deps = { db, clock, calendar: new BusinessCalendar() }

    let due = 0
    const sweep = async () => {
      due = 0
      for await (const page of sweepDueRetention(deps, 'ttc', asOf, { limit: pageSize })) due += page.due.length
    }
    const scan = async () => {
      let after = ''
      for (;;) {
        const rows = await db.selectFrom('subjects').select(['subject_id', 'status', 'relationship_ended_at'])
          .where('operator_id', '=', 'ttc').where('subject_id', '>', after).where('status', '<>', 'destroyed')
          .orderBy('subject_id').limit(pageSize).execute()
        if (rows.length === 0) return
        after = rows.at(-1)!.subject_id
      }
    }
    await sweep()
    await scan()
    const a: number[] = []
    const b: number[] = []
    for (let round = 0; round < rounds; round++) {
      let t = performance.now()
      await sweep()
      a.push((subjects * 1000) / (performance.now() - t))
      t = performance.now()
      await scan()
      b.push((subjects * 1000) / (performance.now() - t))
    }
    const opsPerSec = median(a)
    const baselineOpsPerSec = median(b)
    return {
      name: `retention sweep — ${subjects.toLocaleString('en-US')} subjects on ${databaseUrl ? 'PostgreSQL' : 'PGlite'}, pages of ${pageSize.toLocaleString('en-US')} (ops = subjects)`,
      subject: `sweepDueRetention (TTC: 10 years, accounting documents' statutory minimum, consents, holds) — ${due.toLocaleString('en-US')} steps due`,
      baseline: 'plain paged scan of subjects, same page size',
      opsPerSec,
      baselineOpsPerSec,
      ratio: opsPerSec / baselineOpsPerSec,
      subjects,
      due,
    }
  } finally {
    await database.close()
  }
}

export function formatRetentionSweep(result: RetentionSweepResult, format: (r: BenchResult) => string): string {
  return `${format(result)}\n  ratio ${result.ratio.toFixed(2)} of the plain scan's speed; target ≥ 100,000 subjects/s on PostgreSQL over 1,000,000 subjects`
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { formatResult } = await import('./measure.ts')
  const subjects = process.env.SUBJECTS ? Number(process.env.SUBJECTS) : undefined
  const url = process.env.DATABASE_URL || undefined
  process.stdout.write(`${formatRetentionSweep(await benchRetentionSweep({ ...(url ? { databaseUrl: url } : {}), ...(subjects ? { subjects } : {}) }), formatResult)}\n`)
}
