import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEST_DATABASES } from '../db/test-databases.ts'
import { startRoutesKit, type RoutesKit } from '../subjects/routes-test-kit.ts'
import { SEEDING_TIMEOUT_MS, shopServers, type Shop } from '../systems/shop-test-kit.ts'

// Issue 7 item 3: a report per system, stored, diffable against the last scan, and proposals to the data map
// that a responsible person accepts or rejects in the API. Derbes on PGlite and on the PostgreSQL server; the
// scanned shop on the PostgreSQL server (a schema of its own).
const [postgresShop] = await shopServers()

describe.each(TEST_DATABASES)('discovery routes on $name', (target) => {
  let kit: RoutesKit
  let shop: Shop
  let manager: string
  let reader: string
  const systems = '/v1/operators/esp/systems'
  const proposals = '/v1/operators/esp/discovery/proposals'

  beforeAll(async () => {
    kit = await startRoutesKit(target)
    shop = await postgresShop!.createShop()
    manager = await kit.token('esp', ['systems:read', 'systems:manage', 'audit:read'])
    reader = await kit.token('esp', ['systems:read'])
    // The operator knows only the customers' e-mail column; discovery must find the rest.
    const declared = await kit.call(manager, {
      method: 'POST',
      url: systems,
      payload: {
        systemId: 'shop', name: 'Shop', kind: 'postgres', connection: shop.connection,
        tables: [{ name: 'customers', columns: [{ name: 'email', itemId: 'email', identifies: 'email', masking: { strategy: 'hash' } }] }],
      },
    })
    expect(declared.statusCode, declared.body).toBe(201)
  }, SEEDING_TIMEOUT_MS)
  afterAll(async () => {
    await shop?.drop()
    await kit?.close()
  })

  const open = async () => (await kit.call(reader, { method: 'GET', url: proposals })).json().proposals as { proposalId: string; table: string; column: string; itemId: string | null; status: string }[]
  const proposalFor = async (column: string) => (await open()).find((p) => `${p.table}.${p.column}` === column)

  it('scans the system, keeps the report without values, and proposes the unmapped personal columns', async () => {
    const res = await kit.call(manager, { method: 'POST', url: `${systems}/shop/scans`, payload: { sampleSize: 100 } })
    expect(res.statusCode, res.body).toBe(201)
    const scan = res.json()
    expect(res.headers.location).toBe(`/v1/operators/esp/scans/${scan.scanId}`)
    expect(scan).toMatchObject({ systemId: 'shop', source: 'postgres', mode: 'sample', createdBy: expect.stringMatching(/^api_key:/) })
    expect(scan.target).not.toContain('@127.0.0.1:5432/test?') // no query secrets
    const customers = scan.report.tables.find((t: { name: string }) => t.name.endsWith('customers'))
    const kinds = Object.fromEntries(customers.columns.filter((c: { kind?: string }) => c.kind).map((c: { name: string; kind: string; itemId?: string }) => [c.name, [c.kind, c.itemId]]))
    expect(kinds).toMatchObject({ email: ['email', 'email'], phone: ['phone', 'phone'] })
    expect(res.body).not.toContain('aidos@mail.kz')
    expect(res.body).not.toContain('87015550001')
    expect(scan.diff.previousScanId).toBeUndefined()
    const columns = scan.proposals.map((p: { table: string; column: string }) => `${p.table}.${p.column}`)
    expect(columns).toContain('customers.phone')
    expect(columns).not.toContain('customers.email')
    expect(await proposalFor('customers.phone')).toMatchObject({ itemId: 'phone', status: 'open' })
  })

  it('accepting maps the column in the data map; a proposal the map cannot bear is refused and stays open', async () => {
    const phone = await proposalFor('customers.phone')
    const accepted = await kit.call(manager, { method: 'POST', url: `${proposals}/${phone!.proposalId}/accept` })
    expect(accepted.statusCode, accepted.body).toBe(200)
    expect(accepted.json().proposal).toMatchObject({ status: 'accepted', decidedBy: expect.stringMatching(/^api_key:/) })
    const system = (await kit.call(reader, { method: 'GET', url: `${systems}/shop` })).json()
    expect(system.tables[0].columns).toContainEqual({ name: 'phone', itemId: 'phone', masking: { strategy: 'hash' } })
    const again = await kit.call(manager, { method: 'POST', url: `${proposals}/${phone!.proposalId}/accept` })
    expect(again.json()).toMatchObject({ status: 409, code: 'DERBES_PROPOSAL_DECIDED' })

    // orders has no column that identifies a subject: mapping its address alone is not a sound map.
    const address = await proposalFor('orders.delivery_address')
    expect(address).toBeDefined()
    const refused = await kit.call(manager, { method: 'POST', url: `${proposals}/${address!.proposalId}/accept` })
    expect(refused.json()).toMatchObject({ status: 422, code: 'DERBES_SYSTEM_MAPPING_INVALID' })
    expect((await proposalFor('orders.delivery_address'))!.status).toBe('open')
  })

  it('a rejected finding is not proposed again; a new scan supersedes the open proposals and diffs against the last', async () => {
    const address = await proposalFor('orders.delivery_address')
    const rejected = await kit.call(manager, { method: 'POST', url: `${proposals}/${address!.proposalId}/reject`, payload: { reason: 'courier notes, kept 30 days under the delivery contract' } })
    expect(rejected.json()).toMatchObject({ status: 'rejected', reason: 'courier notes, kept 30 days under the delivery contract' })
    const before = (await open()).map((p) => p.proposalId)

    const second = (await kit.call(manager, { method: 'POST', url: `${systems}/shop/scans`, payload: {} })).json()
    expect(second.diff.previousScanId).toEqual(expect.any(String))
    expect(second.diff.columns).toEqual([])
    const now = await open()
    expect(now.map((p) => `${p.table}.${p.column}`)).not.toContain('orders.delivery_address')
    expect(now.map((p) => `${p.table}.${p.column}`)).not.toContain('customers.phone')
    expect(now.some((p) => before.includes(p.proposalId))).toBe(false)
    const superseded = (await kit.call(reader, { method: 'GET', url: `${proposals}?status=superseded` })).json().proposals
    expect(superseded.length).toBe(before.length)

    const listed = (await kit.call(reader, { method: 'GET', url: '/v1/operators/esp/scans?systemId=shop' })).json().scans
    expect(listed.map((s: { scanId: string }) => s.scanId)[0]).toBe(second.scanId)
    const shown = (await kit.call(reader, { method: 'GET', url: `/v1/operators/esp/scans/${second.scanId}` })).json()
    expect(shown.diff.previousScanId).toBe(listed[1].scanId)
  })

  it('audits every scan and decision', async () => {
    const entries = (await kit.call(manager, { method: 'GET', url: '/v1/operators/esp/audit/entries?limit=500' })).json().entries as { action: string; details: Record<string, unknown> }[]
    expect(entries.filter((e) => e.action === 'discovery_scanned').length).toBe(2)
    expect(entries.filter((e) => e.action === 'discovery_proposal_decided').map((e) => e.details.status).sort()).toEqual(['accepted', 'rejected'])
    expect(entries.some((e) => e.action === 'system_changed' && (e.details.items as string[]).includes('phone'))).toBe(true)
  })

  it('refuses without credentials or permission, across operators, and for what is not there', async () => {
    expect((await kit.call(undefined, { method: 'POST', url: `${systems}/shop/scans`, payload: {} })).statusCode).toBe(401)
    expect((await kit.call(reader, { method: 'POST', url: `${systems}/shop/scans`, payload: {} })).statusCode).toBe(403)
    const ttc = await kit.token('ttc', ['systems:read', 'systems:manage'])
    expect((await kit.call(ttc, { method: 'GET', url: '/v1/operators/esp/scans' })).statusCode).toBe(403)
    expect((await kit.call(ttc, { method: 'GET', url: '/v1/operators/ttc/discovery/proposals' })).json().proposals).toEqual([])
    expect((await kit.call(reader, { method: 'GET', url: '/v1/operators/esp/scans/00000000-0000-4000-8000-000000000000' })).json()).toMatchObject({ status: 404, code: 'DERBES_SCAN_NOT_FOUND' })
    expect((await kit.call(manager, { method: 'POST', url: `${systems}/ghost/scans`, payload: {} })).json()).toMatchObject({ status: 404, code: 'DERBES_SYSTEM_NOT_FOUND' })
    expect((await kit.call(manager, { method: 'POST', url: `${systems}/shop/scans`, payload: { mode: 'everything' } })).json()).toMatchObject({ status: 400, code: 'DERBES_VALIDATION' })
  })
})
