import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEST_DATABASES } from '../../db/test-databases.ts'
import { FIXTURE_TIMEOUT_MS, openRequestsFixture, type RequestsFixture } from '../requests-test-kit.ts'

// ps.kz: client rights — information, changes backed by documents, destruction, anonymisation, blocking,
// withdrawal, complaint (PS-7.1) — with no deadline of its own (`deadlines: {}`): the law's, or the
// installation's default where the law has none; requests of legal representatives (PS-8.2).
describe.each(TEST_DATABASES)('PS request scenarios on $name', (target) => {
  let fx: RequestsFixture
  let token: string
  const submit = (payload: Record<string, unknown>) => fx.call(token, { method: 'POST', url: '/v1/operators/ps/requests', payload })
  beforeAll(async () => {
    fx = await openRequestsFixture(target, undefined, { seeds: ['ps'] })
    token = await fx.token('ps')
  }, FIXTURE_TIMEOUT_MS)
  afterAll(() => fx.close())

  it('PS-7.1: anonymisation — neither the policy nor the law sets a deadline: the default of 15 working days, marked unconfirmed', async () => {
    const client = await fx.subject('ps', { kind: 'client' })
    const res = await submit({ kind: 'anonymise', channel: 'email', subject: { subjectId: client }, content: { items: ['phone', 'email'].map((itemId) => ({ itemId })) } })
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json()).toMatchObject({ state: 'in_progress', dueOn: '2026-12-24', dueBasis: { rule: 'default', days: 15, unit: 'business', unconfirmed: true }, scope: { items: ['phone', 'email'] } })
  })

  it('PS-7.1: changes are backed by documents; the law’s 1 working day applies (art. 25(2)(8))', async () => {
    const client = await fx.subject('ps', { kind: 'client' })
    const res = await submit({ kind: 'rectify', channel: 'email', subject: { subjectId: client }, content: { items: [{ itemId: 'postal-address', value: 'Алматы, Абай д. 1', documents: [{ sha256: '6'.repeat(64), description: 'registration certificate' }] }] } })
    expect(res.json()).toMatchObject({ dueOn: '2026-12-03', dueBasis: { rule: 'law', article: 'art. 25(2)(8)' } })
    const nameOnly = await submit({ kind: 'rectify', channel: 'email', subject: { subjectId: client }, content: { items: [{ itemId: 'postal-address', documents: [{ sha256: '6'.repeat(64) }] }] } })
    expect(nameOnly.json()).toMatchObject({ status: 400, errors: [{ pointer: '/body/content/items/0/value' }] })
  })

  it('PS-7.1: a complaint, destruction and withdrawal are registered with their deadlines', async () => {
    const client = await fx.subject('ps', { kind: 'client' })
    const complaint = (await submit({ kind: 'complaint', channel: 'written', subject: { subjectId: client }, content: { text: 'SSL order sent my data abroad' } })).json()
    expect(complaint).toMatchObject({ dueBasis: { rule: 'default' }, dueOn: '2026-12-24' })
    expect((await submit({ kind: 'destroy_unlawful', channel: 'written', subject: { subjectId: client } })).json()).toMatchObject({ state: 'in_progress', dueOn: '2026-12-03' })
    expect((await submit({ kind: 'withdraw_consent', channel: 'written', subject: { subjectId: client }, content: { formId: 'personal-data-consent' } })).json()).toMatchObject({ state: 'in_progress', dueOn: '2026-12-24', dueBasis: { article: 'art. 8(7)' } })
  })

  it('PS-8.2: a legal representative of a client of limited capacity acts for the client; anyone else waits for authority', async () => {
    const client = await fx.subject('ps', { kind: 'client', legalCapacity: 'limited' })
    const representative = await fx.subject('ps', { kind: 'legal-representative' })
    const stranger = await fx.subject('ps', { kind: 'legal-representative' })
    await fx.representative({ operatorId: 'ps', subjectId: client, representativeId: representative, relation: 'legal_representative', basisDocument: 'court decision 2-114/2025' })
    expect((await submit({ kind: 'information', channel: 'written', subject: { subjectId: client }, representativeId: representative })).json()).toMatchObject({ state: 'in_progress', verification: { authority: { active: true, relation: 'legal_representative' } } })
    expect((await submit({ kind: 'information', channel: 'written', subject: { subjectId: client }, representativeId: stranger })).json()).toMatchObject({ state: 'verifying', waitingFor: ['authority'] })
  })
})
