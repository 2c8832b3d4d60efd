import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEST_DATABASES } from '../../db/test-databases.ts'
import { explainRetention } from '../explain-retention.ts'
import { findDueRetention } from '../find-due-retention.ts'
import { recordRetentionTrigger } from '../record-retention-trigger.ts'
import { FIXTURE_TIMEOUT_MS, openRetentionFixture, type RetentionFixture } from '../retention-test-kit.ts'

// ps.kz: identifiable until the contract ends (PS-6.1), then anonymised and destroyed (PS-6.2); a withdrawal
// ends what rests on consent (PS-4.10) while the legal duty keeps what it needs (PS-8.1).
describe.each(TEST_DATABASES)('PS retention scenarios on $name', (target) => {
  let fx: RetentionFixture
  beforeAll(async () => {
    fx = await openRetentionFixture(target, ['ps'])
  }, FIXTURE_TIMEOUT_MS)
  afterAll(() => fx.close())

  const dueFor = async (subjectId: string, at: string) =>
    (await findDueRetention(fx.deps, 'ps', new Date(at), { limit: 1000 })).filter((d) => d.subjectId === subjectId)

  it('PS-6.1, PS-6.2: kept while the contract runs; at its end anonymised, then destroyed', async () => {
    const subjectId = await fx.subject('ps', { kind: 'client', items: [{ itemId: 'full-name', purposes: ['contract', 'legal-compliance'], collectedAt: '2019-03-01T10:00:00+05:00' }] })
    expect(await dueFor(subjectId, '2030-01-01T00:00:00+05:00')).toEqual([])
    await recordRetentionTrigger(fx.deps, { operatorId: 'ps', subjectId, trigger: 'contract_end', occurredAt: new Date('2026-11-30T18:00:00+05:00') }, 'staff:test')
    expect(await dueFor(subjectId, '2026-11-30T17:59:00+05:00')).toEqual([])
    const first = await dueFor(subjectId, '2026-12-01T09:00:00+05:00')
    expect(first).toMatchObject([{ step: 'anonymise', trigger: 'contract_end', dueAt: new Date('2026-11-30T13:00:00Z'), clauses: expect.arrayContaining(['PS-6.2']) }])
    await fx.database.db.updateTable('subjects').set({ status: 'anonymised' }).where('operator_id', '=', 'ps').where('subject_id', '=', subjectId).execute()
    expect(await dueFor(subjectId, '2026-12-01T09:00:00+05:00')).toMatchObject([{ step: 'destroy', trigger: 'contract_end' }])
  })

  it('PS-4.10, PS-8.1: a withdrawn consent frees only the data no running purpose needs', async () => {
    const subjectId = await fx.subject('ps', {
      kind: 'client',
      items: [
        { itemId: 'full-name', purposes: ['contract', 'legal-compliance'], collectedAt: '2019-03-01T10:00:00+05:00' },
        { itemId: 'email', purposes: ['contract'], collectedAt: '2019-03-01T10:00:00+05:00' },
      ],
      consents: [{ purposeId: 'contract', withdrawalEffectiveAt: '2026-11-20T10:00:00+05:00' }],
    })
    const due = await dueFor(subjectId, '2026-12-02T10:00:00+05:00')
    expect(due).toMatchObject([{ step: 'anonymise', trigger: 'consent_withdrawn', itemIds: ['email'] }])
    const why = await explainRetention(fx.deps, 'ps', subjectId, new Date('2026-12-02T10:00:00+05:00'))
    expect(why.items.find((i) => i.itemId === 'full-name')).toMatchObject({
      mayGo: false, purposes: [{ purposeId: 'contract', clock: { trigger: 'consent_withdrawn', due: true } }, { purposeId: 'legal-compliance', clock: null }],
    })
  })
})
