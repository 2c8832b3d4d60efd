import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { migrateToLatest, openDatabase } from '../db/index.ts'
import { seedOperators } from '../operators/index.ts'
import { LocalKeyProvider } from '../subjects/crypto/index.ts'
import { collectSubjectData, readSubjectData, registerSubject } from '../subjects/index.ts'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))

function derbes(dataDir: string, ...args: string[]) {
  // PGlite in a data directory of its own: the CLI must not reach the PostgreSQL server a CI run sets.
  const env: NodeJS.ProcessEnv = { ...process.env, DERBES_DATA_DIR: dataDir }
  delete env.DATABASE_URL
  delete env.DERBES_CONFIG
  const run = spawnSync(process.execPath, [join(ROOT, 'bin/derbes.js'), ...args], { cwd: ROOT, env, encoding: 'utf8', timeout: 120_000 })
  return { code: run.status, stdout: run.stdout, stderr: run.stderr }
}

describe('derbes keys', () => {
  it('rotate, then rewrap in batches: values stay readable and their ciphertexts unchanged', { timeout: 300_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'derbes-keys-'))
    const dataDir = join(dir, 'pgdata')
    const keysDir = join(dir, 'keys')
    const clock = () => new Date('2026-12-02T10:00:00Z')
    const open = () => openDatabase({ dataDir })

    let database = await open()
    await migrateToLatest(database.db)
    // One seed operator is enough here, and quicker to publish.
    const policies = join(dir, 'policies')
    mkdirSync(policies)
    copyFileSync(join(ROOT, 'policies/tw.yaml'), join(policies, 'tw.yaml'))
    await seedOperators({ db: database.db, clock }, policies)
    const deps = { db: database.db, clock, keys: new LocalKeyProvider({ directory: keysDir }) }
    const subjects: string[] = []
    for (const phone of ['87015556001', '87015556002', '87015556003']) {
      const subjectId = (await registerSubject(deps, { operatorId: 'tw', kind: 'user' }, 'staff:1')).subjectId
      await collectSubjectData(deps, { operatorId: 'tw', subjectId, items: [{ itemId: 'phone', value: phone, source: 'subject', purposes: ['registration'] }] }, 'staff:1')
      subjects.push(subjectId)
    }
    const ciphertexts = await database.db.selectFrom('vault_items').select(['subject_id', 'ciphertext']).orderBy('subject_id').execute()
    const firstKey = (await database.db.selectFrom('subject_keys').select('key_id').executeTakeFirstOrThrow()).key_id
    await database.close()

    const rotate = derbes(dataDir, 'keys', 'rotate', '--operator', 'tw', '--keys-dir', keysDir)
    expect(rotate.code, rotate.stderr).toBe(0)
    const current = /^tw: (kek-\d{8}-[0-9a-f]{8}) is current \(was (kek-[^)]+)\)/m.exec(rotate.stdout)
    expect(current?.[2]).toBe(firstKey)
    const rewrap = derbes(dataDir, 'keys', 'rewrap', '--operator', 'tw', '--keys-dir', keysDir, '--batch-size', '2')
    expect(rewrap.code, rewrap.stderr).toBe(0)
    expect(rewrap.stdout).toBe(`tw: 3 data keys re-wrapped under ${current![1]} in 2 batch(es)\n`)

    database = await open()
    try {
      expect((await database.db.selectFrom('subject_keys').select('key_id').execute()).map((r) => r.key_id)).toEqual(Array(3).fill(current![1]))
      expect(await database.db.selectFrom('vault_items').select(['subject_id', 'ciphertext']).orderBy('subject_id').execute()).toEqual(ciphertexts)
      const reader = { kind: 'api_key' as const, id: 'k', operatorId: 'tw', permissions: new Set(['data:read' as const]), actor: 'api_key:k' }
      const fresh = { db: database.db, clock, keys: new LocalKeyProvider({ directory: keysDir }) }
      const values = await Promise.all(subjects.map(async (subjectId) => (await readSubjectData(fresh, { operatorId: 'tw', subjectId, basis: 'job_duties' }, reader)).values[0]!.value))
      expect(values.sort()).toEqual(['+77015556001', '+77015556002', '+77015556003'])
    } finally {
      await database.close()
    }
  })
})
