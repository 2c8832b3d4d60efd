import { createHmac } from 'node:crypto'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { listAuditEntries } from '../audit/index.ts'
import type { DatabaseHandle } from '../db/index.ts'
import { TEST_DATABASES } from '../db/test-databases.ts'
import type { DerbesError } from '../errors/index.ts'
import { openSeeded } from '../subjects/subjects-test-helpers.ts'
import { closeSystemConnections } from './connection-cache.ts'
import { maskingKey } from './masking.ts'
import { isRetryableSystemError, runSystemTask } from './run-system-task.ts'
import { createSystem, updateSystem } from './save-system.ts'
import { CUSTOMERS, SEEDING_TIMEOUT_MS, type Shop, shopMap, shopServers } from './shop-test-kit.ts'
import type { SubjectLocator } from './system-task.ts'
import type { SystemMap } from './system-map.ts'
import type { SystemsDeps } from './systems-deps.ts'
import { testSystem } from './test-system.ts'

const servers = await shopServers()

/** Aidos as Derbes knows him: the E.164 phone; the shop stores it as 87015550001. */
const aidos: SubjectLocator = { subjectId: CUSTOMERS.aidos.subjectId, identifiers: { phone: '+77015550001' } }
const dana: SubjectLocator = { subjectId: CUSTOMERS.dana.subjectId, identifiers: { email: 'dana@mail.kz' } }

