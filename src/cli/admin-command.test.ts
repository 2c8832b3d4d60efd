import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { verifyAdminKey } from '../access/index.ts'
import { openDatabase } from '../db/index.ts'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))

/** `derbes admin …` on embedded PGlite in `dataDir`, as whoever runs the server issues installation administrator keys. */
function derbes(dataDir: string, args: string[]) {
  const run = spawnSync(process.execPath, [join(ROOT, 'bin/derbes.js'), 'admin', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, DATABASE_URL: '', DERBES_DATA_DIR: dataDir },
  })
  return { code: run.status, stdout: run.stdout, stderr: run.stderr }
}

describe('derbes admin key (installation administrator keys, issue 3)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'derbes-admin-'))
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }))
  const verify = async (token: string) => {
    const database = await openDatabase({ dataDir })
    try {
      return await verifyAdminKey(database.db, token, new Date())
    } finally {
      await database.close()
    }
  }

  it('creates a key printing only its token, lists it without the secret, revokes it; a bad date stores nothing', async () => {
    const created = derbes(dataDir, ['key', 'create', '--name', 'ops-team', '--expires', '2099-01-01'])
    expect(created.code, created.stderr).toBe(0)
    const token = created.stdout.trim()
    expect(token).toMatch(/^da\.[a-z0-9]{16}\.[A-Za-z0-9_-]{43}$/)
    const keyId = token.split('.')[1]!
    expect(await verify(token)).toMatchObject({ kind: 'installation_admin', id: keyId, actor: `installation_admin:${keyId}`, expiresAt: new Date('2099-01-01') })

    const listed = derbes(dataDir, ['key', 'list'])
    expect(listed.stdout).toMatch(new RegExp(`^${keyId}  ops-team  by cli:\\S+ at \\S+  expires 2099-01-01`, 'm'))
    expect(listed.stdout).not.toContain(token.split('.')[2])

    expect(derbes(dataDir, ['key', 'revoke', '--key', keyId]).code).toBe(0)
    expect(await verify(token)).toBeUndefined()
    const again = derbes(dataDir, ['key', 'revoke', '--key', keyId])
    expect(again.code).toBe(1)
    expect(again.stderr).toContain('DERBES_NOT_FOUND')

    const bad = derbes(dataDir, ['key', 'create', '--name', 'x', '--expires', 'soon'])
    expect(bad.code).toBe(1)
    expect(derbes(dataDir, ['key', 'list']).stdout).not.toContain('  x  ')
  }, 240_000)
})
