import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEST_DATABASES } from '../../db/test-databases.ts'
import { bearer, insertSubject, openLedgerFixture, type LedgerFixture } from './ledger-test-support.ts'

// Every ledger route that touches a subject's consents: no key → 401, another operator's key → 403 (tenant
// isolation), a key without the permission → 403; and one operator's ids never reach into another's ledger.
describe.each(TEST_DATABASES)('consent ledger routes: authentication, permissions, tenant isolation on $name', (target) => {
  let fx: LedgerFixture
  let subjectId: string
  let eventId: string
  let keys: Record<'writer' | 'reader' | 'decisions' | 'otherOperator', { authorization: string }>
  beforeAll(async () => {
    fx = await openLedgerFixture(target)
    keys = {
      writer: await bearer(fx.deps, 'esp', ['consents:write']),
      reader: await bearer(fx.deps, 'esp', ['consents:read']),
      decisions: await bearer(fx.deps, 'esp', ['decisions', 'subjects:read']),
      otherOperator: await bearer(fx.deps, 'ttc', ['consents:write', 'consents:read']),
    }
    subjectId = await insertSubject(fx.deps, 'esp', { kind: 'client' })
    const given = await fx.app.inject({
      method: 'POST', url: `/v1/operators/esp/subjects/${subjectId}/consents`, headers: keys.writer,
      payload: { formId: 'marketing-messages', language: 'kk', evidence: { method: 'checkbox' } },
    })
    eventId = given.json().eventId
  })
  afterAll(() => fx.close())

  const base = () => `/v1/operators/esp/subjects/${subjectId}`
  const routes = () => [
    { method: 'POST' as const, url: `${base()}/consents`, payload: { formId: 'marketing-messages', language: 'kk', evidence: { method: 'checkbox' } }, needs: 'write' },
    { method: 'POST' as const, url: `${base()}/consents/refuse`, payload: { formId: 'marketing-messages', language: 'kk' }, needs: 'write' },
    { method: 'POST' as const, url: `${base()}/consents/withdraw`, payload: { formId: 'marketing-messages', via: 'written_application' }, needs: 'write' },
    { method: 'POST' as const, url: `${base()}/consents/${eventId}/reaffirm`, payload: { evidence: { method: 'checkbox' } }, needs: 'write' },
    { method: 'POST' as const, url: `${base()}/obligations`, payload: { kind: 'unpaid_invoice' }, needs: 'write' },
    { method: 'POST' as const, url: `${base()}/obligations/x/fulfil`, needs: 'write' },
    { method: 'GET' as const, url: `${base()}/consents`, needs: 'read' },
    { method: 'GET' as const, url: `${base()}/obligations`, needs: 'read' },
    { method: 'GET' as const, url: `/v1/operators/esp/consents/${eventId}`, needs: 'read' },
  ]

  it('refuse a request without credentials (401)', async () => {
    for (const route of routes()) {
      const res = await fx.app.inject({ method: route.method, url: route.url, ...(route.payload ? { payload: route.payload } : {}) })
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(401)
      expect(res.json().code).toBe('DERBES_UNAUTHENTICATED')
    }
  })

  it("refuse another operator's key (403, tenant isolation)", async () => {
    for (const route of routes()) {
      const res = await fx.app.inject({ method: route.method, url: route.url, headers: keys.otherOperator, ...(route.payload ? { payload: route.payload } : {}) })
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(403)
    }
  })

  it('refuse a key without the permission (403): writing needs consents:write, reading consents:read', async () => {
    for (const route of routes()) {
      for (const key of [keys.decisions, route.needs === 'write' ? keys.reader : keys.writer]) {
        const res = await fx.app.inject({ method: route.method, url: route.url, headers: key, ...(route.payload ? { payload: route.payload } : {}) })
        expect(res.statusCode, `${route.method} ${route.url}`).toBe(403)
        expect(res.json().code).toBe('DERBES_FORBIDDEN')
      }
    }
    // Nothing the refused requests asked for was written.
    expect(await fx.database.db.selectFrom('consent_events').select('event_id').where('subject_id', '=', subjectId).execute()).toHaveLength(1)
  })

  it("an operator cannot read or act on another operator's subjects and events through its own routes", async () => {
    const own = await bearer(fx.deps, 'ttc', ['consents:write', 'consents:read'])
    const event = await fx.app.inject({ method: 'GET', url: `/v1/operators/ttc/consents/${eventId}`, headers: own })
    expect(event.json().code).toBe('DERBES_CONSENT_NOT_FOUND')
    const consents = await fx.app.inject({ method: 'GET', url: `/v1/operators/ttc/subjects/${subjectId}/consents`, headers: own })
    expect(consents.json().code).toBe('DERBES_SUBJECT_NOT_FOUND')
    const give = await fx.app.inject({
      method: 'POST', url: `/v1/operators/ttc/subjects/${subjectId}/consents`, headers: own,
      payload: { formId: 'app-2', language: 'kk', evidence: { method: 'checkbox' } },
    })
    expect(give.json().code).toBe('DERBES_SUBJECT_NOT_FOUND')
  })

  it('the banner routes are public and reveal nothing of another visitor', async () => {
    const version = (await fx.app.inject({ method: 'GET', url: '/v1/operators/ttc/policy' })).json().version.versionId
    const posted = await fx.app.inject({ method: 'POST', url: '/v1/operators/ttc/cookie-consents', payload: { visitorId: 'visitor-0001', policyVersionId: version, choices: { analytics: true }, language: 'ru' } })
    expect(posted.statusCode, posted.body).toBe(201)
    expect((await fx.app.inject({ method: 'GET', url: '/v1/operators/ttc/cookie-consents/visitor-0002' })).statusCode).toBe(404)
    expect((await fx.app.inject({ method: 'GET', url: '/v1/operators/esp/cookie-consents/visitor-0001' })).statusCode).toBe(404)
  })
})
