import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../db/index.ts'
import { TEST_DATABASES } from '../../db/test-databases.ts'
import { seedOperators } from '../../operators/index.ts'
import { putConsent, putSubject } from './decision-db-test-kit.ts'
import { DecisionIndex } from './decision-index.ts'

const NOW = Date.parse('2026-12-10T10:00:00+05:00')

describe.each(TEST_DATABASES)('the warm decision projection on $name', (target) => {
  let database: DatabaseHandle
  const clock = () => new Date(NOW)

  beforeAll(async () => {
    database = await target.open()
    await seedOperators({ db: database.db, clock }, 'policies')
    for (let i = 1; i <= 5; i++) {
      await putSubject(database.db, 'esp', `load-${i}`, { kind: 'client', minorUntil: i === 5 ? '2030-01-02' : null })
      await putConsent(database.db, 'esp', `load-${i}`, { purpose: 'loyalty', formId: 'app-1' })
    }
    await putConsent(database.db, 'esp', 'load-1', { purpose: 'advertising', channel: 'sms', formId: 'marketing-messages', countries: ['RU'] })
    // Another operator's subject never enters ESP's projection (tenant isolation).
    await putSubject(database.db, 'ttc', 'load-9', { kind: 'subscriber' })
  })
  afterAll(async () => {
    await database.close()
  })

  it('loads every subject of the operator, page by page, with its consent rows', async () => {
    const index = new DecisionIndex(database.db, 'esp', { pageSize: 2 })
    await index.sync()
    expect(index.size).toBe(5)
    expect(index.facts('load-9')).toBeUndefined()
    expect(index.rules.versionId).toBe('2025-1')
    expect(index.facts('load-1')).toEqual({
      subjectId: 'load-1', kind: 'client', status: 'active', relationshipEndedAt: null, minorUntil: null, legalCapacity: 'full',
      consents: expect.arrayContaining([
        { purposeId: 'loyalty', channel: '', status: 'given', formId: 'app-1', formVersion: 1, expiresAt: null, withdrawalEffectiveAt: null, byRepresentative: false, countries: [] },
        expect.objectContaining({ purposeId: 'advertising', channel: 'sms', countries: ['RU'] }),
      ]),
    })
    // minor_until is a date; the subject comes of age at midnight in Almaty.
    expect(index.facts('load-5')!.minorUntil).toBe(Date.parse('2030-01-01T19:00:00Z'))
  })

  it('answers from memory until the staleness bound passes, then picks up rows updated since (incremental)', async () => {
    let monotonic = 0
    const index = new DecisionIndex(database.db, 'esp', { maxStalenessMs: 1_000, monotonic: () => monotonic })
    await index.ensureFresh()
    const ask = () => index.decide(index.facts('load-2'), { subjectId: 'load-2', purpose: 'loyalty' }, NOW).allow
    expect(ask()).toBe(true)

    // Written now by the database's clock: a refresh reads what changed since the previous one began (less 5 s of overlap).
    await putConsent(database.db, 'esp', 'load-2', { purpose: 'loyalty', formId: 'app-1', status: 'withdrawn', updatedAt: new Date().toISOString() })
    monotonic = 999
    await index.ensureFresh()
    expect(ask()).toBe(true) // within the bound: the projection may be this stale
    monotonic = 1_001
    expect(index.isFresh()).toBe(false)
    await index.ensureFresh()
    expect(ask()).toBe(false)
    expect(index.facts('load-2')!.consents).toHaveLength(1)
  })

  it('reads a subject that is not in memory with one query, and again after forget()', async () => {
    const index = new DecisionIndex(database.db, 'esp')
    await index.sync()
    await putSubject(database.db, 'esp', 'late-1', { kind: 'client' })
    await putConsent(database.db, 'esp', 'late-1', { purpose: 'loyalty', formId: 'app-1' })
    expect(index.facts('late-1')).toBeUndefined()
    expect(await index.fetch('late-1')).toMatchObject({ subjectId: 'late-1', consents: [{ purposeId: 'loyalty' }] })
    expect(index.facts('late-1')).toBeDefined()

    await putSubject(database.db, 'esp', 'late-1', { kind: 'client', status: 'blocked' })
    index.forget('late-1')
    expect(index.facts('late-1')).toBeUndefined()
    expect((await index.fetch('late-1'))!.status).toBe('blocked')
    expect(await index.fetch('nobody')).toBeUndefined()
  })

  it('a change to a subject row (blocked, art. 25(2)(8)) reaches memory with the next refresh', async () => {
    const index = new DecisionIndex(database.db, 'esp', { maxStalenessMs: 0 })
    await index.sync()
    await putSubject(database.db, 'esp', 'load-3', { kind: 'client', status: 'blocked', updatedAt: new Date().toISOString() })
    await index.sync()
    expect(index.facts('load-3')).toMatchObject({ status: 'blocked', consents: [{ purposeId: 'loyalty' }] })
  })

  it('a write whose updated_at lags the refresh by more than the overlap waits for the next full reload', async () => {
    let monotonic = 0
    const index = new DecisionIndex(database.db, 'esp', { maxStalenessMs: 0, fullReloadMs: 60_000, monotonic: () => monotonic })
    await index.sync()
    await putSubject(database.db, 'esp', 'load-4', { kind: 'client', status: 'blocked', updatedAt: new Date(Date.now() - 60_000).toISOString() })
    monotonic = 1
    await index.sync()
    expect(index.facts('load-4')!.status).toBe('active')
    monotonic = 60_000
    await index.sync()
    expect(index.facts('load-4')!.status).toBe('blocked')
  })

  it('refuses to answer for an operator without a published policy', async () => {
    await expect(new DecisionIndex(database.db, 'nobody').sync()).rejects.toMatchObject({ code: 'DERBES_OPERATOR_NOT_FOUND' })
  })
})
