import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEST_DATABASES } from '../db/test-databases.ts'
import { openAccessFixture, type AccessFixture } from './access-test-helpers.ts'
import { verifyApiKey } from './api-keys.ts'
import { DEMO_LOGIN, DEMO_PASSWORD, ensureDemoAccess } from './ensure-demo-access.ts'
import { PERMISSIONS } from './permissions.ts'
import { signIn } from './sign-in.ts'

describe.each(TEST_DATABASES)('ensureDemoAccess on $name', (target) => {
  let f: AccessFixture
  beforeAll(async () => {
    f = await openAccessFixture(target)
  })
  afterAll(async () => f.close())

  it('creates the documented demo administrator once, with the first policy role and every permission', async () => {
    const first = await ensureDemoAccess(f.deps, 'kzk')
    expect(first).toMatchObject({ login: 'admin', password: 'derbes-demo', created: true })
    expect([DEMO_LOGIN, DEMO_PASSWORD]).toEqual(['admin', 'derbes-demo'])
    const session = await signIn(f.deps, 'kzk', { login: first.login, password: first.password })
    const me = await f.app.inject({ method: 'GET', url: '/v1/operators/kzk/staff/me', headers: { authorization: `Bearer ${session.token}` } })
    expect(me.json()).toMatchObject({ roleId: 'administrator-staff' })
    expect(me.json().permissions.sort()).toEqual([...PERMISSIONS].sort())
    const key = await verifyApiKey(f.database.db, first.apiKey!, f.clock.now)
    expect(key).toMatchObject({ operatorId: 'kzk', roleId: 'administrator-staff' })

    const again = await ensureDemoAccess(f.deps, 'kzk')
    expect(again).toEqual({ login: 'admin', password: 'derbes-demo', created: false })
    const admins = await f.database.db.selectFrom('staff_users').select('staff_id').where('operator_id', '=', 'kzk').execute()
    expect(admins).toHaveLength(1)
    const keys = await f.database.db.selectFrom('api_keys').select('key_id').where('operator_id', '=', 'kzk').execute()
    expect(keys).toHaveLength(1)
  })
})
