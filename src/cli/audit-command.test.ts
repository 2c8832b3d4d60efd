import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { appendAudit } from '../audit/append-audit.ts'
import { entry, insertOperator, tamper } from '../audit/audit-test-helpers.ts'
import { migrateToLatest, openDatabase } from '../db/index.ts'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))

describe('derbes audit on a PGlite data directory', () => {
  const dir = mkdtempSync(join(tmpdir(), 'derbes-audit-cli-'))
  const dataDir = join(dir, 'pgdata')
  const keyFile = join(dir, 'keys', 'audit-signing.pem')

  function derbes(...args: string[]) {
    const run = spawnSync(process.execPath, [join(ROOT, 'bin/derbes.js'), 'audit', ...args, '--key-file', keyFile], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 90_000,
      env: { ...process.env, DATABASE_URL: '', DERBES_DATA_DIR: dataDir },
    })
    return { code: run.status, stdout: run.stdout, stderr: run.stderr }
  }
  async function withDatabase(work: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<void>) {
    const database = await openDatabase({ dataDir })
    try {
      await work(database.db)
    } finally {
      await database.close()
    }
  }

  beforeAll(async () => {
    await withDatabase(async (db) => {
      await migrateToLatest(db)
      for (const operatorId of ['ttc', 'tw']) {
        await insertOperator(db, operatorId)
        for (let i = 1; i <= 4; i++) await appendAudit(db, entry(operatorId, i))
      }
    })
  }, 60_000)
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('checkpoint signs every chain with the key file; verify says ok and exits 0', () => {
    const signed = derbes('checkpoint')
    expect(signed.code, signed.stderr).toBe(0)
    expect(signed.stdout).toMatch(/^ttc: signed seq 4 .* with ed25519:[0-9a-f]{16}$/m)
    expect(signed.stdout).toMatch(/^tw: signed seq 4 /m)
    const verified = derbes('verify')
    expect(verified.code, verified.stderr).toBe(0)
    expect(verified.stdout).toMatch(/^ttc: ok — 4 entries, head 4 .*1 signed checkpoint/m)
    expect(verified.stdout).toMatch(/^all chains intact$/m)
  }, 120_000)

  it('verify names the first broken entry and exits 1 after one row is changed (issue 3 item 6)', async () => {
    await withDatabase((db) => tamper(db, sql`update audit_entries set body = replace(body, '"job_duties"', '"contract"') where operator_id = 'tw' and seq = 2`))
    const human = derbes('verify')
    expect(human.code).toBe(1)
    expect(human.stdout).toMatch(/^ttc: ok/m)
    expect(human.stdout).toMatch(/^tw: BROKEN at entry 2 \(hash_mismatch\)/m)

    const json = derbes('verify', '--operator', 'tw', '--json')
    expect(json.code).toBe(1)
    expect(JSON.parse(json.stdout)).toEqual({ ok: false, operators: [{ ok: false, operatorId: 'tw', entries: 1, firstBroken: { seq: 2, reason: 'hash_mismatch', detail: expect.any(String) } }] })
  }, 180_000)

  it('refuses an operator that does not exist', () => {
    const run = derbes('verify', '--operator', 'nobody')
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/DERBES_OPERATOR_NOT_FOUND/)
  }, 120_000)
})
