import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEST_DATABASES } from '../db/test-databases.ts'
import { addStaff, bearer, openAccessFixture, PASSWORD, secretOf, type AccessFixture } from './access-test-helpers.ts'
import { SESSION_IDLE_MS, SESSION_LIFETIME_MS } from './staff-sessions.ts'
import { totpCode } from './totp.ts'

describe.each(TEST_DATABASES)('staff sessions over HTTP on $name', (target) => {
  let f: AccessFixture
  beforeAll(async () => {
    f = await openAccessFixture(target)
  })
  afterAll(async () => f.close())

  const signIn = (login: string, password = PASSWORD, code?: string, operatorId = 'ttc') =>
    f.app.inject({ method: 'POST', url: `/v1/operators/${operatorId}/sessions`, payload: { login, password, ...(code ? { code } : {}) } })
  const me = (token: string) => f.app.inject({ method: 'GET', url: '/v1/operators/ttc/staff/me', headers: bearer(token) })
  // A route of another module that needs a permission branch staff hold (TTC-7.1: read).
  const protectedRoute = (token: string) => f.app.inject({ method: 'GET', url: '/v1/operators/ttc/sessions/current', headers: bearer(token) })

  /** A member of staff who has enrolled TOTP through the API; returns their login and secret. */
  async function withTotp(): Promise<{ login: string; secret: Buffer }> {
    const staff = await addStaff(f)
    const token = (await signIn(staff.login)).json().token as string
    const enrol = await f.app.inject({ method: 'POST', url: '/v1/operators/ttc/staff/me/totp', headers: bearer(token) })
    expect(enrol.statusCode, enrol.body).toBe(201)
    const secret = secretOf(enrol.json().uri)
    const confirm = await f.app.inject({ method: 'POST', url: '/v1/operators/ttc/staff/me/totp/confirm', headers: bearer(token), payload: { code: totpCode(secret, f.clock.now) } })
    expect(confirm.statusCode, confirm.body).toBe(204)
    f.clock.advance(30_000)
    return { login: staff.login, secret }
  }

  it('signs in with login and password and acts with the role of the policy (TTC-7.1)', async () => {
    const staff = await addStaff(f, { roleId: 'branch-staff' })
    const res = await signIn(staff.login)
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json()).toMatchObject({ state: 'active', expiresAt: new Date(f.clock.now.getTime() + SESSION_LIFETIME_MS).toISOString() })
    const who = await me(res.json().token)
    expect(who.statusCode, who.body).toBe(200)
    expect(who.json()).toMatchObject({ staffId: staff.staffId, roleId: 'branch-staff', secondFactor: 'none' })
    expect(who.json().permissions).toContain('data:read')
    expect(who.json().permissions).not.toContain('subjects:destroy')
    expect(who.json()).not.toHaveProperty('passwordHash')
  })

  it('refuses a wrong password with 401 DERBES_SIGN_IN_FAILED and a malformed body with 400', async () => {
    const staff = await addStaff(f)
    const wrong = await signIn(staff.login, 'not the password')
    expect(wrong.statusCode).toBe(401)
    expect(wrong.json().code).toBe('DERBES_SIGN_IN_FAILED')
    const malformed = await f.app.inject({ method: 'POST', url: '/v1/operators/ttc/sessions', payload: { login: staff.login } })
    expect(malformed.statusCode).toBe(400)
    expect(malformed.json().errors).toEqual([expect.objectContaining({ pointer: '/body/password' })])
  })

  it('gives a session awaiting its TOTP code no access to protected routes, then full access after the code', async () => {
    const { login, secret } = await withTotp()
    const pending = await signIn(login)
    expect(pending.json().state).toBe('second_factor_pending')
    const token = pending.json().token as string

    const blocked = await me(token)
    expect(blocked.statusCode).toBe(401)
    expect(blocked.json().code).toBe('DERBES_SECOND_FACTOR_REQUIRED')
    const staffList = await f.app.inject({ method: 'GET', url: '/v1/operators/ttc/api-keys', headers: bearer(token) })
    expect(staffList.statusCode).toBe(401)

    const wrongCode = await f.app.inject({ method: 'POST', url: '/v1/operators/ttc/sessions/current/second-factor', headers: bearer(token), payload: { code: totpCode(secret, new Date(f.clock.now.getTime() + 600_000)) } })
    expect(wrongCode.statusCode).toBe(401)
    expect(wrongCode.json().code).toBe('DERBES_SIGN_IN_FAILED')

    const code = totpCode(secret, f.clock.now)
    const done = await f.app.inject({ method: 'POST', url: '/v1/operators/ttc/sessions/current/second-factor', headers: bearer(token), payload: { code } })
    expect(done.statusCode, done.body).toBe(200)
    expect(done.json().state).toBe('active')
    expect((await me(token)).statusCode).toBe(200) // the cached pending principal was dropped at once

    // The code just used cannot open a second session (RFC 6238 §5.2).
    const replay = await signIn(login, PASSWORD, code)
    expect(replay.statusCode).toBe(401)
  })

  it('ends a pending session after five wrong codes', async () => {
    const { login, secret } = await withTotp()
    const token = (await signIn(login)).json().token as string
    const bad = totpCode(secret, new Date(f.clock.now.getTime() + 900_000))
    for (let i = 0; i < 5; i++) {
      await f.app.inject({ method: 'POST', url: '/v1/operators/ttc/sessions/current/second-factor', headers: bearer(token), payload: { code: bad } })
    }
    const after = await f.app.inject({ method: 'POST', url: '/v1/operators/ttc/sessions/current/second-factor', headers: bearer(token), payload: { code: totpCode(secret, f.clock.now) } })
    expect(after.statusCode).toBe(401)
    expect(after.json().code).toBe('DERBES_UNAUTHENTICATED')
  })

  it('signs out: the same token is refused at once, even though it was cached a moment before', async () => {
    const staff = await addStaff(f)
    const token = (await signIn(staff.login)).json().token as string
    expect((await protectedRoute(token)).statusCode).toBe(200)
    const out = await f.app.inject({ method: 'DELETE', url: '/v1/operators/ttc/sessions/current', headers: bearer(token) })
    expect(out.statusCode).toBe(204)
    const after = await protectedRoute(token)
    expect(after.statusCode).toBe(401)
    expect(after.json().code).toBe('DERBES_UNAUTHENTICATED')
  })

  it(`ends a session idle for ${SESSION_IDLE_MS / 60_000} minutes, and any session after ${SESSION_LIFETIME_MS / 3_600_000} hours`, async () => {
    const staff = await addStaff(f)
    const idle = (await signIn(staff.login)).json().token as string
    const busy = (await signIn(staff.login)).json().token as string
    for (let t = 0; t < SESSION_LIFETIME_MS - SESSION_IDLE_MS; t += SESSION_IDLE_MS - 60_000) {
      f.clock.advance(SESSION_IDLE_MS - 60_000)
      expect((await protectedRoute(busy)).statusCode).toBe(200)
    }
    expect((await protectedRoute(idle)).statusCode).toBe(401)
    f.clock.advance(SESSION_IDLE_MS)
    expect((await protectedRoute(busy)).statusCode).toBe(401)
  })

  it('shows the current session and refuses a token that is not a session', async () => {
    const staff = await addStaff(f)
    const token = (await signIn(staff.login)).json().token as string
    const current = await protectedRoute(token)
    expect(current.json()).toMatchObject({ state: 'active', staff: { staffId: staff.staffId } })
    expect((await protectedRoute('ds.ttc.aaaaaaaaaaaaaaaa.' + 'A'.repeat(43))).statusCode).toBe(401)
    expect((await protectedRoute(token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A'))).statusCode).toBe(401)
  })
})
