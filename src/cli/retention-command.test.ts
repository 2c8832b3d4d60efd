import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrateToLatest } from '../db/index.ts'
import { seedOperators } from '../operators/index.ts'
import { scanMinors } from '../retention/minors/index.ts'
import { LocalKeyProvider } from '../subjects/crypto/index.ts'
import { registerSubject } from '../subjects/index.ts'
import { ROOT, runDerbes, withDataDir } from './cli-test-kit.ts'

describe('derbes retention run on a PGlite data directory', () => {
  const dir = mkdtempSync(join(tmpdir(), 'derbes-retention-cli-'))
  const dataDir = join(dir, 'pgdata')
  const keysDir = join(dir, 'keys')
  let minor: string

  const derbes = (...args: string[]) => runDerbes(['retention', 'run', ...args], { DERBES_DATA_DIR: dataDir, DERBES_KEYS_DIR: keysDir, USER: 'dpo' })
  const withDatabase = <T>(work: Parameters<typeof withDataDir<T>>[1]) => withDataDir(dataDir, work)

  beforeAll(async () => {
    const policies = join(dir, 'policies')
    mkdirSync(policies)
    copyFileSync(join(ROOT, 'policies/ttc.yaml'), join(policies, 'ttc.yaml'))
    minor = await withDatabase(async (db) => {
      await migrateToLatest(db)
      const clock = () => new Date()
      await seedOperators({ db, clock }, policies)
      const keys = new LocalKeyProvider({ directory: keysDir })
      const subject = await registerSubject({ db, clock, keys }, { operatorId: 'ttc', kind: 'subscriber', birthDate: '2014-06-01' }, 'staff:test')
      await scanMinors({ db, clock }, 'ttc', 'staff:test')
      return subject.subjectId
    })
  }, 120_000)
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('TTC-10.4: --dry-run prints what is due and changes nothing; the real run destroys the minor, prints the act, and is audited as the CLI user', async () => {
    const dry = derbes('--operator', 'ttc', '--dry-run')
    expect(dry.code, dry.stderr).toBe(0)
    expect(dry.stdout).toMatch(/^run +\S+ \(dry run: nothing changed\)$/m)
    expect(dry.stdout).toMatch(/^due +1$/m)
    expect(dry.stdout).toMatch(/^would do +1 \(block 0, anonymise 0, destroy 1\) of 1 subject\(s\)$/m)
    expect(dry.stdout).toMatch(/^held +0 /m)
    expect(dry.stdout).toMatch(/^act +—$/m)
    expect(await withDatabase(async (db) => (await db.selectFrom('subjects').select('status').where('subject_id', '=', minor).executeTakeFirstOrThrow()).status)).toBe('blocked')

    const real = derbes('--operator', 'ttc')
    expect(real.code, real.stderr).toBe(0)
    expect(real.stdout).toMatch(/^status +finished$/m)
    expect(real.stdout).toMatch(/^done +1 \(block 0, anonymise 0, destroy 1\)/m)
    expect(real.stdout).toMatch(/^failed +0$/m)
    const actId = /^act +(\S+)$/m.exec(real.stdout)?.[1]
    expect(actId).toMatch(/^[0-9a-f-]{36}$/)
    await withDatabase(async (db) => {
      expect((await db.selectFrom('subjects').select('status').where('subject_id', '=', minor).executeTakeFirstOrThrow()).status).toBe('destroyed')
      expect(await db.selectFrom('retention_acts').select('act_id').where('operator_id', '=', 'ttc').execute()).toEqual([{ act_id: actId }])
      const runs = await db.selectFrom('retention_runs').select(['started_by', 'dry_run']).where('operator_id', '=', 'ttc').orderBy('started_at').execute()
      expect(runs).toEqual([{ started_by: 'cli:dpo', dry_run: true }, { started_by: 'cli:dpo', dry_run: false }])
    })
  }, 120_000)

  it('refuses a real run as of a future day, a malformed date and an unknown operator (exit 1, nothing run)', async () => {
    const future = derbes('--operator', 'ttc', '--as-of', '2999-01-01')
    expect(future.code).toBe(1)
    expect(future.stderr).toContain('DERBES_VALIDATION')
    expect(derbes('--operator', 'ttc', '--as-of', '01.01.2027').stderr).toContain('YYYY-MM-DD')
    const unknown = derbes('--operator', 'nobody', '--dry-run')
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toContain('DERBES_OPERATOR_NOT_FOUND')
    const json = derbes('--operator', 'ttc', '--dry-run', '--as-of', '2999-01-01', '--json')
    expect(json.code, json.stderr).toBe(0)
    expect(JSON.parse(json.stdout)).toMatchObject({ operatorId: 'ttc', dryRun: true, asOf: '2998-12-31T19:00:00.000Z', held: 0 })
    expect(await withDatabase(async (db) => (await db.selectFrom('retention_runs').select('run_id').where('operator_id', '=', 'ttc').execute()).length)).toBe(3)
  }, 120_000)
})
