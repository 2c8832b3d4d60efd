import type { InjectOptions } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PERMISSIONS, signIn as staffSignIn, createStaff } from '../access/index.ts'
import { TEST_DATABASES } from '../db/test-databases.ts'
import { openPortalFixture, phone, type PortalFixture } from './portal-test-kit.ts'

/** Every route a portal session opens, with a body that would be valid. */
const ROUTES = (requestId: string): InjectOptions[] => [
  { method: 'GET', url: '/v1/operators/esp/portal/me' },
  { method: 'GET', url: '/v1/operators/esp/portal/data' },
  { method: 'POST', url: '/v1/operators/esp/portal/requests', payload: { kind: 'information' } },
  { method: 'GET', url: '/v1/operators/esp/portal/requests' },
  { method: 'GET', url: `/v1/operators/esp/portal/requests/${requestId}` },
  { method: 'GET', url: '/v1/operators/esp/portal/consents' },
  { method: 'GET', url: '/v1/operators/esp/portal/consents/advertising/withdraw/preview' },
  { method: 'POST', url: '/v1/operators/esp/portal/consents/advertising/withdraw', payload: {} },
  { method: 'POST', url: '/v1/operators/esp/portal/consents/advertising/give', payload: { channels: ['sms'] } },
  { method: 'POST', url: '/v1/operators/esp/portal/sign-out' },
]

describe.each(TEST_DATABASES)('portal routes: who may call them, on $name', (target) => {
  let fx: PortalFixture
  let espToken: string
  let twToken: string
  let requestId: string
  beforeAll(async () => {
    fx = await openPortalFixture(target)
    const espSubject = await fx.subject('esp', { kind: 'client', identifiers: [{ kind: 'phone', value: phone(101) }] })
    espToken = await fx.signIn('esp', espSubject, phone(101))
    const twSubject = await fx.subject('tw', { kind: 'user', identifiers: [{ kind: 'phone', value: phone(102) }] })
    twToken = await fx.signIn('tw', twSubject, phone(102))
    const created = await fx.asSubject(espToken, { method: 'POST', url: '/v1/operators/esp/portal/requests', payload: { kind: 'information' } })
    expect(created.statusCode, created.body).toBe(201)
    requestId = created.json().requestId
  })
  afterAll(() => fx.close())

  it('401 without a session, with a malformed or a forged one — before the body is read', async () => {
    const forged = `${espToken.slice(0, -4)}AAAA`
    for (const route of ROUTES(requestId)) {
      for (const token of [undefined, 'dss.esp.nonsense', forged]) {
        const res = await fx.asSubject(token, { ...route, ...(route.payload ? { payload: { unknownField: 1 } } : {}) })
        expect(res.statusCode, `${route.method} ${route.url} with ${token?.slice(0, 12)}`).toBe(401)
        expect(res.json().code).toBe('DERBES_UNAUTHENTICATED')
      }
    }
  })

  it("403 for a staff API key with every permission, and for another operator's subject session", async () => {
    const apiKey = await fx.token('esp', [...PERMISSIONS])
    for (const route of ROUTES(requestId)) {
      const staff = await fx.call(apiKey, route)
      expect(staff.statusCode, `${route.method} ${route.url} with an API key`).toBe(403)
      expect(staff.json().code).toBe('DERBES_FORBIDDEN')
      const other = await fx.asSubject(twToken, route)
      expect(other.statusCode, `${route.method} ${route.url} with a tw session`).toBe(403)
    }
  })

  it('403 for a signed-in member of staff (a `ds.` session) too', async () => {
    const deps = { db: fx.deps.db, clock: fx.deps.clock, keys: fx.deps.keys }
    await createStaff(deps, { operatorId: 'esp', login: 'clerk', displayName: 'Clerk', password: 'correct horse battery staple 7', roleId: 'consultant', createdBy: 'test' })
    const session = await staffSignIn(deps, 'esp', { login: 'clerk', password: 'correct horse battery staple 7' })
    const res = await fx.call(session.token, { method: 'GET', url: '/v1/operators/esp/portal/me' })
    expect(res.statusCode, res.body).toBe(403)
  })

  it('a subject session is refused on the staff routes (401: not staff credentials)', async () => {
    const me = (await fx.asSubject(espToken, { method: 'GET', url: '/v1/operators/esp/portal/me' })).json()
    for (const url of ['/v1/operators/esp/requests', `/v1/operators/esp/requests/${requestId}`, `/v1/operators/esp/subjects/${me.subjectId}`, `/v1/operators/esp/subjects/${me.subjectId}/consents`]) {
      const res = await fx.asSubject(espToken, { method: 'GET', url })
      expect(res.statusCode, url).toBe(401)
    }
  })

  it('sign-in is public: no credentials needed, staff credentials change nothing', async () => {
    const apiKey = await fx.token('esp', [...PERMISSIONS])
    const res = await fx.call(apiKey, { method: 'POST', url: '/v1/operators/esp/portal/sign-in', payload: { identifier: { kind: 'phone', value: phone(103) } } })
    expect(res.statusCode).toBe(202)
  })
})

