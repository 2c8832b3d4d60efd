import type { InjectOptions } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Permission } from '../access/index.ts'
import { TEST_DATABASES } from '../db/test-databases.ts'
import { FIXTURE_TIMEOUT_MS, openRequestsFixture, REQUEST_PERMISSIONS, type RequestsFixture } from './requests-test-kit.ts'

describe.each(TEST_DATABASES)('request routes, authorization and tenant isolation, on $name', (target) => {
  let fx: RequestsFixture
  let owner: string
  let requestId: string
  const base = '/v1/operators/esp/requests'

  /** Every request route with the one permission it needs. */
  const routes = (): [string, Permission, InjectOptions][] => [
    ['submit', 'requests:manage', { method: 'POST', url: base, payload: { kind: 'access', channel: 'api', requester: { email: 'x@y.kz' } } }],
    ['list', 'requests:read', { method: 'GET', url: `${base}?due=overdue` }],
    ['summary', 'requests:read', { method: 'GET', url: `${base}/overdue/summary` }],
    ['get', 'requests:read', { method: 'GET', url: `${base}/${requestId}` }],
    ['identity proof', 'requests:manage', { method: 'POST', url: `${base}/${requestId}/identity-proof`, payload: { idDocumentNumber: '041234567' } }],
    ['content', 'requests:manage', { method: 'GET', url: `${base}/${requestId}/content?basis=job_duties` }],
    ['recheck', 'requests:manage', { method: 'POST', url: `${base}/${requestId}/recheck` }],
    ['transition', 'requests:manage', { method: 'POST', url: `${base}/${requestId}/transitions`, payload: { to: 'refused' } }],
    ['refuse', 'requests:manage', { method: 'POST', url: `${base}/${requestId}/refuse`, payload: { ground: 'identity_not_proven', clauses: ['ESP-9'] } }],
  ]
  const written = async () => {
    const audit = await fx.database.db.selectFrom('audit_entries').select('seq').where('operator_id', '=', 'esp').execute()
    const requests = await fx.database.db.selectFrom('requests').select(['request_id', 'state', 'updated_at']).execute()
    return JSON.stringify([audit.length, requests])
  }

  beforeAll(async () => {
    fx = await openRequestsFixture(target, undefined, { seeds: ['esp', 'ttc'] })
    owner = await fx.token('esp')
    const created = await fx.call(owner, { method: 'POST', url: base, payload: { kind: 'information', channel: 'written', requester: { name: 'Айдос Серіков' } } })
    expect(created.statusCode, created.body).toBe(201)
    requestId = created.json().requestId
  }, FIXTURE_TIMEOUT_MS)
  afterAll(() => fx.close())

  it('answers 401 without credentials or with a token that is not one — before reading the body — and writes nothing', async () => {
    const before = await written()
    for (const [name, , request] of routes()) {
      for (const token of [undefined, 'dk.esp.0000000000000000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA']) {
        const res = await fx.call(token, request)
        expect(res.statusCode, `${name}: ${res.body}`).toBe(401)
        expect(res.json().code).toBe('DERBES_UNAUTHENTICATED')
      }
    }
    const malformed = await fx.call(undefined, { method: 'POST', url: base, payload: { nonsense: true } })
    expect(malformed.statusCode).toBe(401)
    expect(await written()).toBe(before)
  })

  it("answers 403 to another operator's key with both permissions (tenant isolation), and writes nothing", async () => {
    const ttc = await fx.token('ttc')
    const before = await written()
    for (const [name, , request] of routes()) {
      const res = await fx.call(ttc, request)
      expect(res.statusCode, `${name}: ${res.body}`).toBe(403)
      expect(res.json().code).toBe('DERBES_FORBIDDEN')
    }
    // Its own operator's URL does not reach another operator's request either.
    const own = await fx.call(ttc, { method: 'GET', url: `/v1/operators/ttc/requests/${requestId}` })
    expect(own.statusCode).toBe(404)
    expect(own.json().code).toBe('DERBES_REQUEST_NOT_FOUND')
    expect(await written()).toBe(before)
  })

  it('answers 403 to a key of the operator that lacks the one permission the route needs, and writes nothing', async () => {
    const before = await written()
    for (const [name, permission, request] of routes()) {
      const others: Permission[] = [...REQUEST_PERMISSIONS.filter((p) => p !== permission), 'subjects:read', 'data:read', 'data:write']
      const res = await fx.call(await fx.token('esp', others), request)
      expect(res.statusCode, `${name}: ${res.body}`).toBe(403)
      expect(res.json().code).toBe('DERBES_FORBIDDEN')
    }
    expect(await written()).toBe(before)
  })

  it('never shows a sealed value: contacts and proof stay out of every answer', async () => {
    for (const url of [`${base}/${requestId}`, base]) {
      const res = await fx.call(owner, { method: 'GET', url })
      expect(res.statusCode).toBe(200)
      expect(res.body).not.toContain('Серіков')
    }
  })
})
