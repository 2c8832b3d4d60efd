import type { InjectOptions } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Permission } from '../access/index.ts'
import { TEST_DATABASES } from '../db/test-databases.ts'
import { startRoutesKit, type RoutesKit } from '../subjects/routes-test-kit.ts'
import { SEEDING_TIMEOUT_MS } from './shop-test-kit.ts'

const MANAGE: Permission[] = ['systems:read', 'systems:manage']

describe.each(TEST_DATABASES)('system routes, authorization and tenant isolation, on $name', (target) => {
  let kit: RoutesKit
  let owner: string
  const base = '/v1/operators/esp/systems'
  const archive = { name: 'Archive', kind: 'manual', connection: {}, tables: [{ name: 'forms', columns: [{ name: 'form', itemId: 'full-name' }] }] }

  /** Every route, with the one permission it needs. */
  const routes = (): [string, Permission, InjectOptions][] => [
    ['declare', 'systems:manage', { method: 'POST', url: base, payload: { systemId: 'other', ...archive } }],
    ['list', 'systems:read', { method: 'GET', url: base }],
    ['get', 'systems:read', { method: 'GET', url: `${base}/archive` }],
    ['replace', 'systems:manage', { method: 'PUT', url: `${base}/archive`, payload: archive }],
    ['test', 'systems:manage', { method: 'POST', url: `${base}/archive/test` }],
    ['remove', 'systems:manage', { method: 'DELETE', url: `${base}/archive` }],
  ]
  const written = async () => ({
    audit: (await kit.database.db.selectFrom('audit_entries').select('seq').where('operator_id', '=', 'esp').execute()).length,
    systems: (await kit.database.db.selectFrom('systems').select(['system_id', 'updated_at']).execute()).map((r) => `${r.system_id}@${new Date(r.updated_at).toISOString()}`),
  })

  beforeAll(async () => {
    kit = await startRoutesKit(target)
    owner = await kit.token('esp', MANAGE)
    const created = await kit.call(owner, { method: 'POST', url: base, payload: { systemId: 'archive', ...archive } })
    expect(created.statusCode, created.body).toBe(201)
  }, SEEDING_TIMEOUT_MS)
  afterAll(async () => {
    await kit.close()
  })

  it('answers 401 without credentials or with a token that is not one, before reading the body, and writes nothing', async () => {
    const before = await written()
    for (const [name, , request] of routes()) {
      for (const token of [undefined, 'dk.esp.0000000000000000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA']) {
        const res = await kit.call(token, request)
        expect(res.statusCode, `${name}: ${res.body}`).toBe(401)
        expect(res.json().code).toBe('DERBES_UNAUTHENTICATED')
      }
    }
    expect((await kit.call(undefined, { method: 'POST', url: base, payload: { nonsense: true } })).statusCode).toBe(401)
    expect(await written()).toEqual(before)
  })

  it("answers 403 to another operator's key with every permission (tenant isolation), and writes nothing", async () => {
    const ttc = await kit.token('ttc', MANAGE)
    const before = await written()
    for (const [name, , request] of routes()) {
      const res = await kit.call(ttc, request)
      expect(res.statusCode, `${name}: ${res.body}`).toBe(403)
      expect(res.json().code).toBe('DERBES_FORBIDDEN')
    }
    expect(await written()).toEqual(before)
    // The other operator's own list does not show ESP's systems either.
    expect((await kit.call(ttc, { method: 'GET', url: '/v1/operators/ttc/systems' })).json()).toEqual({ systems: [] })
  })

  it('answers 403 to a key of the operator that lacks the one permission the route needs; reading does not allow changing', async () => {
    const before = await written()
    for (const [name, permission, request] of routes()) {
      const token = await kit.token('esp', MANAGE.filter((p) => p !== permission))
      const res = await kit.call(token, request)
      expect(res.statusCode, `${name}: ${res.body}`).toBe(403)
      expect(res.json().code).toBe('DERBES_FORBIDDEN')
    }
    const subjectsOnly = await kit.token('esp')
    expect((await kit.call(subjectsOnly, { method: 'GET', url: base })).statusCode).toBe(403)
    expect(await written()).toEqual(before)
  })
})
