import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEST_DATABASES } from '../db/test-databases.ts'
import { adminSession, addStaff, bearer, openAccessFixture, PASSWORD, type AccessFixture } from './access-test-helpers.ts'
import { signIn } from './sign-in.ts'

describe.each(TEST_DATABASES)('API keys over HTTP on $name', (target) => {
  let f: AccessFixture
  let admin: { staffId: string; token: string }
  beforeAll(async () => {
    f = await openAccessFixture(target)
    admin = await adminSession(f)
  })
  afterAll(async () => f.close())

  const issue = (payload: Record<string, unknown>, token = admin.token) => f.app.inject({ method: 'POST', url: '/v1/operators/ttc/api-keys', headers: bearer(token), payload })
  const list = (token = admin.token) => f.app.inject({ method: 'GET', url: '/v1/operators/ttc/api-keys', headers: bearer(token) })

  it('issues a key whose token is shown once, lists it without any secret, and the key works', async () => {
    const res = await issue({ name: 'crm', permissions: ['staff:manage', 'decisions'], roleId: 'branch-staff' })
    expect(res.statusCode, res.body).toBe(201)
    const { keyId, token } = res.json()
    expect(token).toMatch(new RegExp(`^dk\\.ttc\\.${keyId}\\.[A-Za-z0-9_-]{43}$`))
    const listed = await list()
    const secret = token.split('.')[3]
    expect(listed.body).not.toContain(secret)
    const row = await f.database.db.selectFrom('api_keys').select('secret_hash').where('key_id', '=', keyId).executeTakeFirstOrThrow()
    expect(listed.body).not.toContain(row.secret_hash)
    expect(listed.json().apiKeys).toContainEqual(expect.objectContaining({ keyId, name: 'crm', permissions: ['staff:manage', 'decisions'], roleId: 'branch-staff', createdBy: `staff:${admin.staffId}`, revokedAt: null }))
    expect((await list(token)).statusCode).toBe(200)
    const audit = await f.database.db.selectFrom('audit_entries').select(['actor', 'details']).where('operator_id', '=', 'ttc').where('action', '=', 'access_changed').execute()
    expect(audit).toContainEqual({ actor: `staff:${admin.staffId}`, details: expect.objectContaining({ change: 'api_key_issued', keyId }) })
    expect(JSON.stringify(audit)).not.toContain(secret)
  })

  it('revokes a key: refused at once (401) although it was just cached, and a second revoke is 404', async () => {
    const { keyId, token } = (await issue({ name: 'to revoke', permissions: ['staff:manage'] })).json()
    expect((await list(token)).statusCode).toBe(200)
    const revoked = await f.app.inject({ method: 'DELETE', url: `/v1/operators/ttc/api-keys/${keyId}`, headers: bearer(admin.token) })
    expect(revoked.statusCode).toBe(204)
    const after = await list(token)
    expect(after.statusCode).toBe(401)
    expect(after.json().code).toBe('DERBES_UNAUTHENTICATED')
    const again = await f.app.inject({ method: 'DELETE', url: `/v1/operators/ttc/api-keys/${keyId}`, headers: bearer(admin.token) })
    expect(again.statusCode).toBe(404)
    expect((await list()).json().apiKeys.find((k: { keyId: string }) => k.keyId === keyId).revokedAt).toBe(f.clock.now.toISOString())
  })

  it('refuses an expired key with 401', async () => {
    const expiresAt = new Date(f.clock.now.getTime() + 60_000)
    const { token } = (await issue({ name: 'short-lived', permissions: ['staff:manage'], expiresAt: expiresAt.toISOString() })).json()
    expect((await list(token)).statusCode).toBe(200)
    f.clock.advance(60_000)
    expect((await list(token)).statusCode).toBe(401)
  })

  it('refuses a past expiry, an unknown permission and a role the policy lacks; nothing is stored', async () => {
    const before = (await f.database.db.selectFrom('api_keys').select('key_id').execute()).length
    const past = await issue({ name: 'x', permissions: ['decisions'], expiresAt: new Date(f.clock.now.getTime() - 1).toISOString() })
    expect(past.statusCode).toBe(400)
    expect(past.json().errors).toEqual([expect.objectContaining({ pointer: '/body/expiresAt' })])
    expect((await issue({ name: 'x', permissions: ['everything'] })).statusCode).toBe(400)
    const role = await issue({ name: 'x', permissions: ['decisions'], roleId: 'janitor' })
    expect(role.statusCode).toBe(400)
    expect(role.json().errors).toEqual([expect.objectContaining({ pointer: '/body/roleId' })])
    expect((await f.database.db.selectFrom('api_keys').select('key_id').execute()).length).toBe(before)
  })

  it('never issues a key with a permission its issuer lacks', async () => {
    const manager = await addStaff(f, { roleId: 'branch-staff', extra: ['staff:manage'] })
    const token = (await signIn(f.deps, 'ttc', { login: manager.login, password: PASSWORD })).token
    const res = await issue({ name: 'escalate', permissions: ['subjects:destroy'] }, token)
    expect(res.statusCode).toBe(403)
    expect(res.json().detail).toMatch(/subjects:destroy/)
    expect((await issue({ name: 'fine', permissions: ['data:read'] }, token)).statusCode).toBe(201)
  })

  it("cannot revoke another operator's key through its own operator", async () => {
    const esp = await adminSession(f, 'esp')
    const { keyId } = (await f.app.inject({ method: 'POST', url: '/v1/operators/esp/api-keys', headers: bearer(esp.token), payload: { name: 'esp key', permissions: ['decisions'] } })).json()
    const res = await f.app.inject({ method: 'DELETE', url: `/v1/operators/ttc/api-keys/${keyId}`, headers: bearer(admin.token) })
    expect(res.statusCode).toBe(404)
    const row = await f.database.db.selectFrom('api_keys').select('revoked_at').where('key_id', '=', keyId).executeTakeFirstOrThrow()
    expect(row.revoked_at).toBeNull()
  })
})
