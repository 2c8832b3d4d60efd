import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEST_DATABASES } from '../db/test-databases.ts'
import { startRoutesKit, type RoutesKit } from '../subjects/routes-test-kit.ts'
import { SEEDING_TIMEOUT_MS, shopMap } from './shop-test-kit.ts'

const PASSWORD = 'pw-0b7e-secret'

describe.each(TEST_DATABASES)('system routes on $name', (target) => {
  let kit: RoutesKit
  let token: string
  const base = '/v1/operators/esp/systems'
  const loyalty = () => ({ name: 'Loyalty database', kind: 'postgres', connection: { url: `postgres://loyalty:${PASSWORD}@10.0.0.5:5432/loyalty` }, ...shopMap() })

  beforeAll(async () => {
    kit = await startRoutesKit(target)
    token = await kit.token('esp', ['systems:read', 'systems:manage'])
  }, SEEDING_TIMEOUT_MS)
  afterAll(async () => {
    await kit.close()
  })

  it('declares, shows, lists, replaces and removes a system; the password goes in and never comes out', async () => {
    const created = await kit.call(token, { method: 'POST', url: base, payload: { systemId: 'loyalty', ...loyalty() } })
    expect(created.statusCode, created.body).toBe(201)
    expect(created.json()).toMatchObject({ systemId: 'loyalty', connection: { url: 'postgres://loyalty:***@10.0.0.5:5432/loyalty', secret: 'sealed' }, createdBy: expect.stringMatching(/^api_key:/) })

    const shown = await kit.call(token, { method: 'GET', url: `${base}/loyalty` })
    expect(shown.json()).toEqual(created.json())
    const listed = await kit.call(token, { method: 'GET', url: base })
    expect(listed.json().systems.map((s: { systemId: string }) => s.systemId)).toEqual(['loyalty'])

    const { connection: _dropped, ...rest } = loyalty()
    const replaced = await kit.call(token, { method: 'PUT', url: `${base}/loyalty`, payload: { ...rest, name: 'Loyalty DB', connection: { schema: 'shop' } } })
    expect(replaced.statusCode, replaced.body).toBe(200)
    expect(replaced.json()).toMatchObject({ name: 'Loyalty DB', connection: { url: 'postgres://loyalty:***@10.0.0.5:5432/loyalty', schema: 'shop', secret: 'sealed' } })

    for (const body of [created.body, shown.body, listed.body, replaced.body]) expect(body).not.toContain(PASSWORD)
    const removed = await kit.call(token, { method: 'DELETE', url: `${base}/loyalty` })
    expect(removed.statusCode).toBe(204)
    expect((await kit.call(token, { method: 'GET', url: `${base}/loyalty` })).json()).toMatchObject({ status: 404, code: 'DERBES_SYSTEM_NOT_FOUND' })
  })

  it('tests a system: one that does not answer is a report saying so, not an error', async () => {
    const payload = { systemId: 'down', ...loyalty(), connection: { url: 'postgres://loyalty@127.0.0.1:1/loyalty', statementTimeoutMs: 1000 } }
    expect((await kit.call(token, { method: 'POST', url: base, payload })).statusCode).toBe(201)
    const res = await kit.call(token, { method: 'POST', url: `${base}/down/test` })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ systemId: 'down', ok: false, problems: [{ pointer: '/connection', detail: expect.stringMatching(/cannot connect/) }], warnings: [] })
  })

  it('answers a malformed body with 400 and its pointer, and an unsound map with 422 and a pointer per problem; nothing is stored', async () => {
    const malformed = await kit.call(token, { method: 'POST', url: base, payload: { systemId: 'x', ...loyalty(), kind: 'oracle', extra: 1 } })
    expect(malformed.statusCode).toBe(400)
    expect(malformed.json()).toMatchObject({ code: 'DERBES_VALIDATION' })
    expect(malformed.json().errors.map((e: { pointer: string }) => e.pointer)).toEqual(expect.arrayContaining(['/body/kind']))

    const map = shopMap()
    map.tables[0]!.columns[1]!.itemId = 'shoe-size'
    map.tables[0]!.columns[2]!.identifies = 'passport' as never
    map.relations = map.relations.filter((r) => r.child.table !== 'loyalty_cards')
    const unsound = await kit.call(token, { method: 'POST', url: base, payload: { systemId: 'unsound', ...loyalty(), ...map } })
    expect(unsound.statusCode).toBe(422)
    expect(unsound.json()).toMatchObject({ code: 'DERBES_SYSTEM_MAPPING_INVALID', type: expect.stringContaining('DERBES_SYSTEM_MAPPING_INVALID') })
    expect(unsound.json().errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/body/tables/0/columns/1/itemId', '/body/tables/0/columns/2/identifies', '/body/tables/3'])
    expect((await kit.call(token, { method: 'GET', url: `${base}/unsound` })).statusCode).toBe(404)
  })

  it('answers 409 to a second system under the same id and 404 to replacing or removing one that is not there', async () => {
    const payload = { systemId: 'twice', name: 'Archive', kind: 'manual', connection: {}, tables: [{ name: 'forms', columns: [{ name: 'form', itemId: 'full-name' }] }] }
    expect((await kit.call(token, { method: 'POST', url: base, payload })).statusCode).toBe(201)
    expect((await kit.call(token, { method: 'POST', url: base, payload })).json()).toMatchObject({ status: 409, code: 'DERBES_SYSTEM_EXISTS' })
    const { systemId: _id, ...body } = payload
    expect((await kit.call(token, { method: 'PUT', url: `${base}/ghost`, payload: body })).json()).toMatchObject({ status: 404, code: 'DERBES_SYSTEM_NOT_FOUND' })
    expect((await kit.call(token, { method: 'DELETE', url: `${base}/ghost` })).json()).toMatchObject({ status: 404, code: 'DERBES_SYSTEM_NOT_FOUND' })
  })
})
