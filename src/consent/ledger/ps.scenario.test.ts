import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEST_DATABASES } from '../../db/test-databases.ts'
import { bearer, insertSubject, openLedgerFixture, outboxOf, type LedgerFixture } from './ledger-test-support.ts'

// ps.kz: consent in the established form on the website or on paper (PS-4.1), cross-border transfer for domains
// and SSL certificates (PS-4.7), withdrawal ends the contract (PS-7.1).
describe.each(TEST_DATABASES)('PS consent scenarios on $name', (target) => {
  let fx: LedgerFixture
  let auth: { authorization: string }
  beforeAll(async () => {
    fx = await openLedgerFixture(target)
    auth = await bearer(fx.deps, 'ps', ['consents:write', 'consents:read'])
  })
  afterAll(() => fx.close())

  const post = (subjectId: string, path: string, payload: Record<string, unknown>) =>
    fx.app.inject({ method: 'POST', url: `/v1/operators/ps/subjects/${subjectId}/consents${path}`, headers: auth, payload })
  const form = { formId: 'personal-data-consent', language: 'ru', evidence: { method: 'application', reference: 'web-order-77' } }

  it('PS-4.7, art. 16: cross-border transfer consented with the countries of the registries; domestic purposes carry none', async () => {
    const clientId = await insertSubject(fx.deps, 'ps', { kind: 'client' })
    const res = await post(clientId, '', { ...form, countries: ['RU', 'US'] })
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json().record.crossBorder).toEqual({ allowed: true, countries: ['RU', 'US'] })
    expect(res.json().record.recipients).toContainEqual({ id: 'domain-registries', role: 'controller', country: 'ZZ' })
    const state = res.json().state as { purposeId: string; countries: string[] }[]
    expect(state.find((s) => s.purposeId === 'domain-registration')?.countries).toEqual(['RU', 'US'])
    expect(state.find((s) => s.purposeId === 'ssl-certificates')?.countries).toEqual(['RU', 'US'])
    expect(state.find((s) => s.purposeId === 'services')?.countries).toEqual([])
  })

  it('PS-4.7: without named countries no country is consented (the registries are abroad, country not named)', async () => {
    const clientId = await insertSubject(fx.deps, 'ps', { kind: 'client' })
    const res = await post(clientId, '', { ...form, purposes: ['domain-registration'] })
    expect(res.json().record.crossBorder).toEqual({ allowed: true, countries: [] })
    expect(res.json().state).toEqual([expect.objectContaining({ purposeId: 'domain-registration', countries: [] })])
    const kz = await post(clientId, '', { ...form, countries: ['KZ'] })
    expect(kz.json()).toMatchObject({ code: 'DERBES_CONSENT_SCOPE_INVALID', errors: [{ pointer: '/body/countries/0' }] })
  })

  it('PS-4.1: on the website (application) or on paper; a ticked box is not the established form', async () => {
    const clientId = await insertSubject(fx.deps, 'ps', { kind: 'client' })
    expect((await post(clientId, '', { ...form, evidence: { method: 'paper_signature', scanSha256: 'c'.repeat(64) } })).statusCode).toBe(201)
    expect((await post(clientId, '', { ...form, evidence: { method: 'checkbox' } })).json().code).toBe('DERBES_CONSENT_METHOD_NOT_ALLOWED')
  })

  it('PS-7.1: withdrawal ends the contract — contract_terminated is emitted; the portal is not a withdrawal channel', async () => {
    const clientId = await insertSubject(fx.deps, 'ps', { kind: 'client' })
    await post(clientId, '', form)
    expect((await post(clientId, '/withdraw', { formId: 'personal-data-consent', via: 'portal' })).statusCode).toBe(422)
    const res = await post(clientId, '/withdraw', { formId: 'personal-data-consent', via: 'eds_document' })
    expect(res.statusCode, res.body).toBe(200)
    const types = (await outboxOf(fx.deps, 'ps', clientId)).map((e) => e.type)
    expect(types).toEqual(['consent.given', 'consent.withdrawn', 'consequence.contract_terminated', 'consequence.processing_stopped'])
  })
})
