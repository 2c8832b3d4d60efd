import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listAuditEntries } from '../audit/index.ts'
import type { DatabaseHandle } from '../db/index.ts'
import { TEST_DATABASES } from '../db/test-databases.ts'
import { openSeeded } from '../subjects/subjects-test-helpers.ts'
import { getSystem, listSystems } from './list-systems.ts'
import { runSystemTask } from './run-system-task.ts'
import { createSystem, deleteSystem, updateSystem } from './save-system.ts'
import { SEEDING_TIMEOUT_MS, shopMap } from './shop-test-kit.ts'
import type { SystemInput } from './system-map.ts'
import type { SystemsDeps } from './systems-deps.ts'

const PASSWORD = 's3cret-pw-9f2'
const TOKEN = 'tok-7d1c0ffee'

describe.each(TEST_DATABASES)('the data map of systems on $name', (target) => {
  let database: DatabaseHandle
  let deps: SystemsDeps
  const shop = (systemId: string): SystemInput => ({
    systemId,
    name: 'Loyalty database',
    kind: 'postgres',
    description: 'Cards and orders',
    connection: { url: `postgres://loyalty:${PASSWORD}@10.0.0.5:5432/loyalty`, schema: 'shop' },
    ...shopMap(),
  })
  const crm = (systemId: string): SystemInput => ({
    systemId,
    name: 'CRM',
    kind: 'http',
    connection: { baseUrl: 'https://crm.example.kz/derbes', token: TOKEN },
    tables: [{ name: 'contacts', columns: [{ name: 'phone', itemId: 'phone', identifies: 'phone' }, { name: 'mail', itemId: 'email', identifies: 'email' }] }],
    relations: [],
  })
  const archive = (systemId: string): SystemInput => ({
    systemId,
    name: 'Paper archive, Almaty branch',
    kind: 'manual',
    connection: {},
    tables: [{ name: 'application forms', columns: [{ name: 'form', itemId: 'id-document' }] }],
    relations: [],
  })
  const rowsOf = async (systemId: string) => ({
    systems: await database.db.selectFrom('systems').selectAll().where('system_id', '=', systemId).execute(),
    tables: await database.db.selectFrom('system_tables').selectAll().where('system_id', '=', systemId).execute(),
  })
  const audited = async () => (await listAuditEntries(database.db, 'esp', { limit: 1000 })).entries.filter((e) => e.action === 'system_changed')

  beforeAll(async () => {
    ;({ database, deps } = await openSeeded(target))
  }, SEEDING_TIMEOUT_MS)
  afterAll(async () => {
    await database?.close()
  })

  it('declares a system and shows it with the connection redacted; the secret is stored only sealed, and the change audited', async () => {
    const view = await createSystem(deps, 'esp', shop('loyalty'), 'api_key:k1')
    expect(view).toMatchObject({
      systemId: 'loyalty',
      kind: 'postgres',
      description: 'Cards and orders',
      connection: { url: 'postgres://loyalty:***@10.0.0.5:5432/loyalty', schema: 'shop', secret: 'sealed' },
      items: ['birth-date', 'email', 'full-name', 'loyalty-accruals', 'loyalty-card', 'phone', 'residence-address'],
      identifiers: ['phone', 'email', 'subject_id'],
      createdBy: 'api_key:k1',
      ...shopMap(),
    })
    expect(await getSystem(database.db, 'esp', 'loyalty')).toEqual(view)
    const rows = await rowsOf('loyalty')
    expect(JSON.stringify(rows)).not.toContain(PASSWORD)
    expect(rows.systems[0]!.secret_sealed).toMatch(/^v1\./)
    expect(rows.tables.map((t) => t.table_name)).toEqual(['customers', 'orders', 'order_items', 'loyalty_cards'])
    const [entry] = (await audited()).filter((e) => e.details.systemId === 'loyalty')
    expect(entry).toMatchObject({ actor: 'api_key:k1', subjectId: null, details: { kind: 'postgres', change: 'declared', tables: ['customers', 'orders', 'order_items', 'loyalty_cards'] } })
    expect(JSON.stringify(entry)).not.toContain(PASSWORD)
  })

  it('gives the fulfilment planner each system with its kind, the items it holds and the identifiers it finds a subject by', async () => {
    await createSystem(deps, 'esp', crm('crm'), 'test')
    await createSystem(deps, 'esp', archive('archive'), 'test')
    const systems = await listSystems(database.db, 'esp')
    const summary = Object.fromEntries(systems.map((s) => [s.systemId, [s.kind, s.items, s.identifiers]]))
    expect(summary).toMatchObject({
      archive: ['manual', ['id-document'], []],
      crm: ['http', ['email', 'phone'], ['phone', 'email']],
      loyalty: ['postgres', expect.arrayContaining(['phone', 'loyalty-card']), ['phone', 'email', 'subject_id']],
    })
    expect(systems.find((s) => s.systemId === 'crm')!.connection).toEqual({ baseUrl: 'https://crm.example.kz/derbes', token: '***', secret: 'sealed' })
    expect(JSON.stringify(systems)).not.toContain(TOKEN)
    expect(await listSystems(database.db, 'ttc')).toEqual([])
  })

  it('refuses a map that does not fit the published policy or cannot be acted on, naming each problem, and stores nothing', async () => {
    const before = (await audited()).length
    const bad = shop('bad')
    bad.tables[0]!.columns[0]!.itemId = 'shoe-size'
    bad.tables[1]!.columns[0]!.identifies = 'passport' as never
    bad.relations.push({ child: { table: 'customers', column: 'last_item' }, parent: { table: 'order_items', column: 'id' } })
    bad.connection = { url: 'mysql://x@y/z' }
    await expect(createSystem(deps, 'esp', bad, 'test')).rejects.toMatchObject({
      code: 'DERBES_SYSTEM_MAPPING_INVALID',
      errors: [
        { pointer: '/body/connection/url' },
        { pointer: '/body/tables/0/columns/0/itemId' },
        { pointer: '/body/tables/1/columns/0/identifies' },
        { pointer: '/body/relations/0' },
        { pointer: '/body/relations/1' },
        { pointer: '/body/relations/3' },
      ],
    })
    expect(await rowsOf('bad')).toEqual({ systems: [], tables: [] })
    expect(await audited()).toHaveLength(before)
  })

  it('refuses a second system under the same id, and an operator that does not exist', async () => {
    await expect(createSystem(deps, 'esp', { ...crm('crm'), name: 'Other' }, 'test')).rejects.toMatchObject({ code: 'DERBES_SYSTEM_EXISTS' })
    await expect(createSystem(deps, 'nobody', crm('crm'), 'test')).rejects.toMatchObject({ code: 'DERBES_OPERATOR_NOT_FOUND' })
  })

  it('replaces the map on update and keeps the sealed secret when the connection leaves it out', async () => {
    const before = (await rowsOf('loyalty')).systems[0]!
    const changed = shop('loyalty')
    changed.connection = { schema: 'shop2', statementTimeoutMs: 2000 }
    changed.tables = changed.tables.filter((t) => t.name !== 'loyalty_cards')
    changed.relations = changed.relations.filter((r) => r.child.table !== 'loyalty_cards')
    const view = await updateSystem(deps, 'esp', changed, 'staff:7')
    expect(view.connection).toEqual({ url: 'postgres://loyalty:***@10.0.0.5:5432/loyalty', schema: 'shop2', statementTimeoutMs: 2000, secret: 'sealed' })
    expect(view.items).not.toContain('loyalty-card')
    expect(view).toMatchObject({ updatedBy: 'staff:7', createdBy: 'api_key:k1' })
    const after = (await rowsOf('loyalty')).systems[0]!
    // Sealed anew (a new data key), holding the same URL: the redacted form still names its user and host.
    expect(after.secret_sealed).not.toBe(before.secret_sealed)
    expect((await audited()).at(-1)).toMatchObject({ actor: 'staff:7', details: { systemId: 'loyalty', change: 'changed' } })
  })

  it('needs a new secret when the kind changes, and 404s an unknown system', async () => {
    const toMysql = { ...shop('loyalty'), kind: 'mysql' as const, connection: {} }
    await expect(updateSystem(deps, 'esp', toMysql, 'test')).rejects.toMatchObject({ code: 'DERBES_SYSTEM_MAPPING_INVALID', errors: [{ pointer: '/body/connection/url' }] })
    await expect(updateSystem(deps, 'esp', shop('nope'), 'test')).rejects.toMatchObject({ code: 'DERBES_SYSTEM_NOT_FOUND' })
  })

  it('runs no connector for a manual system (a staff task instead), nor for an unknown one, nor a rectify without changes', async () => {
    const subject = { subjectId: 's-1', identifiers: { phone: '+77015550001' } }
    await expect(runSystemTask(deps, { operatorId: 'esp', systemId: 'archive', action: 'export', subject })).rejects.toMatchObject({ code: 'DERBES_SYSTEM_ACTION_NOT_SUPPORTED' })
    await expect(runSystemTask(deps, { operatorId: 'esp', systemId: 'ghost', action: 'locate', subject })).rejects.toMatchObject({ code: 'DERBES_SYSTEM_NOT_FOUND' })
    await expect(runSystemTask(deps, { operatorId: 'ttc', systemId: 'crm', action: 'locate', subject })).rejects.toMatchObject({ code: 'DERBES_SYSTEM_NOT_FOUND' })
    await expect(runSystemTask(deps, { operatorId: 'esp', systemId: 'crm', action: 'rectify', subject })).rejects.toMatchObject({ code: 'DERBES_VALIDATION', errors: [{ pointer: '/changes' }] })
    // Nothing the system holds: nothing is sent, and the call is still on record.
    const result = await runSystemTask(deps, { operatorId: 'esp', systemId: 'crm', action: 'rectify', subject, changes: [{ itemId: 'birth-date', value: '1990-01-01' }] })
    expect(result).toEqual({ systemId: 'crm', action: 'rectify', rowsByTable: {} })
    expect((await listAuditEntries(database.db, 'esp', { subjectId: 's-1' })).entries.at(-1)).toMatchObject({ action: 'change', details: { itemIds: [], rowsByTable: {} } })
  })

  it('removes a system with its map, audited', async () => {
    await deleteSystem(deps, 'esp', 'archive', 'staff:7')
    expect(await rowsOf('archive')).toEqual({ systems: [], tables: [] })
    expect(await database.db.selectFrom('system_columns').select('column_name').where('system_id', '=', 'archive').execute()).toEqual([])
    await expect(getSystem(database.db, 'esp', 'archive')).rejects.toMatchObject({ code: 'DERBES_SYSTEM_NOT_FOUND' })
    await expect(deleteSystem(deps, 'esp', 'archive', 'staff:7')).rejects.toMatchObject({ code: 'DERBES_SYSTEM_NOT_FOUND' })
    expect((await audited()).at(-1)).toMatchObject({ details: { systemId: 'archive', kind: 'manual', change: 'removed' } })
  })
})
