import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signIn, verifyApiKey } from '../access/index.ts'
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../db/index.ts'
import { seedOperators } from '../operators/index.ts'
import { MemoryKeyProvider } from '../subjects/crypto/index.ts'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))

/** `derbes access …` on embedded PGlite in `dataDir`, as an operator runs it to bootstrap. */
function derbes(dataDir: string, args: string[], options: { env?: Record<string, string>; input?: string } = {}) {
  const run = spawnSync(process.execPath, [join(ROOT, 'bin/derbes.js'), 'access', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
    input: options.input ?? '',
    env: { ...process.env, DATABASE_URL: '', DERBES_DATA_DIR: dataDir, DERBES_STAFF_PASSWORD: '', ...options.env },
  })
  return { code: run.status, stdout: run.stdout, stderr: run.stderr }
}

describe('derbes access (bootstrap: the first key and the first administrator)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'derbes-access-'))
  /** Opens the data directory in this process, only while no CLI process holds it. */
  async function withDb<T>(work: (database: DatabaseHandle) => Promise<T>): Promise<T> {
    const database = await openDatabase({ dataDir })
    try {
      return await work(database)
    } finally {
      await database.close()
    }
  }

  beforeAll(async () => {
    await withDb(async (database) => {
      await migrateToLatest(database.db)
      await seedOperators({ db: database.db, clock: () => new Date() }, join(ROOT, 'policies'))
    })
  }, 120_000)
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

  it('creates an API key, prints only the token on stdout, and revokes it (both audited)', async () => {
    const created = derbes(dataDir, ['api-key', 'create', '--operator', 'ttc', '--name', 'bootstrap', '--permissions', 'staff:manage,decisions', '--expires', '2099-01-01'])
    expect(created.code, created.stderr).toBe(0)
    const token = created.stdout.trim()
    expect(token).toMatch(/^dk\.ttc\.[a-z0-9]{16}\.[A-Za-z0-9_-]{43}$/)
    const keyId = token.split('.')[2]!
    const principal = await withDb((database) => verifyApiKey(database.db, token, new Date()))
    expect(principal).toMatchObject({ operatorId: 'ttc', id: keyId, expiresAt: new Date('2099-01-01') })
    expect([...principal!.permissions].sort()).toEqual(['decisions', 'staff:manage'])

    expect(derbes(dataDir, ['api-key', 'revoke', '--operator', 'ttc', '--key', keyId]).code).toBe(0)
    expect(await withDb((database) => verifyApiKey(database.db, token, new Date()))).toBeUndefined()
    const audit = await withDb((database) => database.db.selectFrom('audit_entries').select(['actor', 'details']).where('operator_id', '=', 'ttc').where('action', '=', 'access_changed').execute())
    expect(audit.map((a) => (a.details as { change: string }).change)).toEqual(['api_key_issued', 'api_key_revoked'])
    expect(audit[0]!.actor).toMatch(/^cli:/)
  }, 240_000)

  it('refuses an unknown permission or a bad date and stores nothing', async () => {
    const bad = derbes(dataDir, ['api-key', 'create', '--operator', 'ttc', '--name', 'x', '--permissions', 'root'])
    expect(bad.code).toBe(1)
    expect(bad.stderr).toMatch(/DERBES_VALIDATION.*\n.*'root' is not a permission/)
    const date = derbes(dataDir, ['api-key', 'create', '--operator', 'ttc', '--name', 'x', '--permissions', 'decisions', '--expires', 'soon'])
    expect(date.code).toBe(1)
    expect(date.stderr).toMatch(/--expires 'soon' is not a date/)
    const keys = await withDb((database) => database.db.selectFrom('api_keys').select('name').where('name', '=', 'x').execute())
    expect(keys).toEqual([])
  }, 240_000)

  it('adds an administrator with the password from DERBES_STAFF_PASSWORD, and one from standard input', async () => {
    const admin = derbes(dataDir, ['staff', 'add', '--operator', 'ttc', '--login', 'dpo', '--role', 'authorised-staff', '--admin'], { env: { DERBES_STAFF_PASSWORD: 'first admin password' } })
    expect(admin.code, admin.stderr).toBe(0)
    expect(admin.stdout).toMatch(/\(dpo\) added to ttc: .*staff:manage/)
    expect(admin.stdout).not.toContain('first admin password')
    const piped = derbes(dataDir, ['staff', 'add', '--operator', 'ttc', '--login', 'clerk', '--role', 'branch-staff'], { input: 'piped in password\n' })
    expect(piped.code, piped.stderr).toBe(0)
    expect(piped.stdout).not.toContain('staff:manage')
    await withDb(async (database) => {
      const deps = { db: database.db, clock: () => new Date(), keys: new MemoryKeyProvider() }
      await expect(signIn(deps, 'ttc', { login: 'dpo', password: 'first admin password' })).resolves.toMatchObject({ state: 'active' })
      await expect(signIn(deps, 'ttc', { login: 'clerk', password: 'piped in password' })).resolves.toMatchObject({ state: 'active' })
    })
  }, 240_000)

  it('refuses a member of staff without a password or with a role the policy lacks', () => {
    const none = derbes(dataDir, ['staff', 'add', '--operator', 'ttc', '--login', 'nopass', '--role', 'branch-staff'])
    expect(none.code).toBe(1)
    expect(none.stderr).toMatch(/DERBES_STAFF_PASSWORD/)
    const role = derbes(dataDir, ['staff', 'add', '--operator', 'ttc', '--login', 'norole', '--role', 'janitor'], { env: { DERBES_STAFF_PASSWORD: 'long enough password' } })
    expect(role.code).toBe(1)
    expect(role.stderr).toMatch(/\/body\/roleId not a role of the published policy/)
  }, 240_000)
})
