import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEST_DATABASES } from '../../db/test-databases.ts'
import { applyDueWithdrawals } from './apply-due-withdrawals.ts'
import { addRepresentative, bearer, insertSubject, openLedgerFixture, outboxOf, type LedgerFixture } from './ledger-test-support.ts'

// Esperance-RK: marketing per channel vs order notifications (ESP-2), the Appendix 1 consent withdrawn
// 10 business days after a written application (App.1 §5), the loyalty card blocked and re-consent (ESP-9),
// an attorney (ESP-3), transfer to Russia (App.1).
describe.each(TEST_DATABASES)('ESP consent scenarios on $name', (target) => {
  let fx: LedgerFixture
  let auth: { authorization: string }
  beforeAll(async () => {
    fx = await openLedgerFixture(target)
    auth = await bearer(fx.deps, 'esp', ['consents:write', 'consents:read'])
  })
  afterAll(() => fx.close())

  const post = (subjectId: string, path: string, payload: Record<string, unknown>) =>
    fx.app.inject({ method: 'POST', url: `/v1/operators/esp/subjects/${subjectId}/consents${path}`, headers: auth, payload })
  const stateOf = async (subjectId: string) =>
    (await fx.app.inject({ method: 'GET', url: `/v1/operators/esp/subjects/${subjectId}/consents`, headers: auth })).json().state as { purposeId: string; channel: string; status: string; countries: string[]; withdrawalEffectiveAt: string | null }[]
  const appendix1 = { formId: 'app-1', language: 'ru', evidence: { method: 'application', reference: 'anketa-0042' } }

  it('ESP-2: SMS marketing consented without e-mail marketing; a channel the purpose lacks is refused', async () => {
    fx.setNow('2026-12-02T10:00:00+05:00')
    const subjectId = await insertSubject(fx.deps, 'esp', { kind: 'client' })
    const res = await post(subjectId, '', { formId: 'marketing-messages', language: 'kk', channels: { advertising: ['sms'] }, evidence: { method: 'checkbox' } })
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json().record).toMatchObject({ channels: ['sms'], channelsByPurpose: { advertising: ['sms'] } })
    expect((await stateOf(subjectId)).map((s) => `${s.purposeId}/${s.channel}/${s.status}`)).toEqual(['advertising/sms/given'])

    const refusedEmail = await post(subjectId, '/refuse', { formId: 'marketing-messages', language: 'kk', channels: { advertising: ['email'] } })
    expect(refusedEmail.statusCode, refusedEmail.body).toBe(201)
    expect((await stateOf(subjectId)).map((s) => `${s.purposeId}/${s.channel}/${s.status}`)).toEqual(['advertising/email/refused', 'advertising/sms/given'])

    const messenger = await post(subjectId, '', { formId: 'marketing-messages', language: 'kk', channels: { advertising: ['messenger'] }, evidence: { method: 'checkbox' } })
    expect(messenger.statusCode).toBe(422)
    expect(messenger.json()).toMatchObject({ code: 'DERBES_CONSENT_SCOPE_INVALID', errors: [{ pointer: '/body/channels/advertising/0' }] })
  })

  it('ESP-2: order notifications are transactional — no consent is asked or recorded for them', async () => {
    const subjectId = await insertSubject(fx.deps, 'esp', { kind: 'client' })
    const res = await post(subjectId, '', { ...appendix1, purposes: ['loyalty', 'order-notifications'] })
    expect(res.statusCode).toBe(422)
    expect(res.json()).toMatchObject({ code: 'DERBES_CONSENT_SCOPE_INVALID', errors: [{ pointer: '/body/purposes/1' }] })
    expect(await stateOf(subjectId)).toEqual([])
  })

  it('ESP-2: refusing a consent in force is not a withdrawal', async () => {
    const subjectId = await insertSubject(fx.deps, 'esp', { kind: 'client' })
    await post(subjectId, '', { formId: 'marketing-messages', language: 'en', evidence: { method: 'checkbox' } })
    const res = await post(subjectId, '/refuse', { formId: 'marketing-messages', language: 'en' })
    expect(res.statusCode).toBe(409)
    expect(res.json().code).toBe('DERBES_CONSENT_ALREADY_GIVEN')
  })

  it('ESP App.1: transfer to the Russian Federation is consented with the country; another country is refused', async () => {
    const subjectId = await insertSubject(fx.deps, 'esp', { kind: 'client' })
    const res = await post(subjectId, '', appendix1)
    expect(res.json().record.crossBorder).toEqual({ allowed: true, countries: ['RU'] })
    expect((await stateOf(subjectId)).find((s) => s.purposeId === 'loyalty')?.countries).toEqual(['RU'])
    const us = await post(await insertSubject(fx.deps, 'esp', { kind: 'client' }), '', { ...appendix1, countries: ['US'] })
    expect(us.statusCode).toBe(422)
    expect(us.json().errors).toEqual([expect.objectContaining({ pointer: '/body/countries/0' })])
  })

  it('ESP App.1 §5: a written withdrawal takes effect 10 business days after receipt — Nauryz (21–25 March 2026) not counted', async () => {
    fx.setNow('2026-03-20T10:00:00+05:00') // a Friday
    const subjectId = await insertSubject(fx.deps, 'esp', { kind: 'client' })
    expect((await post(subjectId, '', appendix1)).statusCode).toBe(201)
    const byEmail = await post(subjectId, '/withdraw', { formId: 'app-1', via: 'email' })
    expect(byEmail.json().code).toBe('DERBES_CONSENT_WITHDRAWAL_CHANNEL_NOT_ALLOWED')

    const res = await post(subjectId, '/withdraw', { formId: 'app-1', via: 'written_application' })
    expect(res.statusCode, res.body).toBe(202)
    // 8 April, not 3 April: 21–25 March are Nauryz and the days off moved from its weekend.
    expect(res.json()).toMatchObject({ outcome: 'scheduled', record: { kind: 'withdrawal_requested', effectiveAt: '2026-04-07T19:00:00.000Z', withdrawal: { noticeBusinessDays: 10 } } })
    const pending = await stateOf(subjectId)
    expect(pending.every((s) => s.status === 'withdrawal_pending' && s.withdrawalEffectiveAt === '2026-04-07T19:00:00.000Z')).toBe(true)

    expect(await applyDueWithdrawals(fx.deps, new Date('2026-04-07T23:59:00+05:00'))).toBe(0)
    fx.setNow('2026-04-08T00:05:00+05:00')
    expect(await applyDueWithdrawals(fx.deps, fx.deps.clock())).toBe(1)
    expect(await applyDueWithdrawals(fx.deps, fx.deps.clock())).toBe(0)
    expect((await stateOf(subjectId)).every((s) => s.status === 'withdrawn')).toBe(true)

    // ESP-9: the loyalty card is blocked and participation ends — events the operator's systems act on.
    const types = (await outboxOf(fx.deps, 'esp', subjectId)).map((e) => e.type)
    expect(types).toEqual([
      'consent.given', 'consent.withdrawal_scheduled', 'consent.withdrawn',
      'consequence.loyalty_ended', 'consequence.loyalty_card_blocked', 'consequence.discounts_stopped', 'consequence.reconsent_required',
    ])

    // ESP-9: to use the services again the subject consents again — a new 'given'.
    const again = await post(subjectId, '', appendix1)
    expect(again.statusCode).toBe(201)
    expect(again.json().record.kind).toBe('given')
    expect((await stateOf(subjectId)).every((s) => s.status === 'given')).toBe(true)
  })

  it('ESP App.1 §5: consenting again before the day keeps the consent and cancels the withdrawal', async () => {
    fx.setNow('2026-03-20T10:00:00+05:00')
    const subjectId = await insertSubject(fx.deps, 'esp', { kind: 'client' })
    await post(subjectId, '', appendix1)
    await post(subjectId, '/withdraw', { formId: 'app-1', via: 'written_application' })
    fx.setNow('2026-03-27T10:00:00+05:00')
    await post(subjectId, '', appendix1)
    fx.setNow('2026-04-09T10:00:00+05:00')
    await applyDueWithdrawals(fx.deps, fx.deps.clock())
    expect((await stateOf(subjectId)).every((s) => s.status === 'given')).toBe(true)
    expect((await outboxOf(fx.deps, 'esp', subjectId)).map((e) => e.type)).not.toContain('consequence.loyalty_card_blocked')
  })

  it('ESP-3: a representative under a power of attorney consents while it is valid, not after', async () => {
    fx.setNow('2026-12-02T10:00:00+05:00')
    const clientId = await insertSubject(fx.deps, 'esp', { kind: 'client' })
    const attorneyId = await insertSubject(fx.deps, 'esp', { kind: 'attorney' })
    await addRepresentative(fx.deps, 'esp', clientId, attorneyId, 'attorney', { from: '2026-01-01', until: '2026-12-31' })
    const res = await post(clientId, '', { ...appendix1, givenBy: { representativeId: attorneyId } })
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json().record.givenBy).toEqual({ kind: 'representative', representativeId: attorneyId, relation: 'attorney' })
    expect(res.json().state.every((s: { byRepresentative: boolean }) => s.byRepresentative)).toBe(true)

    fx.setNow('2027-01-05T10:00:00+05:00')
    const expired = await post(clientId, '', { ...appendix1, givenBy: { representativeId: attorneyId } })
    expect(expired.statusCode).toBe(422)
    expect(expired.json()).toMatchObject({ code: 'DERBES_CONSENT_REPRESENTATIVE_INVALID', errors: [{ pointer: '/body/givenBy/representativeId' }] })
  })
})
