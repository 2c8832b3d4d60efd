import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEST_DATABASES } from '../db/test-databases.ts'
import { adminSession, addStaff, bearer, openAccessFixture, type AccessFixture } from './access-test-helpers.ts'
import { issueApiKey } from './api-keys.ts'
import { PERMISSIONS } from './permissions.ts'

type Route = { method: 'GET' | 'POST' | 'PATCH' | 'DELETE'; url: string; payload?: Record<string, unknown> }

/**
 * Tenant isolation and authorization on every access route: no token → 401,
 * another operator's credentials (even with every permission) → 403, a
 * missing permission → 403, and a refused call changes nothing.
 */
describe.each(TEST_DATABASES)('access routes refuse the wrong caller on $name', (target) => {
  let f: AccessFixture
  let managed: Route[]
  let selfService: Route[]
  let espAdmin: string
  let espKey: string
  let ttcReader: string
  let ttcReaderKey: string
  let ttcKeyOnly: string

  beforeAll(async () => {
    f = await openAccessFixture(target)
    const staff = await addStaff(f)
    const { keyId } = await issueApiKey(f.database.db, { operatorId: 'ttc', name: 'victim', permissions: ['decisions'], createdBy: 'test' }, f.clock.now)
    espAdmin = (await adminSession(f, 'esp')).token
    espKey = (await issueApiKey(f.database.db, { operatorId: 'esp', name: 'all', permissions: PERMISSIONS, createdBy: 'test' }, f.clock.now)).token
    const reader = await addStaff(f, { roleId: 'authorised-staff' }) // every data permission, no staff:manage
    ttcReader = (await f.app.inject({ method: 'POST', url: '/v1/operators/ttc/sessions', payload: { login: reader.login, password: 'correct horse battery' } })).json().token
    ttcReaderKey = (await issueApiKey(f.database.db, { operatorId: 'ttc', name: 'reader', permissions: PERMISSIONS.filter((p) => p !== 'staff:manage'), createdBy: 'test' }, f.clock.now)).token
    ttcKeyOnly = (await issueApiKey(f.database.db, { operatorId: 'ttc', name: 'key', permissions: PERMISSIONS, createdBy: 'test' }, f.clock.now)).token
    managed = [
      { method: 'POST', url: '/v1/operators/ttc/staff', payload: { login: 'intruder', password: 'intruder-password', roleId: 'authorised-staff', extraPermissions: ['staff:manage'] } },
      { method: 'GET', url: '/v1/operators/ttc/staff' },
      { method: 'GET', url: `/v1/operators/ttc/staff/${staff.staffId}` },
      { method: 'PATCH', url: `/v1/operators/ttc/staff/${staff.staffId}`, payload: { password: 'taken-over-password' } },
      { method: 'DELETE', url: `/v1/operators/ttc/staff/${staff.staffId}/totp` },
      { method: 'POST', url: '/v1/operators/ttc/api-keys', payload: { name: 'intruder', permissions: ['decisions'] } },
      { method: 'GET', url: '/v1/operators/ttc/api-keys' },
      { method: 'DELETE', url: `/v1/operators/ttc/api-keys/${keyId}` },
    ]
    selfService = [
      { method: 'GET', url: '/v1/operators/ttc/staff/me' },
      { method: 'POST', url: '/v1/operators/ttc/staff/me/totp' },
      { method: 'POST', url: '/v1/operators/ttc/staff/me/totp/confirm', payload: { code: '123456' } },
      { method: 'GET', url: '/v1/operators/ttc/sessions/current' },
      { method: 'DELETE', url: '/v1/operators/ttc/sessions/current' },
      { method: 'POST', url: '/v1/operators/ttc/sessions/current/second-factor', payload: { code: '123456' } },
    ]
  })
  afterAll(async () => f.close())

  const call = (route: Route, token?: string) => f.app.inject({ ...route, ...(token ? { headers: bearer(token) } : {}) })
  const state = async () => ({
    staff: await f.database.db.selectFrom('staff_users').select(['staff_id', 'password_hash', 'totp_secret', 'active']).where('operator_id', '=', 'ttc').orderBy('staff_id').execute(),
    keys: await f.database.db.selectFrom('api_keys').select(['key_id', 'revoked_at']).where('operator_id', '=', 'ttc').orderBy('key_id').execute(),
  })

  it('answers 401 without a token and with a malformed or unknown one, on every route', async () => {
    for (const route of [...managed, ...selfService]) {
      for (const token of [undefined, 'nonsense', `dk.ttc.aaaaaaaaaaaaaaaa.${'a'.repeat(43)}`, `ds.ttc.aaaaaaaaaaaaaaaa.${'a'.repeat(43)}`]) {
        const res = await call(route, token)
        expect(res.statusCode, `${route.method} ${route.url} with ${token}`).toBe(401)
        expect(res.json().code).toBe('DERBES_UNAUTHENTICATED')
      }
    }
  })

  it('authorises before validating: a malformed body from an outsider gets 401 or 403, never a validation error', async () => {
    for (const route of [...managed, ...selfService].filter((r) => r.payload)) {
      const malformed = { ...route, payload: { bogus: true } }
      expect((await call(malformed)).statusCode, `${route.method} ${route.url}`).toBe(401)
      expect((await call(malformed, espAdmin)).statusCode, `${route.method} ${route.url}`).toBe(403)
    }
  })

  it("answers 403 to another operator's administrator session and all-permission key, on every route", async () => {
    const before = await state()
    for (const route of [...managed, ...selfService]) {
      for (const token of [espAdmin, espKey]) {
        const res = await call(route, token)
        expect(res.statusCode, `${route.method} ${route.url}`).toBe(403)
        expect(res.json().code).toBe('DERBES_FORBIDDEN')
        expect(res.json().detail).toMatch(/belong to operator 'esp'/)
      }
    }
    expect(await state()).toEqual(before)
  })

  it('answers 403 to staff and keys without staff:manage on every management route', async () => {
    const before = await state()
    for (const route of managed) {
      for (const token of [ttcReader, ttcReaderKey]) {
        const res = await call(route, token)
        expect(res.statusCode, `${route.method} ${route.url}`).toBe(403)
        expect(res.json().detail).toMatch(/staff:manage/)
      }
    }
    expect(await state()).toEqual(before)
  })

  it('answers 403 to an API key on the routes of a signed-in member of staff', async () => {
    for (const route of selfService) {
      const res = await call(route, ttcKeyOnly)
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(403)
      expect(res.json().code).toBe('DERBES_FORBIDDEN')
    }
  })
})