for (const server of servers) {
  describe.skipIf(!server.available)(`the ${server.name} connector against the real server`, () => {
    describe.each(TEST_DATABASES)('with Derbes on $name', (target) => {
      let database: DatabaseHandle
      let deps: SystemsDeps
      let shop: Shop
      let systemId: string
      let count = 0

      beforeAll(async () => {
        ;({ database, deps } = await openSeeded(target))
      }, SEEDING_TIMEOUT_MS)
      afterAll(async () => {
        await database?.close()
      })
      beforeEach(async () => {
        shop = await server.createShop()
        systemId = `shop-${++count}`
        await declare(shopMap())
      })
      afterEach(async () => {
        await closeSystemConnections()
        await shop.drop()
      })

      const declare = (map: SystemMap, connection = shop.connection) =>
        createSystem(deps, 'esp', { systemId, name: 'Shop', kind: server.name, connection, ...map }, 'test')
      const run = (action: 'locate' | 'export' | 'rectify' | 'anonymise' | 'delete', subject: SubjectLocator, changes?: { itemId: string; value: string | null }[]) =>
        runSystemTask(deps, { operatorId: 'esp', systemId, action, subject, requestId: 'req-1', ...(changes ? { changes } : {}) })
      const ids = async (table: string) => (await shop.query(`select id from ${table} order by id`)).map((r) => Number(r.id))
      const customer = async (id: number) => (await shop.query('select * from customers where id = ?', [id]))[0]!
      const failure = (promise: Promise<unknown>) => promise.then(() => expect.unreachable('should fail'), (error: DerbesError) => error)

      it("TW-9.1: locate counts the subject's rows per table, found by any spelling of the phone and children through the foreign-key path", async () => {
        const result = await run('locate', aidos)
        expect(result).toEqual({ systemId, action: 'locate', rowsByTable: { customers: 1, orders: 2, order_items: 3, loyalty_cards: 1 } })
        expect((await run('locate', dana)).rowsByTable).toEqual({ customers: 1, orders: 1, order_items: 1, loyalty_cards: 1 })
        // An identifier the system has no column for finds nothing: no guessing.
        expect((await run('locate', { subjectId: 'x', identifiers: { iin: '900517300123' } })).rowsByTable).toEqual({ customers: 0, orders: 0, order_items: 0, loyalty_cards: 0 })
      })

      it("ESP-3: export returns the subject's rows, mapped columns only, one record per row, and no other subject's data; audited without values", async () => {
        const result = await run('export', aidos)
        expect(result.rowsByTable).toEqual({ customers: 1, orders: 2, loyalty_cards: 1 })
        const byTable = (table: string) => result.records!.filter((r) => r.table === table).map((r) => Object.fromEntries(r.values.map((v) => [v.itemId, v.value])))
        expect(byTable('customers')).toEqual([{ 'full-name': 'Айдос Серіков', email: 'aidos@mail.kz', phone: '87015550001', 'birth-date': '1990-05-17' }])
        expect(byTable('orders').map((o) => o['residence-address']).sort()).toEqual(['Астана, Абай 10', 'Астана, Мәңгілік Ел 58'])
        expect(byTable('loyalty_cards').map((c) => [c['loyalty-card'], Number(c['loyalty-accruals'])])).toEqual([['ESP-0001-AIDOS', 120]])
        expect(result.records!.find((r) => r.table === 'customers')!.values.map((v) => v.column)).toEqual(['full_name', 'email', 'phone', 'birth_date'])
        const text = JSON.stringify(result)
        for (const other of ['Дана', 'dana@', 'ESP-0002', 'Алматы', 'Ерлан', 'subject-aidos', 'city', 'milk']) expect(text).not.toContain(other)

        const entries = (await listAuditEntries(database.db, 'esp', { subjectId: aidos.subjectId })).entries
        expect(entries.at(-1)).toMatchObject({
          action: 'export',
          actor: 'system',
          details: { systemId, systemKind: server.name, operation: 'export', requestId: 'req-1', rowsByTable: { customers: 1, orders: 2, loyalty_cards: 1 }, itemIds: ['birth-date', 'email', 'full-name', 'loyalty-accruals', 'loyalty-card', 'phone', 'residence-address'] },
        })
        expect(JSON.stringify(entries.at(-1)!.details)).not.toMatch(/aidos@|Айдос|8701/)
      })

      it("TW-9.3: rectify sets each held item's columns in every table holding it, only in the subject's rows, and skips items the system does not hold", async () => {
        const result = await run('rectify', aidos, [
          { itemId: 'phone', value: '+77015559999' },
          { itemId: 'residence-address', value: 'Астана, Тұран 1' },
          { itemId: 'id-document', value: 'N1234567' },
        ])
        expect(result.rowsByTable).toEqual({ orders: 2, customers: 1 })
        expect((await customer(1)).phone).toBe('+77015559999')
        expect((await shop.query('select delivery_address from orders where customer_id = ? order by id', [1])).map((r) => r.delivery_address)).toEqual(['Астана, Тұран 1', 'Астана, Тұран 1'])
        expect((await customer(2)).phone).toBe('+77015550002')
        expect((await shop.query('select delivery_address from orders where id = 20'))[0]!.delivery_address).toBe('Алматы, Сәтпаев 5')
        // Found again by the new phone, as Derbes will know it now.
        expect((await run('locate', { subjectId: 'x', identifiers: { phone: '+77015559999' } })).rowsByTable.customers).toBe(1)
        const entry = (await listAuditEntries(database.db, 'esp', { subjectId: aidos.subjectId })).entries.at(-1)!
        expect(entry).toMatchObject({ action: 'change', details: { operation: 'rectify', itemIds: ['phone', 'residence-address'], rowsByTable: { orders: 2, customers: 1 } } })
      })

      it('PS-7.1: anonymise masks every column by its strategy, keeps the rows, and the subject can no longer be found; others are untouched', async () => {
        const before = { customers: await ids('customers'), orders: await ids('orders') }
        const result = await run('anonymise', { subjectId: aidos.subjectId, identifiers: { phone: '+77015550001', email: 'aidos@mail.kz' } })
        expect(result.rowsByTable).toEqual({ order_items: 0, orders: 2, loyalty_cards: 1, customers: 1 })

        const key = await maskingKey(deps.keys, 'esp')
        const row = await customer(1)
        expect(row.full_name).toBe('А**** *****ов') // redact: shape and length kept, first and last two letters
        expect(row.phone).toBe('8********01')
        expect(row.email).toBe(createHmac('sha256', key).update('aidos@mail.kz').digest('hex')) // hash: keyed HMAC, not a bare SHA-256
        expect(String(row.birth_date).slice(0, 10)).toBe('1990-01-01') // date_year
        expect(row.derbes_subject_id).toBeNull() // null
        expect(row.city).toBe('Астана') // not mapped: not touched
        expect((await shop.query('select delivery_address from orders where customer_id = 1')).map((r) => r.delivery_address)).toEqual(['removed', 'removed']) // fixed
        const card = (await shop.query('select card_no, points from loyalty_cards where customer_id = 1'))[0]!
        expect(card.card_no).toBe(createHmac('sha256', key).update('ESP-0001-AIDOS').digest('hex').slice(0, 16))
        expect(Number(card.points)).toBe(120) // keep

        expect({ customers: await ids('customers'), orders: await ids('orders') }).toEqual(before)
        expect((await listAuditEntries(database.db, 'esp', { subjectId: aidos.subjectId })).entries.at(-1)).toMatchObject({ action: 'anonymise', details: { rowsByTable: result.rowsByTable } })
        expect((await run('locate', { subjectId: aidos.subjectId, identifiers: { phone: '+77015550001', email: 'aidos@mail.kz' } })).rowsByTable).toEqual({ customers: 0, orders: 0, order_items: 0, loyalty_cards: 0 })
        expect(await customer(2)).toMatchObject({ full_name: 'Дана Ахметова', email: 'dana@mail.kz', phone: '+77015550002', derbes_subject_id: 'subject-dana' })
        expect((await shop.query('select card_no from loyalty_cards where customer_id = 2'))[0]!.card_no).toBe('ESP-0002-DANA')
      })

      it("TTC-9.3: delete removes the subject's rows children first along the real foreign keys, in one transaction, and leaves every other row", async () => {
        const result = await run('delete', aidos)
        expect(result.rowsByTable).toEqual({ order_items: 3, orders: 2, loyalty_cards: 1, customers: 1 })
        expect(Object.keys(result.rowsByTable)).toEqual(['order_items', 'orders', 'loyalty_cards', 'customers'])
        expect(await ids('customers')).toEqual([2, 3])
        expect(await ids('orders')).toEqual([20, 30])
        expect(await ids('order_items')).toEqual([200, 300])
        expect(await ids('loyalty_cards')).toEqual([2000])
        expect((await listAuditEntries(database.db, 'esp', { subjectId: aidos.subjectId })).entries.at(-1)).toMatchObject({ action: 'destroy', details: { rowsByTable: result.rowsByTable } })
        // Run again (a retried task): nothing left to delete, and that is no error.
        expect((await run('delete', aidos)).rowsByTable).toEqual({ order_items: 0, orders: 0, loyalty_cards: 0, customers: 0 })
      })

      it('a foreign key the map does not declare fails the delete as a mapping problem, not retried, and everything is rolled back; test warns of it first', async () => {
        const map = shopMap()
        // order_items left out; loyalty_cards first, so its rows are deleted before orders fails.
        const tables = ['customers', 'loyalty_cards', 'orders'].map((name) => map.tables.find((t) => t.name === name)!)
        await updateSystem(deps, 'esp', { systemId, name: 'Shop', kind: server.name, connection: shop.connection, tables, relations: map.relations.filter((r) => r.child.table !== 'order_items') }, 'test')
        const report = await testSystem(deps, 'esp', systemId)
        expect(report.ok).toBe(true)
        expect(report.warnings.map((w) => w.detail).join('\n')).toMatch(/order_items\.order_id → orders\.id\) is not declared/)

        const audited = (await listAuditEntries(database.db, 'esp', { subjectId: aidos.subjectId })).entries.length
        const error = await failure(run('delete', aidos))
        expect(error.code).toBe('DERBES_SYSTEM_MAPPING_INVALID')
        expect(isRetryableSystemError(error)).toBe(false)
        expect(error.message).not.toMatch(/aidos|8701|Айдос/)
        expect(await ids('loyalty_cards')).toEqual([1000, 2000])
        expect(await ids('orders')).toEqual([10, 11, 20, 30])
        expect((await listAuditEntries(database.db, 'esp', { subjectId: aidos.subjectId })).entries).toHaveLength(audited)
      })

      it('test: reaches the system, finds every mapped table and column, warns of an identifying column without an index, and names what does not fit', async () => {
        const good = await testSystem(deps, 'esp', systemId)
        expect(good).toMatchObject({ systemId, ok: true, problems: [] })
        expect(good.warnings).toContainEqual({ pointer: '/tables/0/columns/4/name', detail: expect.stringMatching(/no index leads with 'customers\.derbes_subject_id'/) })
        expect(good.warnings.map((w) => w.pointer)).not.toContain('/tables/0/columns/1/name') // email is indexed

        const map = shopMap()
        map.tables[0]!.columns.push({ name: 'nickname', itemId: 'former-name', masking: { strategy: 'null' } })
        map.tables[0]!.columns[0]!.masking = { strategy: 'date_year' }
        map.tables.push({ name: 'ghosts', columns: [{ name: 'email', itemId: 'email', identifies: 'email', masking: { strategy: 'null' } }] })
        await updateSystem(deps, 'esp', { systemId, name: 'Shop', kind: server.name, connection: shop.connection, ...map }, 'test')
        const bad = await testSystem(deps, 'esp', systemId)
        expect(bad.ok).toBe(false)
        expect(bad.problems.map((p) => p.pointer).sort()).toEqual(['/tables/0/columns/0/masking/strategy', '/tables/0/columns/5/name', '/tables/4/name'])
        // Acting on the map as it is fails as a mapping problem, not as something to retry.
        const error = await failure(run('locate', aidos))
        expect(error.code).toBe('DERBES_SYSTEM_MAPPING_INVALID')
      })

      it('a system that does not answer is a retryable error, writes no audit entry, and test reports it', async () => {
        const down = new URL(String(shop.connection.url))
        down.port = '1'
        systemId = `${systemId}-down`
        await declare(shopMap(), { ...shop.connection, url: down.toString(), statementTimeoutMs: 1000 })
        const before = (await listAuditEntries(database.db, 'esp', { subjectId: aidos.subjectId })).entries.length
        const error = await failure(run('locate', aidos))
        expect(error.code).toBe('DERBES_SYSTEM_UNREACHABLE')
        expect(isRetryableSystemError(error)).toBe(true)
        expect((await listAuditEntries(database.db, 'esp', { subjectId: aidos.subjectId })).entries).toHaveLength(before)
        const report = await testSystem(deps, 'esp', systemId)
        expect(report).toMatchObject({ ok: false, problems: [{ pointer: '/connection', detail: expect.stringMatching(/cannot connect/) }] })
      })
    })
  })
}
