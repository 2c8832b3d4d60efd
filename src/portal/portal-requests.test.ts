import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEST_DATABASES } from '../db/test-databases.ts'
import { makeIin } from '../subjects/subjects-test-helpers.ts'
import { openPortalFixture, phone, type PortalFixture } from './portal-test-kit.ts'

describe.each(TEST_DATABASES)('portal: my requests, on $name', (target) => {
  let fx: PortalFixture
  beforeAll(async () => {
    fx = await openPortalFixture(target)
  })
  afterAll(() => fx.close())

  const post = (token: string, operatorId: string, payload: Record<string, unknown>) =>
    fx.asSubject(token, { method: 'POST', url: `/v1/operators/${operatorId}/portal/requests`, payload })
  const get = (token: string, url: string) => fx.asSubject(token, { method: 'GET', url })

  it('TW-9.1: an access request from the portal — channel portal, signed by the session, due in 15 days — shows in the staff list with channel portal', async () => {
    const subjectId = await fx.subject('tw', { kind: 'user', identifiers: [{ kind: 'phone', value: phone(201) }] })
    const token = await fx.signIn('tw', subjectId, phone(201))
    const created = await post(token, 'tw', { kind: 'access', language: 'en' })
    expect(created.statusCode, created.body).toBe(201)
    const request = created.json()
    expect(request).toMatchObject({ kind: 'access', channel: 'portal', subjectId, representativeId: null, language: 'en', waitingFor: [], kindText: { en: 'Access to your personal data' } })
    expect(request.stateText.kk).toBeTruthy()
    expect(created.headers.location).toBe(`/v1/operators/tw/portal/requests/${request.requestId}`)
    // History without who moved it or staff notes.
    for (const step of request.history) expect(Object.keys(step).sort()).toEqual(['at', 'state', 'stateText'])

    const staff = await fx.call(await fx.token('tw'), { method: 'GET', url: `/v1/operators/tw/requests?subjectId=${subjectId}` })
    expect(staff.statusCode).toBe(200)
    expect(staff.json().items).toEqual([expect.objectContaining({ requestId: request.requestId, channel: 'portal', createdBy: `subject:${subjectId}` })])
    const detail = (await fx.call(await fx.token('tw'), { method: 'GET', url: `/v1/operators/tw/requests/${request.requestId}` })).json()
    expect(detail.verification.identityProof?.given ?? []).not.toContain('handwritten_signature')
    expect(detail.dueOn).toBe(request.dueOn)
    expect(detail.dueBasis.clauses).toContain('TW-9.1')
    expect(request.dueOn).toBe('2026-12-17')
    const audited = await fx.database.db.selectFrom('audit_entries').select(['action', 'actor']).where('operator_id', '=', 'tw').where('subject_id', '=', subjectId).where('action', '=', 'request_received').execute()
    expect(audited).toEqual([{ action: 'request_received', actor: `subject:${subjectId}` }])
  })

  it("ESP-9: the session signs a portal request; the ID document the policy demands is still asked for, visibly", async () => {
    const subjectId = await fx.subject('esp', { kind: 'client', identifiers: [{ kind: 'phone', value: phone(202) }] })
    const token = await fx.signIn('esp', subjectId, phone(202))
    const bare = (await post(token, 'esp', { kind: 'information' })).json()
    expect(bare).toMatchObject({ state: 'verifying', waitingFor: [{ code: 'identity_proof' }] })
    expect(bare.waitingFor[0].text.ru).toContain('документа')
    const withDocument = await post(token, 'esp', { kind: 'information', idDocument: { number: '041234567', issueDate: '2019-05-04', issuer: 'ҚР ІІМ' } })
    expect(withDocument.statusCode, withDocument.body).toBe(201)
    expect(withDocument.json()).toMatchObject({ waitingFor: [], state: 'in_progress' })
  })

  it("another subject's request is 404, never listed; a stranger cannot submit for someone", async () => {
    const a = await fx.subject('tw', { kind: 'user', identifiers: [{ kind: 'phone', value: phone(203) }] })
    const b = await fx.subject('tw', { kind: 'user', identifiers: [{ kind: 'phone', value: phone(204) }] })
    const tokenA = await fx.signIn('tw', a, phone(203))
    const tokenB = await fx.signIn('tw', b, phone(204))
    const ofA = (await post(tokenA, 'tw', { kind: 'information' })).json()
    const seenByB = await get(tokenB, `/v1/operators/tw/portal/requests/${ofA.requestId}`)
    expect(seenByB.statusCode).toBe(404)
    expect(seenByB.json().code).toBe('DERBES_REQUEST_NOT_FOUND')
    expect((await get(tokenB, '/v1/operators/tw/portal/requests')).json().items).toEqual([])
    expect((await get(tokenA, '/v1/operators/tw/portal/requests')).json().items.map((r: { requestId: string }) => r.requestId)).toEqual([ofA.requestId])
    expect((await get(tokenA, `/v1/operators/tw/portal/requests/${ofA.requestId}`)).statusCode).toBe(200)
    expect((await get(tokenB, '/v1/operators/tw/portal/requests/not-a-request')).statusCode).toBe(404)

    const forA = await post(tokenB, 'tw', { kind: 'information', onBehalfOf: a })
    expect(forA.statusCode).toBe(403)
    expect(forA.json()).toMatchObject({ code: 'DERBES_PORTAL_NOT_REPRESENTATIVE', errors: [{ pointer: '/body/onBehalfOf' }] })
    expect((await get(tokenB, `/v1/operators/tw/portal/requests?onBehalfOf=${a}`)).statusCode).toBe(403)
  })

  it('KZK-1.13: a parent signs in as themselves and submits for their child; both see it, the child\'s own account does not exist', async () => {
    const parent = await fx.subject('kzk', { kind: 'parent', birthDate: '1985-04-04', identifiers: [{ kind: 'phone', value: phone(205) }] })
    const child = await fx.subject('kzk', { kind: 'child', identifiers: [{ kind: 'iin', value: makeIin('150301', 6, 7) }] })
    await fx.representative({ operatorId: 'kzk', subjectId: child, representativeId: parent, relation: 'parent' })
    const token = await fx.signIn('kzk', parent, phone(205))
    const me = (await get(token, '/v1/operators/kzk/portal/me')).json()
    expect(me.represents).toEqual([{ subjectId: child, kind: 'child', kindName: expect.objectContaining({ kk: expect.stringContaining('кәмелетке толмаған баласы') }), relation: 'parent' }])

    const created = await post(token, 'kzk', { kind: 'access', onBehalfOf: child })
    expect(created.statusCode, created.body).toBe(201)
    expect(created.json()).toMatchObject({ subjectId: child, representativeId: parent, channel: 'portal', waitingFor: [] })
    const staffView = (await fx.call(await fx.token('kzk'), { method: 'GET', url: `/v1/operators/kzk/requests/${created.json().requestId}` })).json()
    expect(staffView).toMatchObject({ subjectId: child, representativeId: parent, requestedBy: 'representative', verification: { authority: { relation: 'parent', active: true } } })

    const own = await post(token, 'kzk', { kind: 'information' })
    const all = (await get(token, '/v1/operators/kzk/portal/requests')).json().items.map((r: { subjectId: string }) => r.subjectId).sort()
    expect(all).toEqual([child, parent].sort())
    const childOnly = (await get(token, `/v1/operators/kzk/portal/requests?onBehalfOf=${child}`)).json().items
    expect(childOnly.map((r: { requestId: string }) => r.requestId)).toEqual([created.json().requestId])
    expect(own.statusCode).toBe(201)
  })

  it('KZK-1.13: once the child comes of age the parent no longer acts for it', async () => {
    const start = fx.now()
    const parent = await fx.subject('kzk', { kind: 'parent', birthDate: '1980-01-01', identifiers: [{ kind: 'phone', value: phone(206) }] })
    const child = await fx.subject('kzk', { kind: 'child', birthDate: '2008-12-10' })
    await fx.representative({ operatorId: 'kzk', subjectId: child, representativeId: parent, relation: 'parent' })
    try {
      fx.setNow('2026-12-10T10:00:00+05:00')
      const token = await fx.signIn('kzk', parent, phone(206))
      const res = await post(token, 'kzk', { kind: 'access', onBehalfOf: child })
      expect(res.statusCode).toBe(403)
      expect((await get(token, '/v1/operators/kzk/portal/me')).json().represents).toEqual([])
    } finally {
      fx.setNow(start)
    }
  })

  it('bad input is a 400 with its pointer and registers nothing', async () => {
    const subjectId = await fx.subject('tw', { kind: 'user', identifiers: [{ kind: 'phone', value: phone(207) }] })
    const token = await fx.signIn('tw', subjectId, phone(207))
    const res = await post(token, 'tw', { kind: 'access', channel: 'api' })
    expect(res.statusCode).toBe(400)
    expect(res.json().errors[0].pointer).toBe('/body/channel')
    const bad = await post(token, 'tw', { kind: 'rectify', content: { items: [{ itemId: 'no-such-item', value: 'x', documents: [{ sha256: 'a'.repeat(64) }] }] } })
    expect(bad.statusCode).toBe(422)
    expect((await get(token, '/v1/operators/tw/portal/requests')).json().items).toEqual([])
  })
})
