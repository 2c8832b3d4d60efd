import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEST_DATABASES } from '../../db/test-databases.ts'
import { findDueRetention } from '../find-due-retention.ts'
import { recordRetentionTrigger } from '../record-retention-trigger.ts'
import { FIXTURE_TIMEOUT_MS, openRetentionFixture, type RetentionFixture } from '../retention-test-kit.ts'

// Esperance-RK: processing stops and data is destroyed when consent is withdrawn or the purposes are reached (ESP-8).
describe.each(TEST_DATABASES)('ESP retention scenarios on $name', (target) => {
  let fx: RetentionFixture
  beforeAll(async () => {
    fx = await openRetentionFixture(target, ['esp'])
  }, FIXTURE_TIMEOUT_MS)
  afterAll(() => fx.close())

  const dueFor = async (subjectId: string, at: string) =>
    (await findDueRetention(fx.deps, 'esp', new Date(at), { limit: 1000 })).filter((d) => d.subjectId === subjectId)

  it('ESP-8: a withdrawal destroys what only that purpose used; the purpose reached, the rest goes', async () => {
    const subjectId = await fx.subject('esp', {
      kind: 'client',
      items: [
        { itemId: 'full-name', purposes: ['loyalty', 'advertising'], collectedAt: '2025-03-01T10:00:00+05:00' },
        { itemId: 'phone', purposes: ['advertising'], collectedAt: '2025-03-01T10:00:00+05:00' },
      ],
      consents: [{ purposeId: 'loyalty' }, { purposeId: 'advertising', channel: 'sms', withdrawalEffectiveAt: '2026-11-30T10:00:00+05:00' }],
    })
    expect(await dueFor(subjectId, '2026-11-30T09:59:00+05:00')).toEqual([])
    expect(await dueFor(subjectId, '2026-11-30T10:00:00+05:00')).toMatchObject([{ step: 'destroy', trigger: 'consent_withdrawn', itemIds: ['phone'], clauses: ['ESP-4', 'ESP-8'] }])
    fx.setNow('2026-12-02T10:00:00+05:00')
    await recordRetentionTrigger(fx.deps, { operatorId: 'esp', subjectId, trigger: 'purpose_achieved', purposeId: 'loyalty', occurredAt: new Date('2026-12-01T10:00:00+05:00') }, 'staff:test')
    const all = await dueFor(subjectId, '2026-12-02T10:00:00+05:00')
    expect(all).toHaveLength(1)
    expect(all[0]).toMatchObject({ step: 'destroy', trigger: 'purpose_achieved' })
    expect(all[0]!.itemIds).toBeUndefined()
  })

  it('ESP-8: a withdrawal on one channel leaves the purpose running while another channel is consented', async () => {
    const subjectId = await fx.subject('esp', {
      kind: 'client',
      items: [{ itemId: 'phone', purposes: ['advertising'], collectedAt: '2025-03-01T10:00:00+05:00' }],
      consents: [{ purposeId: 'advertising', channel: 'sms', withdrawalEffectiveAt: '2026-11-30T10:00:00+05:00' }, { purposeId: 'advertising', channel: 'email' }],
    })
    expect(await dueFor(subjectId, '2026-12-02T10:00:00+05:00')).toEqual([])
  })
})
