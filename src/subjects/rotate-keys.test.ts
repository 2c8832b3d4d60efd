import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Principal } from '../access/index.ts'
import type { DatabaseHandle } from '../db/index.ts'
import { TEST_DATABASES } from '../db/test-databases.ts'
import type { MemoryKeyProvider } from './crypto/index.ts'
import { collectSubjectData } from './collect-data.ts'
import { readSubjectData } from './read-data.ts'
import { registerSubject } from './register-subject.ts'
import { rewrapSubjectKeys, rotateOperatorKey } from './rotate-keys.ts'
import { openSeeded } from './subjects-test-helpers.ts'
import type { SubjectsDeps } from './subjects-deps.ts'

const reader: Principal = { kind: 'api_key', id: 'k', operatorId: 'ps', permissions: new Set(['data:read']), actor: 'api_key:k' }

describe.each(TEST_DATABASES)('key rotation on $name', (target) => {
  let database: DatabaseHandle
  let deps: SubjectsDeps & { keys: MemoryKeyProvider }

  beforeAll(async () => {
    ;({ database, deps } = await openSeeded(target))
  })
  afterAll(async () => {
    await database.close()
  })

  const keyRows = () => database.db.selectFrom('subject_keys').selectAll().where('operator_id', '=', 'ps').orderBy('subject_id').execute()
  const vaultRows = () => database.db.selectFrom('vault_items').selectAll().where('operator_id', '=', 'ps').orderBy('subject_id').orderBy('item_id').execute()
  const readAll = async (subjects: string[]) =>
    Promise.all(subjects.map(async (subjectId) => (await readSubjectData(deps, { operatorId: 'ps', subjectId, basis: 'job_duties' }, reader)).values.map((v) => v.value)))

  it('rotation and rewrap re-encrypt no value: vault ciphertexts stay byte for byte, and stay readable', async () => {
    const subjects: string[] = []
    for (let i = 0; i < 5; i++) {
      const subjectId = (await registerSubject(deps, { operatorId: 'ps', kind: 'client' }, 'staff:1')).subjectId
      await collectSubjectData(deps, { operatorId: 'ps', subjectId, items: [
        { itemId: 'full-name', value: `Клиент ${i}`, source: 'subject', purposes: ['services'] },
        { itemId: 'phone', value: `8701555400${i}`, source: 'subject', purposes: ['services'] },
      ] }, 'staff:1')
      subjects.push(subjectId)
    }
    const values = await readAll(subjects)
    const ciphertexts = await vaultRows()
    const before = await keyRows()
    const first = before[0]!.key_id
    expect(new Set(before.map((r) => r.key_id))).toEqual(new Set([first]))

    const rotated = await rotateOperatorKey(deps, 'ps')
    expect(rotated.previousKeyId).toBe(first)
    expect(rotated.currentKeyId).not.toBe(first)
    expect(await keyRows()).toEqual(before)
    expect(await readAll(subjects)).toEqual(values)

    const batches: number[] = []
    const result = await rewrapSubjectKeys(deps, 'ps', { batchSize: 2, onBatch: (p) => batches.push(p.rewrapped) })
    expect(result).toEqual({ rewrapped: 5, batches: 3, currentKeyId: rotated.currentKeyId })
    expect(batches).toEqual([2, 4, 5])
    const after = await keyRows()
    expect(after.map((r) => r.key_id)).toEqual(Array(5).fill(rotated.currentKeyId))
    after.forEach((row, i) => expect(row.wrapped_key).not.toBe(before[i]!.wrapped_key))
    expect(await vaultRows()).toEqual(ciphertexts)
    expect(await readAll(subjects)).toEqual(values)
    // A new subject is wrapped under the current key; nothing is left to rewrap.
    await registerSubject(deps, { operatorId: 'ps', kind: 'client' }, 'staff:1')
    expect(await rewrapSubjectKeys(deps, 'ps')).toEqual({ rewrapped: 0, batches: 0, currentKeyId: rotated.currentKeyId })
  })

  it('refuses an unknown operator and a batch size below 1', async () => {
    await expect(rotateOperatorKey(deps, 'nobody')).rejects.toMatchObject({ code: 'DERBES_OPERATOR_NOT_FOUND' })
    await expect(rewrapSubjectKeys(deps, 'nobody')).rejects.toMatchObject({ code: 'DERBES_OPERATOR_NOT_FOUND' })
    await expect(rewrapSubjectKeys(deps, 'ps', { batchSize: 0 })).rejects.toMatchObject({ code: 'DERBES_VALIDATION' })
  })
})
