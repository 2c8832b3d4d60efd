import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEST_DATABASES } from '../db/test-databases.ts'
import { FIXTURE_TIMEOUT_MS, openRequestsFixture, type RequestsFixture } from './requests-test-kit.ts'

describe.each(TEST_DATABASES)('request routes on $name', (target) => {
  let fx: RequestsFixture
  let token: string
  const post = (url: string, payload: unknown) => fx.call(token, { method: 'POST', url, payload: payload as Record<string, unknown> })
  const get = (url: string) => fx.call(token, { method: 'GET', url })

  beforeAll(async () => {
    fx = await openRequestsFixture(target, undefined, { seeds: ['ttc', 'esp'] })
    token = await fx.token('ttc')
  }, FIXTURE_TIMEOUT_MS)
  afterAll(() => fx.close())

  it('registers a paper request: 201 with its location, deadline and history', async () => {
    const subjectId = await fx.subject('ttc', { kind: 'subscriber', identifiers: [{ kind: 'phone', value: '87011234567' }] })
    const res = await post('/v1/operators/ttc/requests', {
      kind: 'rectify',
      channel: 'post',
      receivedAt: '2026-12-01T17:00:00+05:00',
      language: 'ru',
      subject: { identifier: { kind: 'phone', value: '+7 701 123 45 67' } },
      scanSha256: 'f'.repeat(64),
      postalReference: 'RR000000001KZ',
      content: { items: [{ itemId: 'residence-address', value: 'Астана, Конаева 10', documents: [{ sha256: 'e'.repeat(64), description: 'certificate of address' }] }] },
    })
    expect(res.statusCode, res.body).toBe(201)
    const body = res.json()
    expect(res.headers.location).toBe(`/v1/operators/ttc/requests/${body.requestId}`)
    expect(body).toMatchObject({
      subjectId,
      kind: 'rectify',
      state: 'in_progress',
      language: 'ru',
      dueOn: '2026-12-02',
      dueBasis: { rule: 'policy', clauses: ['TTC-9.3'] },
      overdue: false,
      businessDaysLeft: 0,
      scope: { items: ['residence-address'], documents: { 'residence-address': ['e'.repeat(64)] } },
      tasks: [],
    })
    expect(res.body).not.toContain('Конаева')
    expect(body.history.map((h: { to: string }) => h.to)).toEqual(['received', 'verifying', 'in_progress'])
    const read = await get(`/v1/operators/ttc/requests/${body.requestId}`)
    expect(read.statusCode).toBe(200)
    expect(read.json()).toEqual(body)
  })

  it('lists earliest due first; an overdue request shows overdue with negative business days left and is counted whatever the filter', async () => {
    const late = (await post('/v1/operators/ttc/requests', { kind: 'block', channel: 'post', receivedAt: '2026-11-27T12:00:00+05:00', requester: { name: 'x' } })).json()
    const soon = (await post('/v1/operators/ttc/requests', { kind: 'withdraw_consent', channel: 'post', requester: { name: 'y' } })).json()
    const later = (await post('/v1/operators/ttc/requests', { kind: 'information', channel: 'api', requester: { email: 'z@example.kz' } })).json()
    expect(late).toMatchObject({ dueOn: '2026-11-30', overdue: true, businessDaysLeft: -2 })
    expect(soon).toMatchObject({ dueOn: '2026-12-03', businessDaysLeft: 1, overdue: false })

    const all = (await get('/v1/operators/ttc/requests?state=open')).json()
    expect(all.items[0]).toMatchObject({ requestId: late.requestId, overdue: true })
    const dues = all.items.map((i: { dueAt: string }) => i.dueAt)
    expect([...dues].sort()).toEqual(dues)
    expect(all.overdue).toBe(1)

    const overdue = (await get('/v1/operators/ttc/requests?due=overdue')).json()
    expect(overdue.items.map((i: { requestId: string }) => i.requestId)).toEqual([late.requestId])
    const today = (await get('/v1/operators/ttc/requests?due=today')).json()
    expect(today.items.every((i: { dueOn: string }) => i.dueOn === '2026-12-02')).toBe(true)
    expect(today.items.length).toBeGreaterThan(0)
    const dueSoon = (await get('/v1/operators/ttc/requests?due=soon')).json()
    expect(dueSoon.items.map((i: { requestId: string }) => i.requestId)).toContain(soon.requestId)
    expect(dueSoon.items.map((i: { requestId: string }) => i.requestId)).not.toContain(later.requestId)
    const byKind = (await get('/v1/operators/ttc/requests?kind=information')).json()
    expect(byKind).toMatchObject({ total: 1, overdue: 1, items: [{ requestId: later.requestId }] })

    const summary = (await get('/v1/operators/ttc/requests/overdue/summary')).json()
    expect(summary).toMatchObject({ overdue: 1, oldestOverdue: { requestId: late.requestId, dueOn: '2026-11-30', businessDaysOverdue: 2 } })
    expect(summary.open).toBe(all.total)
    expect(summary.byKind.find((k: { kind: string }) => k.kind === 'block')).toMatchObject({ open: 1, overdue: 1 })
  })

  it('moves a request and refuses one through the API; shows fulfilment tasks in the detail', async () => {
    const created = (await post('/v1/operators/ttc/requests', { kind: 'access', channel: 'api', requester: { email: 'a@example.kz' } })).json()
    const moved = await post(`/v1/operators/ttc/requests/${created.requestId}/transitions`, { to: 'awaiting_systems', note: 'billing system' })
    expect(moved.statusCode, moved.body).toBe(200)
    expect(moved.json()).toMatchObject({ state: 'awaiting_systems' })
    await fx.database.db
      .insertInto('request_tasks')
      .values({ operator_id: 'ttc', task_id: 't-1', request_id: created.requestId, target: 'system', target_id: 'billing', action: 'export', state: 'pending', attempts: 0, next_attempt_at: null, last_error: null, result: JSON.stringify(null), result_sealed: null, assigned_to: null, created_at: fx.now(), done_at: null })
      .execute()
    expect((await get(`/v1/operators/ttc/requests/${created.requestId}`)).json().tasks).toEqual([expect.objectContaining({ taskId: 't-1', target: 'system', targetId: 'billing', action: 'export', state: 'pending' })])

    const refused = await post(`/v1/operators/ttc/requests/${created.requestId}/refuse`, { ground: 'no_data_held', clauses: ['art. 24(1)(1)'], detail: 'no account with this e-mail' })
    expect(refused.statusCode, refused.body).toBe(200)
    expect(refused.json()).toMatchObject({ state: 'refused', refusal: { ground: 'no_data_held', clauses: ['art. 24(1)(1)'] } })
    expect((await get(`/v1/operators/ttc/requests?state=refused`)).json().items.map((i: { requestId: string }) => i.requestId)).toContain(created.requestId)
  })

  it('ESP-9: identity proof completes a waiting request through the API', async () => {
    const esp = await fx.token('esp')
    const waiting = await fx.call(esp, { method: 'POST', url: '/v1/operators/esp/requests', payload: { kind: 'information', channel: 'written', requester: { name: 'Гүлнар' }, identityProof: { idDocumentNumber: '041234567' } } })
    expect(waiting.json()).toMatchObject({ state: 'verifying', waitingFor: ['identity_proof'] })
    const proof = await fx.call(esp, {
      method: 'POST',
      url: `/v1/operators/esp/requests/${waiting.json().requestId}/identity-proof`,
      payload: { idDocumentIssueDate: '2019-05-04', idDocumentIssuer: 'ҚР ІІМ', signature: { kind: 'eds', reference: 'ED-2026-17' } },
    })
    expect(proof.statusCode, proof.body).toBe(200)
    expect(proof.json()).toMatchObject({ state: 'in_progress', waitingFor: [] })
    expect(proof.body).not.toContain('041234567')
  })

  it('documents every request route in the OpenAPI document', async () => {
    const paths = Object.keys((await fx.app.inject({ method: 'GET', url: '/openapi.json' })).json().paths)
    for (const path of ['', '/overdue/summary', '/{requestId}', '/{requestId}/identity-proof', '/{requestId}/recheck', '/{requestId}/transitions', '/{requestId}/refuse']) {
      expect(paths).toContain(`/v1/operators/{operatorId}/requests${path}`)
    }
  })

  it('bad input is a problem with field pointers, and changes nothing', async () => {
    const count = async () => (await fx.database.db.selectFrom('requests').select('request_id').execute()).length
    const before = await count()
    const invalid = await post('/v1/operators/ttc/requests', { kind: 'telepathy', channel: 'post', scanSha256: 'xyz', extra: 1 })
    expect(invalid.statusCode).toBe(400)
    expect(invalid.headers['content-type']).toContain('application/problem+json')
    const pointers = invalid.json().errors.map((e: { pointer: string }) => e.pointer)
    expect(pointers).toEqual(expect.arrayContaining(['/body/kind', '/body/scanSha256', '/body/extra']))

    const content = await post('/v1/operators/ttc/requests', { kind: 'supplement', channel: 'post', requester: { name: 'x' }, content: { items: [{ itemId: 'favourite-colour', value: 'blue', documents: [{ sha256: 'a'.repeat(64) }] }] } })
    expect(content.statusCode).toBe(422)
    expect(content.json()).toMatchObject({ code: 'DERBES_REQUEST_CONTENT_INVALID', errors: [{ pointer: '/body/content/items/0/itemId' }] })
    expect(await count()).toBe(before)

    const open = (await post('/v1/operators/ttc/requests', { kind: 'access', channel: 'api', requester: { email: 'b@example.kz' } })).json()
    const illegal = await post(`/v1/operators/ttc/requests/${open.requestId}/transitions`, { to: 'received' })
    expect(illegal.statusCode).toBe(409)
    expect(illegal.json()).toMatchObject({ code: 'DERBES_REQUEST_TRANSITION_NOT_ALLOWED', errors: [{ pointer: '/body/to' }] })
    const refuseByTransition = await post(`/v1/operators/ttc/requests/${open.requestId}/transitions`, { to: 'refused' })
    expect(refuseByTransition.json()).toMatchObject({ code: 'DERBES_VALIDATION', errors: [{ pointer: '/body/ground' }] })
    const noClauses = await post(`/v1/operators/ttc/requests/${open.requestId}/refuse`, { ground: 'other', clauses: [] })
    expect(noClauses.json()).toMatchObject({ code: 'DERBES_VALIDATION', errors: [{ pointer: '/body/clauses' }] })
    const notVerifying = await post(`/v1/operators/ttc/requests/${open.requestId}/identity-proof`, { idDocumentNumber: '1' })
    expect(notVerifying.json()).toMatchObject({ status: 409, code: 'DERBES_REQUEST_NOT_VERIFYING' })
    expect((await get(`/v1/operators/ttc/requests/${open.requestId}`)).json()).toMatchObject({ state: 'in_progress', history: [{}, {}, {}] })

    const unknown = await get('/v1/operators/ttc/requests/00000000-0000-0000-0000-000000000000')
    expect(unknown.json()).toMatchObject({ status: 404, code: 'DERBES_REQUEST_NOT_FOUND' })
    const badQuery = await get('/v1/operators/ttc/requests?due=yesterday')
    expect(badQuery.json()).toMatchObject({ status: 400, errors: [{ pointer: '/querystring/due' }] })
  })
})
