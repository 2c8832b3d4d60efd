import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openObligation } from '../../consent/index.ts'
import { TEST_DATABASES } from '../../db/test-databases.ts'
import { FIXTURE_TIMEOUT_MS, openRequestsFixture, type RequestsFixture } from '../requests-test-kit.ts'

// Kezekshi.kz: complaints settled within 7 business days (KZK-7.1), parents act for their minor children
// (KZK-1.13), a block from the moment of the request (KZK-5.1.4), no withdrawal while an obligation is open (KZK-2.3.5).
describe.each(TEST_DATABASES)('KZK request scenarios on $name', (target) => {
  let fx: RequestsFixture
  let token: string
  const submit = (payload: Record<string, unknown>) => fx.call(token, { method: 'POST', url: '/v1/operators/kzk/requests', payload })
  beforeAll(async () => {
    fx = await openRequestsFixture(target, undefined, { seeds: ['kzk'] })
    token = await fx.token('kzk')
  }, FIXTURE_TIMEOUT_MS)
  afterAll(() => fx.close())

  it('KZK-7.1: a complaint is due within 7 business days — 16 December, Independence Day, skipped', async () => {
    const parent = await fx.subject('kzk', { kind: 'parent' })
    const res = await submit({ kind: 'complaint', channel: 'email', subject: { subjectId: parent }, content: { text: 'Асхана картасынан ақша екі рет алынды' } })
    expect(res.statusCode, res.body).toBe(201)
    // 3, 4, 7, 8, 9, 10, 11 December.
    expect(res.json()).toMatchObject({ state: 'in_progress', dueOn: '2026-12-11', dueBasis: { rule: 'policy', days: 7, clauses: ['KZK-7.1'] } })
    expect(res.body).not.toContain('Асхана')
    fx.setNow('2026-12-09T12:00:00+05:00')
    const later = (await submit({ kind: 'complaint', channel: 'email', subject: { subjectId: parent }, content: { text: 'library' } })).json()
    // 10, 11, 14, 15, 17, 18, 21 December.
    expect(later.dueOn).toBe('2026-12-21')
    fx.setNow('2026-12-02T10:00:00+05:00')
  })

  it('KZK-7.1: across a transferred day off — 8 May 2024 off, Saturday 4 May a working day', async () => {
    const parent = await fx.subject('kzk', { kind: 'parent' })
    const res = (await submit({ kind: 'complaint', channel: 'written', subject: { subjectId: parent }, receivedAt: '2024-05-02T12:00:00+05:00', content: { text: 'turnstile' } })).json()
    // 3, 4 (Saturday, working), 6, then 7–9 May off, 10, 13, 14, 15 May.
    expect(res).toMatchObject({ dueOn: '2024-05-15', overdue: true })
  })

  it('KZK-1.13: a parent acts for a minor child; once the child comes of age the parent’s authority ends', async () => {
    const parent = await fx.subject('kzk', { kind: 'parent' })
    const child = await fx.subject('kzk', { kind: 'child', birthDate: '2008-12-20' })
    await fx.representative({ operatorId: 'kzk', subjectId: child, representativeId: parent, relation: 'parent' })
    const minor = (await submit({ kind: 'access', channel: 'email', subject: { subjectId: child }, representativeId: parent })).json()
    expect(minor).toMatchObject({ state: 'in_progress', requestedBy: 'representative', verification: { authority: { active: true, relation: 'parent' } } })
    fx.setNow('2026-12-21T10:00:00+05:00')
    const adult = (await submit({ kind: 'access', channel: 'email', subject: { subjectId: child }, representativeId: parent })).json()
    expect(adult).toMatchObject({ state: 'verifying', waitingFor: ['authority'] })
    fx.setNow('2026-12-02T10:00:00+05:00')
  })

  it('KZK-5.1.4: a block is due from the moment of the request — the same business day', async () => {
    const parent = await fx.subject('kzk', { kind: 'parent' })
    expect((await submit({ kind: 'block', channel: 'email', subject: { subjectId: parent } })).json()).toMatchObject({ dueOn: '2026-12-02', businessDaysLeft: 0, dueBasis: { rule: 'policy', days: 0, clauses: ['KZK-5.1.4'] } })
  })

  it('KZK-2.3.5: withdrawing consent while an obligation is open is refused', async () => {
    const parent = await fx.subject('kzk', { kind: 'parent' })
    await openObligation(fx.deps, { operatorId: 'kzk', subjectId: parent, obligationId: 'canteen-debt', kind: 'unpaid_balance' })
    const res = (await submit({ kind: 'withdraw_consent', channel: 'email', subject: { subjectId: parent }, content: { formId: 'registration' } })).json()
    expect(res).toMatchObject({ state: 'refused', refusal: { ground: 'obligation_unfulfilled' } })
    expect(res.refusal.clauses).toEqual(['KZK-2.3.5', 'art. 8(2)'])
  })
})
