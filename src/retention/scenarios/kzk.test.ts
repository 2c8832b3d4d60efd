import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEST_DATABASES } from '../../db/test-databases.ts'
import { loadPolicy } from '../../policy/index.ts'
import { lintPolicy } from '../../policy/lint/index.ts'
import { explainRetention } from '../explain-retention.ts'
import { findDueRetention } from '../find-due-retention.ts'
import { FIXTURE_TIMEOUT_MS, openRetentionFixture, type RetentionFixture } from '../retention-test-kit.ts'

// Kezekshi.kz processes "without time limit" (KZK-3.12): retention never makes anything due, and the
// linter keeps saying the policy breaks storage limitation (art. 12(2), art. 18).
describe.each(TEST_DATABASES)('KZK retention scenarios on $name', (target) => {
  let fx: RetentionFixture
  beforeAll(async () => {
    fx = await openRetentionFixture(target, ['kzk'])
  }, FIXTURE_TIMEOUT_MS)
  afterAll(() => fx.close())

  it('KZK-3.12: unlimited — never due, fifty years on; the linter\'s retention-unlimited finding stays', async () => {
    const subjectId = await fx.subject('kzk', { kind: 'parent', relationshipEndedAt: '2027-06-01T10:00:00+05:00', items: [{ itemId: 'user-name', purposes: ['identification', 'support'], collectedAt: '2026-09-01T10:00:00+05:00' }] })
    const asOf = new Date('2076-12-02T10:00:00+05:00')
    expect((await findDueRetention(fx.deps, 'kzk', asOf, { limit: 1000 })).filter((d) => d.subjectId === subjectId)).toEqual([])
    const why = await explainRetention(fx.deps, 'kzk', subjectId, asOf)
    expect(why.rules).toEqual([expect.objectContaining({ ruleId: 'unlimited', keep: 'unlimited', clauses: ['KZK-3.12'] })])
    expect(why.purposes.every((p) => p.clock === null && !p.ended)).toBe(true)
    const loaded = loadPolicy(readFileSync(new URL('../../../policies/kzk.yaml', import.meta.url), 'utf8'), 'policies/kzk.yaml')
    if (!loaded.ok) throw new Error('kzk.yaml does not load')
    expect(lintPolicy(loaded).findings.filter((f) => f.ruleId === 'retention-unlimited')).toHaveLength(1)
  })
})
