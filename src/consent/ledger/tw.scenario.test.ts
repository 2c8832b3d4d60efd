import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEST_DATABASES } from '../../db/test-databases.ts'
import { addRepresentative, bearer, insertSubject, openLedgerFixture, outboxOf, type LedgerFixture } from './ledger-test-support.ts'

// TechnoWomen: a legal representative consents for an incapable user (TW-4.1); consent by registering or using
// the site (TW-4.2) until the purposes are reached (TW-4.4); withdrawal by post or an electronic document (TW-4.5).
describe.each(TEST_DATABASES)('TW consent scenarios on $name', (target) => {
  let fx: LedgerFixture
  let auth: { authorization: string }
  beforeAll(async () => {
    fx = await openLedgerFixture(target)
    auth = await bearer(fx.deps, 'tw', ['consents:write', 'consents:read'])
  })
  afterAll(() => fx.close())

  const post = (subjectId: string, path: string, payload: Record<string, unknown>) =>
    fx.app.inject({ method: 'POST', url: `/v1/operators/tw/subjects/${subjectId}/consents${path}`, headers: auth, payload })
  const form = { formId: 'privacy-policy', language: 'en' }

  it('TW-4.1: an incapable user is refused alone; the legal representative consents', async () => {
    const userId = await insertSubject(fx.deps, 'tw', { kind: 'incapable-person', legalCapacity: 'none' })
    const representativeId = await insertSubject(fx.deps, 'tw', { kind: 'legal-representative' })
    await addRepresentative(fx.deps, 'tw', userId, representativeId, 'legal_representative')

    const alone = await post(userId, '', { ...form, evidence: { method: 'registration' } })
    expect(alone.statusCode).toBe(422)
    expect(alone.json().code).toBe('DERBES_CONSENT_REPRESENTATIVE_REQUIRED')
    expect(alone.json().detail).toMatch(/no legal capacity.*TW-4\.1/)

    const res = await post(userId, '', { ...form, givenBy: { representativeId }, evidence: { method: 'registration' } })
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json().record).toMatchObject({ givenBy: { kind: 'representative', relation: 'legal_representative' }, term: { until: 'purpose_achieved' }, expiresAt: null })
  })

  it('TW-4.1: a capable adult consents in person — a guardian cannot consent for one', async () => {
    const userId = await insertSubject(fx.deps, 'tw', { kind: 'user' })
    const stranger = await insertSubject(fx.deps, 'tw', { kind: 'user-representative' })
    await addRepresentative(fx.deps, 'tw', userId, stranger, 'guardian')
    const res = await post(userId, '', { ...form, givenBy: { representativeId: stranger }, evidence: { method: 'form_submission' } })
    expect(res.statusCode).toBe(422)
    expect(res.json().code).toBe('DERBES_CONSENT_REPRESENTATIVE_INVALID')
  })

  it('TW-4.2: continued use of the site is a method; a phone confirmation is not', async () => {
    const userId = await insertSubject(fx.deps, 'tw', { kind: 'user' })
    expect((await post(userId, '', { ...form, evidence: { method: 'continued_use', pageUrl: 'https://technowomen.kz/' } })).statusCode).toBe(201)
    const phone = await post(userId, '', { ...form, evidence: { method: 'phone_confirmation', recordingRef: 'call-1' } })
    expect(phone.json().code).toBe('DERBES_CONSENT_METHOD_NOT_ALLOWED')
  })

  it('TW-4.5: withdrawal by post or by an electronic document; by phone it is refused', async () => {
    const byPost = await insertSubject(fx.deps, 'tw', { kind: 'user' })
    const byEds = await insertSubject(fx.deps, 'tw', { kind: 'user' })
    for (const id of [byPost, byEds]) await post(id, '', { ...form, evidence: { method: 'registration' } })

    const phone = await post(byPost, '/withdraw', { formId: 'privacy-policy', via: 'phone' })
    expect(phone.statusCode).toBe(422)
    expect(phone.json().errors[0].detail).toContain('post, eds_document')
    expect((await post(byPost, '/withdraw', { formId: 'privacy-policy', via: 'post' })).json()).toMatchObject({ outcome: 'withdrawn' })
    expect((await post(byEds, '/withdraw', { formId: 'privacy-policy', via: 'eds_document' })).json()).toMatchObject({ outcome: 'withdrawn' })
    // TW-9.6: processing stops on withdrawal.
    expect((await outboxOf(fx.deps, 'tw', byEds)).map((e) => e.type)).toContain('consequence.processing_stopped')
    const again = await post(byPost, '/withdraw', { formId: 'privacy-policy', via: 'post' })
    expect(again.json().code).toBe('DERBES_CONSENT_NOT_ACTIVE')
  })
})
