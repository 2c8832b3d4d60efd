import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEST_DATABASES } from '../db/test-databases.ts'
import { adminSession, addStaff, bearer, openAccessFixture, PASSWORD, type AccessFixture } from './access-test-helpers.ts'
import { signIn } from './sign-in.ts'

describe.each(TEST_DATABASES)('staff management over HTTP on $name', (target) => {
  let f: AccessFixture
  let admin: { staffId: string; token: string }
  beforeAll(async () => {
    f = await openAccessFixture(target)
    admin = await adminSession(f)
  })
  afterAll(async () => f.close())

  const post = (payload: Record<string, unknown>, token = admin.token) => f.app.inject({ method: 'POST', url: '/v1/operators/ttc/staff', headers: bearer(token), payload })
  const patch = (staffId: string, payload: Record<string, unknown>, token = admin.token) =>
    f.app.inject({ method: 'PATCH', url: `/v1/operators/ttc/staff/${staffId}`, headers: bearer(token), payload })
  const tokenOf = async (login: string) => (await signIn(f.deps, 'ttc', { login, password: PASSWORD })).token
  const current = (token: string) => f.app.inject({ method: 'GET', url: '/v1/operators/ttc/sessions/current', headers: bearer(token) })

  it('adds a member of staff with a TTC role, lists and shows them, and audits it without their login', async () => {
    const res = await post({ login: 'G.Abenova', displayName: 'Gulnar Abenova', password: 'a long enough pass', roleId: 'branch-staff' })
    expect(res.statusCode, res.body).toBe(201)
    const staff = res.json()
    expect(staff).toMatchObject({ login: 'g.abenova', roleId: 'branch-staff', active: true, secondFactor: 'none', createdBy: `staff:${admin.staffId}` })
    expect(JSON.stringify(staff)).not.toMatch(/argon2|a long enough pass/)
    const list = await f.app.inject({ method: 'GET', url: '/v1/operators/ttc/staff', headers: bearer(admin.token) })
    expect(list.json().staff.map((s: { staffId: string }) => s.staffId)).toContain(staff.staffId)
    const one = await f.app.inject({ method: 'GET', url: `/v1/operators/ttc/staff/${staff.staffId}`, headers: bearer(admin.token) })
    expect(one.json()).toEqual(staff)
    const audit = await f.database.db.selectFrom('audit_entries').selectAll().where('operator_id', '=', 'ttc').where('action', '=', 'access_changed').execute()
    const entry = audit.find((e) => (e.details as { staffId?: string }).staffId === staff.staffId)
    expect(entry).toMatchObject({ actor: `staff:${admin.staffId}`, details: { change: 'staff_added', roleId: 'branch-staff' } })
    expect(JSON.stringify(entry)).not.toContain('abenova')
  })

  it('refuses a taken login (any case), a role the policy lacks, an unknown permission and a short password; nothing is stored', async () => {
    const existing = await addStaff(f)
    const count = async () => (await f.database.db.selectFrom('staff_users').select('staff_id').execute()).length
    const before = await count()
    const taken = await post({ login: existing.login.toUpperCase(), password: 'a long enough pass', roleId: 'branch-staff' })
    expect(taken.statusCode).toBe(409)
    expect(taken.json().code).toBe('DERBES_STAFF_LOGIN_TAKEN')
    const role = await post({ login: 'new-one', password: 'a long enough pass', roleId: 'janitor' })
    expect(role.statusCode).toBe(400)
    expect(role.json().errors).toEqual([expect.objectContaining({ pointer: '/body/roleId' })])
    const permission = await post({ login: 'new-one', password: 'a long enough pass', roleId: 'branch-staff', extraPermissions: ['root'] })
    expect(permission.statusCode).toBe(400)
    const short = await post({ login: 'new-one', password: 'short', roleId: 'branch-staff' })
    expect(short.statusCode).toBe(400)
    expect(short.json().errors).toEqual([expect.objectContaining({ pointer: '/body/password' })])
    expect(await count()).toBe(before)
  })

  it('never lets a manager grant or take over more than they hold', async () => {
    const manager = await addStaff(f, { roleId: 'branch-staff', extra: ['staff:manage'] })
    const token = await tokenOf(manager.login)
    const stronger = await post({ login: 'destroyer', password: 'a long enough pass', roleId: 'authorised-staff' }, token)
    expect(stronger.statusCode).toBe(403)
    expect(stronger.json().detail).toMatch(/subjects:block, subjects:destroy/)
    const extra = await post({ login: 'auditor', password: 'a long enough pass', roleId: 'branch-staff', extraPermissions: ['audit:read'] }, token)
    expect(extra.statusCode).toBe(403)
    const takeover = await patch(admin.staffId, { password: 'mine now, thanks' }, token)
    expect(takeover.statusCode).toBe(403)
    const peer = await post({ login: 'peer', password: 'a long enough pass', roleId: 'branch-staff' }, token)
    expect(peer.statusCode, peer.body).toBe(201)
  })

  it('disabling ends every session at once; enabling lets them sign in again', async () => {
    const staff = await addStaff(f)
    const token = await tokenOf(staff.login)
    expect((await current(token)).statusCode).toBe(200)
    const off = await patch(staff.staffId, { active: false })
    expect(off.statusCode, off.body).toBe(200)
    expect(off.json().active).toBe(false)
    expect((await current(token)).statusCode).toBe(401)
    await expect(tokenOf(staff.login)).rejects.toThrow(expect.objectContaining({ code: 'DERBES_SIGN_IN_FAILED' }))
    await patch(staff.staffId, { active: true })
    expect((await current(token)).statusCode).toBe(401) // ended sessions stay ended
    expect((await current(await tokenOf(staff.login))).statusCode).toBe(200)
  })

  it('a new role applies to live sessions at once, and a new password ends them and lifts a lockout', async () => {
    const staff = await addStaff(f, { roleId: 'branch-staff' })
    const token = await tokenOf(staff.login)
    expect((await current(token)).json().staff.permissions).not.toContain('subjects:destroy')
    await patch(staff.staffId, { roleId: 'authorised-staff' })
    expect((await current(token)).json().staff.permissions).toContain('subjects:destroy')
    for (let i = 0; i < 5; i++) await signIn(f.deps, 'ttc', { login: staff.login, password: 'wrong guess here' }).catch(() => undefined)
    expect((await f.app.inject({ method: 'GET', url: `/v1/operators/ttc/staff/${staff.staffId}`, headers: bearer(admin.token) })).json().lockedUntil).not.toBeNull()
    const reset = await patch(staff.staffId, { password: 'brand new password' })
    expect(reset.json().lockedUntil).toBeNull()
    expect((await current(token)).statusCode).toBe(401)
    await expect(signIn(f.deps, 'ttc', { login: staff.login, password: 'brand new password' })).resolves.toMatchObject({ state: 'active' })
  })

  it('resets a lost second factor: sessions end, and sign-in no longer asks for a code', async () => {
    const staff = await addStaff(f)
    const token = await tokenOf(staff.login)
    await f.app.inject({ method: 'POST', url: '/v1/operators/ttc/staff/me/totp', headers: bearer(token) })
    const reset = await f.app.inject({ method: 'DELETE', url: `/v1/operators/ttc/staff/${staff.staffId}/totp`, headers: bearer(admin.token) })
    expect(reset.statusCode).toBe(204)
    expect((await current(token)).statusCode).toBe(401)
    const again = await f.app.inject({ method: 'GET', url: `/v1/operators/ttc/staff/${staff.staffId}`, headers: bearer(admin.token) })
    expect(again.json().secondFactor).toBe('none')
    const missing = await f.app.inject({ method: 'DELETE', url: '/v1/operators/ttc/staff/nosuchstaff/totp', headers: bearer(admin.token) })
    expect(missing.statusCode).toBe(404)
  })
})
