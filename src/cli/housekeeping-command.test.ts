import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ensureDemoAccess } from '../access/index.ts'
import { openSession } from '../access/staff-sessions.ts'
import { migrateToLatest } from '../db/index.ts'
import { seedOperators } from '../operators/index.ts'
import { ROOT, runDerbes, withDataDir } from './cli-test-kit.ts'

describe('derbes housekeeping run on a PGlite data directory', () => {
  const dir = mkdtempSync(join(tmpdir(), 'derbes-housekeeping-cli-'))
  const dataDir = join(dir, 'pgdata')

  const derbes = (...args: string[]) => runDerbes(['housekeeping', 'run', ...args], { DERBES_DATA_DIR: dataDir, DERBES_KEYS_DIR: join(dir, 'keys'), DERBES_HOUSEKEEPING_SESSION_DAYS: '7', USER: 'dpo' })
  const withDatabase = <T>(work: Parameters<typeof withDataDir<T>>[1]) => withDataDir(dataDir, work)

  beforeAll(async () => {
    const policies = join(dir, 'policies')
    mkdirSync(policies)
    copyFileSync(join(ROOT, 'policies/ttc.yaml'), join(policies, 'ttc.yaml'))
    await withDatabase(async (db) => {
      await migrateToLatest(db)
      const clock = () => new Date()
      await seedOperators({ db, clock }, policies)
      await ensureDemoAccess({ db, clock }, 'ttc')
      const staff = await db.selectFrom('staff_users').select('staff_id').where('operator_id', '=', 'ttc').executeTakeFirstOrThrow()
      // Expired 8 days ago (past the 7 configured) and one open now.
      await openSession(db, 'ttc', staff.staff_id, 'active', new Date(Date.now() - 9 * 86_400_000))
      await openSession(db, 'ttc', staff.staff_id, 'active', new Date())
    })
  }, 120_000)
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('--dry-run counts with the configured periods and changes nothing; the real run removes the expired session and is audited as the CLI user', async () => {
    const dry = derbes('--dry-run')
    expect(dry.code, dry.stderr).toBe(0)
    expect(dry.stdout).toMatch(/^dry run: nothing changed/m)
    expect(dry.stdout).toMatch(/^ttc +1 +0 /m)
    expect(await withDatabase((db) => db.selectFrom('staff_sessions').select('session_id').execute())).toHaveLength(2)

    const real = derbes('--operator', 'ttc', '--json')
    expect(real.code, real.stderr).toBe(0)
    const printed = JSON.parse(real.stdout) as { dryRun: boolean; outcomes: { operatorId: string; counts: Record<string, number> }[] }
    expect(printed).toMatchObject({ dryRun: false, outcomes: [{ operatorId: 'ttc', counts: { staffSessions: 1 } }] })
    await withDatabase(async (db) => {
      expect(await db.selectFrom('staff_sessions').select('session_id').execute()).toHaveLength(1)
      const entry = await db.selectFrom('audit_entries').select(['action', 'actor', 'details']).where('operator_id', '=', 'ttc').orderBy('seq', 'desc').executeTakeFirstOrThrow()
      expect(entry).toMatchObject({ action: 'housekeeping_pruned', actor: 'cli:dpo', details: { counts: { staffSessions: 1 }, periods: { sessionDays: 7 } } })
    })

    const unknown = derbes('--operator', 'nobody')
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toContain('DERBES_OPERATOR_NOT_FOUND')
  })
})
