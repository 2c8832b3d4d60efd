import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEST_DATABASES } from '../db/test-databases.ts'
import { FIXTURE_TIMEOUT_MS, openRequestsFixture, type RequestsFixture } from './requests-test-kit.ts'

// Staff handling a request open what it keeps sealed — on a basis the policy lists (TTC-7.1/7.2), audited.
describe.each(TEST_DATABASES)('GET …/requests/{requestId}/content on $name', (target) => {
  let fx: RequestsFixture
  let manager: string
  let rectification: string
  let subjectId: string
  const url = (operatorId: string, requestId: string, query = '') => `/v1/operators/${operatorId}/requests/${requestId}/content${query}`
  const views = async (operatorId: string) =>
    fx.database.db.selectFrom('audit_entries').select(['actor', 'action', 'basis', 'subject_id', 'details']).where('operator_id', '=', operatorId).where('action', '=', 'view').orderBy('seq').execute()

  beforeAll(async () => {
    fx = await openRequestsFixture(target, undefined, { seeds: ['ttc', 'tw'] })
    manager = await fx.token('ttc')
    subjectId = await fx.subject('ttc', { kind: 'subscriber' })
    const created = await fx.call(manager, {
      method: 'POST',
      url: '/v1/operators/ttc/requests',
      payload: {
        kind: 'rectify',
        channel: 'post',
        subject: { subjectId },
        requester: { name: 'Әлия Сейітова', phone: '+77015550101' },
        identityProof: { idDocumentNumber: '041234567', signature: { kind: 'handwritten_signature' } },
        content: { items: [{ itemId: 'full-name', value: 'Әлия Серікқызы Сейітова', documents: [{ sha256: 'a'.repeat(64), description: 'marriage certificate' }] }] },
      },
    })
    expect(created.statusCode, created.body).toBe(201)
    rectification = created.json().requestId
  }, FIXTURE_TIMEOUT_MS)
  afterAll(() => fx.close())

  it('TTC-7.2: opens the new value, the contacts and the identity proof on a basis with its order, and audits the reading with the parts opened', async () => {
    const before = (await views('ttc')).length
    const res = await fx.call(manager, { method: 'GET', url: url('ttc', rectification, '?basis=management_order&reference=Order%2012%20of%2001.12.2026') })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toEqual({
      requestId: rectification,
      reference: expect.stringMatching(/^TTC-2026-/),
      kind: 'rectify',
      subjectId,
      basis: 'management_order',
      basisReference: 'Order 12 of 01.12.2026',
      scope: expect.objectContaining({ items: ['full-name'], documents: { 'full-name': ['a'.repeat(64)] } }),
      content: {
        requester: { name: 'Әлия Сейітова', phone: '+77015550101' },
        identityProof: { idDocumentNumber: '041234567', signature: { kind: 'handwritten_signature' } },
        values: [{ itemId: 'full-name', value: 'Әлия Серікқызы Сейітова' }],
      },
    })
    const audit = await views('ttc')
    expect(audit).toHaveLength(before + 1)
    expect(audit.at(-1)).toMatchObject({
      action: 'view',
      basis: 'management_order',
      subject_id: subjectId,
      actor: expect.stringMatching(/^api_key:/),
      details: { document: 'request_content', requestId: rectification, parts: ['requester', 'identityProof', 'values'], basisReference: 'Order 12 of 01.12.2026' },
    })
    expect(JSON.stringify(audit)).not.toContain('Серікқызы')
  })

  it('refuses without a basis, or one the policy does not list, or one without its order: 400 naming the query field, nothing audited', async () => {
    const before = (await views('ttc')).length
    const none = await fx.call(manager, { method: 'GET', url: url('ttc', rectification) })
    expect(none.statusCode).toBe(400)
    expect(none.json()).toMatchObject({ code: 'DERBES_ACCESS_BASIS_REQUIRED', errors: [{ pointer: '/querystring/basis' }] })
    const unknown = await fx.call(manager, { method: 'GET', url: url('ttc', rectification, '?basis=curiosity') })
    expect(unknown.json()).toMatchObject({ code: 'DERBES_ACCESS_BASIS_REQUIRED', errors: [{ pointer: '/querystring/basis' }] })
    const noOrder = await fx.call(manager, { method: 'GET', url: url('ttc', rectification, '?basis=management_order') })
    expect(noOrder.json()).toMatchObject({ code: 'DERBES_ACCESS_BASIS_REQUIRED', errors: [{ pointer: '/querystring/reference' }] })
    expect(JSON.stringify(none.json())).not.toContain('Сейітова')
    expect(await views('ttc')).toHaveLength(before)
  })

  it('403 with requests:read only (it sees the request, not its personal data), or with another operator’s key; nothing audited', async () => {
    const before = (await views('ttc')).length
    const reader = await fx.token('ttc', ['requests:read'])
    const res = await fx.call(reader, { method: 'GET', url: url('ttc', rectification, '?basis=job_duties') })
    expect(res.statusCode).toBe(403)
    expect(res.json().code).toBe('DERBES_FORBIDDEN')
    expect((await fx.call(await fx.token('tw'), { method: 'GET', url: url('ttc', rectification, '?basis=job_duties') })).statusCode).toBe(403)
    expect(await views('ttc')).toHaveLength(before)
  })

  it('404 for an unknown request and for another operator’s request under its own operator, nothing audited', async () => {
    const unknown = await fx.call(manager, { method: 'GET', url: url('ttc', '00000000-0000-4000-8000-000000000000', '?basis=job_duties') })
    expect(unknown.statusCode).toBe(404)
    expect(unknown.json().code).toBe('DERBES_REQUEST_NOT_FOUND')
    const tw = await fx.call(await fx.token('tw'), { method: 'GET', url: url('tw', rectification, '?basis=job_duties') })
    expect(tw.statusCode).toBe(404)
    expect(await views('tw')).toEqual([])
  })

  it('a requester the operator does not hold: the contacts and the complaint’s words, sealed under the request’s own key, open too', async () => {
    const token = await fx.token('tw')
    const created = (await fx.call(token, { method: 'POST', url: '/v1/operators/tw/requests', payload: { kind: 'stop_unlawful_processing', channel: 'post', requester: { email: 'stranger@example.kz' }, content: { text: 'my profile is public' } } })).json()
    const res = await fx.call(token, { method: 'GET', url: url('tw', created.requestId, '?basis=job_duties') })
    expect(res.json()).toMatchObject({ subjectId: null, basis: 'job_duties', basisReference: null, content: { requester: { email: 'stranger@example.kz' }, text: 'my profile is public' } })
    expect((await views('tw')).at(-1)).toMatchObject({ subject_id: null, details: { requestId: created.requestId, parts: ['requester', 'text'] } })
  })
})
