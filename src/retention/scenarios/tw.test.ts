import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEST_DATABASES } from '../../db/test-databases.ts'
import { findDueRetention } from '../find-due-retention.ts'
import { FIXTURE_TIMEOUT_MS, openRetentionFixture, type RetentionFixture } from '../retention-test-kit.ts'

// TechnoWomen: kept until the earliest of a deletion request, a withdrawal or the consent's end (TW-6.3);
// destroyed within 15 days of the purpose (TW-9.7); if that fails, blocked and destroyed within 6 months (TW-9.8).
describe.each(TEST_DATABASES)('TW retention scenarios on $name', (target) => {
  let fx: RetentionFixture
  beforeAll(async () => {
    fx = await openRetentionFixture(target, ['tw'])
  }, FIXTURE_TIMEOUT_MS)
  afterAll(() => fx.close())

  const dueFor = async (subjectId: string, at: string) =>
    (await findDueRetention(fx.deps, 'tw', new Date(at), { limit: 1000 })).filter((d) => d.subjectId === subjectId)
  const items = [{ itemId: 'full-name', purposes: ['registration'], collectedAt: '2024-02-01T10:00:00+05:00' }, { itemId: 'email', purposes: ['registration'], collectedAt: '2024-02-01T10:00:00+05:00' }]

  it('TW-6.3: until the consent ends — the earliest of its expiry and a deletion request', async () => {
    const expiring = await fx.subject('tw', { kind: 'user', items, consents: [{ purposeId: 'registration', expiresAt: '2027-02-01T10:00:00+05:00' }] })
    expect(await dueFor(expiring, '2027-02-01T09:59:00+05:00')).toEqual([])
    expect(await dueFor(expiring, '2027-02-01T10:00:00+05:00')).toMatchObject([{ step: 'destroy', trigger: 'consent_expired' }])
    const asked = await fx.subject('tw', {
      kind: 'user', items, consents: [{ purposeId: 'registration', expiresAt: '2027-02-01T10:00:00+05:00' }],
      requests: [{ kind: 'destroy_unlawful', receivedAt: '2026-11-25T10:00:00+05:00' }],
    })
    expect(await dueFor(asked, '2026-11-25T09:00:00+05:00')).toEqual([])
    expect(await dueFor(asked, '2026-11-26T10:00:00+05:00')).toMatchObject([{ step: 'destroy', trigger: 'deletion_request', triggeredAt: new Date('2026-11-25T05:00:00Z') }])
  })

  it('TW-9.7, TW-9.8: destroy within 15 days of the withdrawal; late, block and destroy within 6 months; blocked, destroy', async () => {
    const subjectId = await fx.subject('tw', { kind: 'user', items, consents: [{ purposeId: 'registration', withdrawalEffectiveAt: '2026-11-25T10:00:00+05:00' }] })
    const inTime = await dueFor(subjectId, '2026-12-02T10:00:00+05:00')
    // 15 calendar days from 25 November: kept at most to the end of 10 December (Almaty).
    expect(inTime).toMatchObject([{ step: 'destroy', trigger: 'consent_withdrawn', deadlineAt: new Date('2026-12-10T19:00:00Z'), clauses: expect.arrayContaining(['TW-9.7', 'TW-9.8']) }])
    expect(await dueFor(subjectId, '2026-12-10T23:59:00+05:00')).toMatchObject([{ step: 'destroy' }])
    const late = await dueFor(subjectId, '2026-12-11T00:00:00+05:00')
    expect(late).toMatchObject([{ step: 'block', deadlineAt: new Date('2027-06-11T19:00:00Z') }])
    await fx.database.db.updateTable('subjects').set({ status: 'blocked' }).where('operator_id', '=', 'tw').where('subject_id', '=', subjectId).execute()
    expect(await dueFor(subjectId, '2026-12-12T10:00:00+05:00')).toMatchObject([{ step: 'destroy', deadlineAt: new Date('2027-06-11T19:00:00Z') }])
  })

  it('TW-6.3: a consent still running keeps the data however old it is', async () => {
    const subjectId = await fx.subject('tw', { kind: 'user', items, consents: [{ purposeId: 'registration' }] })
    expect(await dueFor(subjectId, '2040-01-01T00:00:00+05:00')).toEqual([])
  })
})
