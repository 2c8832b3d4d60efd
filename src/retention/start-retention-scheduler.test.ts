import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase, type DatabaseHandle } from '../db/index.ts'
import { TEST_APP_ROLE, TEST_DATABASES } from '../db/test-databases.ts'
import { BusinessCalendar } from '../kz/index.ts'
import { seedOperators } from '../operators/index.ts'
import { MemoryKeyProvider } from '../subjects/crypto/index.ts'
import type { RetentionDeps } from './retention-deps.ts'
import type { FindDue } from './run-retention.ts'
import { startRetentionScheduler, type RetentionScheduler } from './start-retention-scheduler.ts'

const NOW = new Date('2026-12-02T21:30:00Z')
const log = { error: () => undefined }

async function until(check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out')
    await new Promise((r) => setTimeout(r, 200))
  }
}

describe.each(TEST_DATABASES)('the retention scheduler (pg-boss 10) on $name', (target) => {
  let database: DatabaseHandle
  let second: DatabaseHandle | undefined
  const schedulers: RetentionScheduler[] = []
  let runsStarted = 0
  // Counts every execution, whichever process does it; slow enough that both pollers see the job.
  const findDue: FindDue = async () => {
    runsStarted++
    await new Promise((r) => setTimeout(r, 300))
    return []
  }
  const deps = (handle: DatabaseHandle): RetentionDeps & { log: typeof log } => ({ db: handle.db, clock: () => NOW, keys: new MemoryKeyProvider({ clock: () => NOW }), calendar: new BusinessCalendar(), signer: undefined as never, log })

  beforeAll(async () => {
    database = await target.open()
    await seedOperators({ db: database.db, clock: () => NOW }, 'policies')
    if (target.name === 'postgres') {
      // A second Derbes process: its own pool on the same database and schema.
      const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(database.db)
      second = await openDatabase({ databaseUrl: process.env.DATABASE_URL!, searchPath: rows[0]!.schema, role: TEST_APP_ROLE })
    }
  }, 180_000)
  afterAll(async () => {
    for (const s of schedulers) await s.stop()
    await second?.close()
    await database?.close()
  })

  it('issue 5 §2: a sweep runs retention once per operator with a published policy, unattended — and two processes never double-execute a run', async () => {
    const handles = second ? [database, second] : [database]
    for (const handle of handles) schedulers.push(await startRetentionScheduler(deps(handle), { schedule: false, pollingIntervalSeconds: 0.5, findDue }))
    // Both processes ask for the sweep and for TW's run at once: the queues keep one of each.
    await Promise.all(schedulers.map((s) => s.sweepNow()))
    const finished = () => database.db.selectFrom('retention_runs').select(['operator_id', 'started_by', 'status']).where('status', '=', 'finished').execute()
    await until(async () => (await finished()).length >= 5)
    // Every poller has had time to pick up a duplicate, if one existed.
    await new Promise((r) => setTimeout(r, 2_000))
    const runs = await finished()
    expect(runs.map((r) => r.operator_id).sort()).toEqual(['esp', 'kzk', 'ps', 'ttc', 'tw'])
    expect(runs.every((r) => r.started_by === 'schedule')).toBe(true)
    expect(runsStarted).toBe(5)
  }, 60_000)

  it('stops cleanly and a schedule is installed in Asia/Almaty time', async () => {
    const s = await startRetentionScheduler(deps(database), { pollingIntervalSeconds: 0.5, findDue })
    const { rows } = await sql<{ cron: string; timezone: string }>`select cron, timezone from schedule where name = 'derbes-retention-sweep'`.execute(database.db)
    expect(rows).toEqual([{ cron: '30 2 * * *', timezone: 'Asia/Almaty' }])
    await s.stop()
  }, 30_000)
})
