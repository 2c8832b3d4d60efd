import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEST_DATABASES } from '../../db/test-databases.ts'
import { explainRetention } from '../explain-retention.ts'
import { findDueRetention } from '../find-due-retention.ts'
import { FIXTURE_TIMEOUT_MS, openRetentionFixture, type RetentionFixture } from '../retention-test-kit.ts'

// Transtelecom: ten years after the relationship ends (TTC-6.4), then destroyed or anonymised (TTC-6.5);
// primary accounting documents kept for the statutory term (TTC-4.1.11); nothing while the subject owes (TTC-9.1).
describe.each(TEST_DATABASES)('TTC retention scenarios on $name', (target) => {
  let fx: RetentionFixture
  beforeAll(async () => {
    fx = await openRetentionFixture(target, ['ttc'])
  }, FIXTURE_TIMEOUT_MS)
  afterAll(() => fx.close())

  const dueFor = async (subjectId: string, at: string) =>
    (await findDueRetention(fx.deps, 'ttc', new Date(at), { limit: 1000 })).filter((d) => d.subjectId === subjectId)
  const items = (collectedAt = '2012-05-01T10:00:00+05:00') => [
    { itemId: 'full-name', purposes: ['contract'], collectedAt },
    { itemId: 'payment-instructions', purposes: ['accounting'], collectedAt },
  ]

  it('TTC-6.4: ten years after the relationship ends, not a day earlier (the day counted in Almaty)', async () => {
    const subjectId = await fx.subject('ttc', { kind: 'subscriber', relationshipEndedAt: '2016-12-02T15:00:00+05:00', items: items() })
    expect(await dueFor(subjectId, '2026-12-02T23:59:59+05:00')).toEqual([])
    const due = await dueFor(subjectId, '2026-12-03T00:00:00+05:00')
    expect(due).toHaveLength(1)
    expect(due[0]).toMatchObject({ step: 'destroy', trigger: 'relationship_end', triggeredAt: new Date('2016-12-02T10:00:00Z'), dueAt: new Date('2026-12-02T19:00:00Z') })
    expect(due[0]!.itemIds).toBeUndefined()
    expect(due[0]!.clauses).toContain('TTC-6.4')
    // 20:00 UTC is already the next day in Almaty (UTC+5): that day is the one counted.
    const late = await fx.subject('ttc', { kind: 'subscriber', relationshipEndedAt: '2016-12-02T20:00:00Z', items: items() })
    expect(await dueFor(late, '2026-12-03T23:59:59+05:00')).toEqual([])
    expect(await dueFor(late, '2026-12-04T00:00:00+05:00')).toHaveLength(1)
    // A relationship still running has no clock at all.
    const running = await fx.subject('ttc', { kind: 'subscriber', items: items() })
    expect(await dueFor(running, '2060-01-01T00:00:00+05:00')).toEqual([])
  })

  it('TTC-6.5: destroyed (or anonymised) at the end; a subject already anonymised is left as it is', async () => {
    const active = await fx.subject('ttc', { kind: 'subscriber', relationshipEndedAt: '2014-01-01T10:00:00+05:00', items: items() })
    const anonymised = await fx.subject('ttc', { kind: 'subscriber', relationshipEndedAt: '2014-01-01T10:00:00+05:00', items: items(), status: 'anonymised' })
    expect((await dueFor(active, '2026-12-02T10:00:00+05:00')).map((d) => d.step)).toEqual(['destroy'])
    expect(await dueFor(anonymised, '2026-12-02T10:00:00+05:00')).toEqual([])
  })

  it('TTC-4.1.11: an accounting document is held for its statutory term — the rest goes, the hold shows its law', async () => {
    const subjectId = await fx.subject('ttc', {
      kind: 'subscriber', relationshipEndedAt: '2015-01-10T10:00:00+05:00',
      items: [
        { itemId: 'full-name', purposes: ['contract'], collectedAt: '2012-05-01T10:00:00+05:00' },
        // A settlement document made after the relationship ended, under the accounting law's term.
        { itemId: 'payment-instructions', purposes: ['accounting'], collectedAt: '2023-06-01T10:00:00+05:00' },
      ],
    })
    const due = await dueFor(subjectId, '2026-12-02T10:00:00+05:00')
    expect(due).toHaveLength(1)
    expect(due[0]).toMatchObject({ step: 'destroy', itemIds: ['full-name'] })
    const why = await explainRetention(fx.deps, 'ttc', subjectId, new Date('2026-12-02T10:00:00+05:00'))
    expect(why.holds).toEqual([expect.objectContaining({
      reason: 'statutory', source: 'derived', itemIds: ['payment-instructions'], until: '2028-06-01T19:00:00.000Z', unconfirmed: true,
      detail: expect.stringContaining('On accounting and financial reporting'), clauses: expect.arrayContaining(['TTC-4.1.11']),
    })])
    expect(why.rules.map((r) => r.ruleId)).toEqual(['accounting-documents', 'default-10-years'])
    expect(why.items.find((i) => i.itemId === 'payment-instructions')).toMatchObject({ mayGo: false, statutoryUntil: '2028-06-01T19:00:00.000Z' })
    // The day the statutory term ends, the whole subject goes.
    expect(await dueFor(subjectId, '2028-06-01T23:59:00+05:00')).toMatchObject([{ itemIds: ['full-name'] }])
    const later = await dueFor(subjectId, '2028-06-02T00:00:00+05:00')
    expect(later).toHaveLength(1)
    expect(later[0]!.itemIds).toBeUndefined()
  })

  it('TTC-9.1: an unfulfilled obligation holds the subject, and the console says why; fulfilled, it is due', async () => {
    const subjectId = await fx.subject('ttc', { kind: 'subscriber', relationshipEndedAt: '2014-01-01T10:00:00+05:00', items: items(), obligations: [{ openedAt: '2013-11-01T10:00:00+05:00' }] })
    const asOf = new Date('2026-12-02T10:00:00+05:00')
    expect(await dueFor(subjectId, asOf.toISOString())).toEqual([])
    const why = await explainRetention(fx.deps, 'ttc', subjectId, asOf)
    expect(why.holds).toEqual([expect.objectContaining({ reason: 'unfulfilled_obligation', source: 'derived', clauses: ['TTC-9.1', 'KZK-2.3.5', 'art. 8(2)'] })])
    expect(why.due).toEqual([])
    expect(why.purposes.find((p) => p.purposeId === 'contract')).toMatchObject({ ended: true, clock: { trigger: 'relationship_end', due: true } })
    await fx.database.db.updateTable('subject_obligations').set({ fulfilled_at: '2026-11-30T10:00:00+05:00' }).where('subject_id', '=', subjectId).execute()
    expect(await dueFor(subjectId, asOf.toISOString())).toHaveLength(1)
  })
})
