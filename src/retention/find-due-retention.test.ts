import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEST_DATABASES } from '../db/test-databases.ts'
import { findDueRetention, findDueRetentionPage, sweepDueRetention, type DuePage } from './find-due-retention.ts'
import { FIXTURE_TIMEOUT_MS, openRetentionFixture, type RetentionFixture } from './retention-test-kit.ts'

// The sweep's pages: subject_id order, destroyed subjects skipped, holds honoured, data another purpose needs kept.
describe.each(TEST_DATABASES)('findDueRetention on $name', (target) => {
  let fx: RetentionFixture
  beforeAll(async () => {
    fx = await openRetentionFixture(target, ['ttc', 'tw'])
  }, FIXTURE_TIMEOUT_MS)
  afterAll(() => fx.close())

  it('TTC-6.4: pages in subject_id order; destroyed and held subjects are never due', async () => {
    const ended = '2016-03-01T10:00:00+05:00'
    const items = [{ itemId: 'full-name', purposes: ['contract'], collectedAt: '2012-01-01T00:00:00Z' }]
    await fx.subject('ttc', { kind: 'subscriber', relationshipEndedAt: ended, items }, 'a-1')
    await fx.subject('ttc', { kind: 'subscriber', relationshipEndedAt: ended, items, status: 'destroyed' }, 'a-2')
    await fx.subject('ttc', { kind: 'subscriber', relationshipEndedAt: ended, items, obligations: [{ openedAt: '2015-01-01T00:00:00Z' }] }, 'a-3')
    await fx.subject('ttc', { kind: 'subscriber', relationshipEndedAt: '2020-01-01T00:00:00Z', items }, 'a-4')
    await fx.subject('ttc', { kind: 'subscriber', relationshipEndedAt: ended, items, requests: [{ kind: 'access', receivedAt: '2026-12-01T10:00:00Z' }] }, 'a-5')
    await fx.subject('ttc', { kind: 'subscriber', relationshipEndedAt: ended, items }, 'a-6')
    const asOf = new Date('2026-12-02T10:00:00+05:00')
    // Pages of two subjects: a-1 and a-3 (a-2 destroyed), a-4 and a-5 (held, running), a-6 — until two steps are found.
    const due = await findDueRetention(fx.deps, 'ttc', asOf, { limit: 2 })
    expect(due.map((d) => d.subjectId)).toEqual(['a-1', 'a-6'])
    expect(due[0]).toMatchObject({ ruleId: 'default-10-years', step: 'destroy', trigger: 'relationship_end', dueAt: new Date('2026-03-01T19:00:00Z') })
    expect(due[0]!.itemIds).toBeUndefined()
    // Fewer than the limit means the end; after the last one nothing is left.
    expect((await findDueRetention(fx.deps, 'ttc', asOf, { after: 'a-1', limit: 5 })).map((d) => d.subjectId)).toEqual(['a-6'])
    expect(await findDueRetention(fx.deps, 'ttc', asOf, { after: 'a-6', limit: 2 })).toEqual([])
    const page = await findDueRetentionPage(fx.deps, 'ttc', asOf, { limit: 3 })
    expect(page.nextAfter).toBe('a-4')
  })

  it('TTC-6.4: the sweep yields the pages findDueRetentionPage makes, in order, to the end; stopping early is harmless', async () => {
    const items = [{ itemId: 'full-name', purposes: ['contract'], collectedAt: '2012-01-01T00:00:00Z' }]
    for (const id of ['b-1', 'b-2', 'b-3', 'b-4', 'b-5']) await fx.subject('ttc', { kind: 'subscriber', relationshipEndedAt: '2015-05-05T10:00:00+05:00', items }, id)
    const asOf = new Date('2026-12-02T10:00:00+05:00')
    const byPage: DuePage[] = []
    for (let after: string | undefined; ;) {
      const page = await findDueRetentionPage(fx.deps, 'ttc', asOf, { ...(after !== undefined ? { after } : {}), limit: 2 })
      byPage.push(page)
      if (page.nextAfter === null) break
      after = page.nextAfter
    }
    const swept: DuePage[] = []
    for await (const page of sweepDueRetention(fx.deps, 'ttc', asOf, { limit: 2 })) swept.push(page)
    expect(swept).toEqual(byPage)
    expect(swept.flatMap((p) => p.due.map((d) => d.subjectId))).toEqual(['a-1', 'a-6', 'b-1', 'b-2', 'b-3', 'b-4', 'b-5'])
    for await (const page of sweepDueRetention(fx.deps, 'ttc', asOf, { after: 'a-6', limit: 2 })) {
      expect(page.due.map((d) => d.subjectId)).toEqual(['b-1', 'b-2'])
      break
    }
  })
})
