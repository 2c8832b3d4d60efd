import { describe, expect, it } from 'vitest'
import { shopMap } from './shop-test-kit.ts'
import type { SystemMap } from './system-map.ts'
import { validateMap } from './validate-map.ts'

const ITEMS = new Set(['full-name', 'email', 'phone', 'birth-date', 'residence-address', 'loyalty-card', 'loyalty-accruals'])
const pointers = (map: SystemMap, kind: 'postgres' | 'mysql' | 'http' | 'manual' = 'postgres') => validateMap(kind, map, ITEMS).map((p) => p.pointer)

describe('validateMap', () => {
  it('accepts the shop map: every table finds the subject, every column masked, no cycle', () => {
    expect(validateMap('postgres', shopMap(), ITEMS)).toEqual([])
    expect(validateMap('mysql', shopMap(), ITEMS)).toEqual([])
  })

  it('refuses an item the published policy does not list (the notice would not tell the subject), naming the field', () => {
    const map = shopMap()
    map.tables[1]!.columns[0]!.itemId = 'shoe-size'
    expect(validateMap('postgres', map, ITEMS)).toEqual([{ pointer: '/body/tables/1/columns/0/itemId', detail: "'shoe-size' is not a data item of the published policy" }])
  })

  it('refuses an unknown identifier kind, listing the known ones', () => {
    const map = shopMap()
    map.tables[0]!.columns[1]!.identifies = 'passport' as never
    const [problem] = validateMap('postgres', map, ITEMS)
    expect(problem).toEqual({ pointer: '/body/tables/0/columns/1/identifies', detail: "'passport' is not an identifier kind (iin, phone, email, id_document, subject_id)" })
  })

  it('refuses a cycle in the relations: no order would delete children before parents', () => {
    const map = shopMap()
    map.relations.push({ child: { table: 'customers', column: 'last_order_id' }, parent: { table: 'order_items', column: 'id' } })
    const problems = validateMap('postgres', map, ITEMS)
    // customers → order_items → orders → customers: the three relations on the cycle, each named.
    expect(problems.map((p) => p.pointer)).toEqual(['/body/relations/0', '/body/relations/1', '/body/relations/3'])
    expect(problems[2]!.detail).toMatch(/customers\.last_order_id → order_items\.id is on a cycle/)
  })

  it('refuses a table with no identifying path: no identifying column and no relation to a table with one', () => {
    const map = shopMap()
    map.relations = map.relations.filter((r) => r.child.table !== 'loyalty_cards')
    expect(validateMap('postgres', map, ITEMS)).toEqual([
      { pointer: '/body/tables/3', detail: "'loyalty_cards' has no identifying path: give it a column that `identifies` the subject, or a relation to a table that has one" },
    ])
  })

  it('PS-7.1: needs a masking for every mapped column of a database system, and never keeps an identifier', () => {
    const map = shopMap()
    delete map.tables[0]!.columns[0]!.masking
    map.tables[0]!.columns[1]!.masking = { strategy: 'keep' }
    map.tables[3]!.columns[0]!.masking = { strategy: 'hash', length: 4 }
    map.tables[3]!.columns[1]!.masking = { strategy: 'scramble' } as never
    expect(pointers(map)).toEqual([
      '/body/tables/0/columns/0/masking',
      '/body/tables/0/columns/1/masking/strategy',
      '/body/tables/3/columns/0/masking/length',
      '/body/tables/3/columns/1/masking/strategy',
    ])
  })

  it('checks the options of each strategy', () => {
    const map = shopMap()
    map.tables[0]!.columns[0]!.masking = { strategy: 'redact', keepStart: 9 }
    map.tables[1]!.columns[0]!.masking = { strategy: 'fixed' } as never
    map.tables[3]!.columns[1]!.masking = { strategy: 'keep', value: 'x' } as never
    expect(pointers(map)).toEqual(['/body/tables/0/columns/0/masking/keepStart', '/body/tables/1/columns/0/masking/value', '/body/tables/3/columns/1/masking/value'])
  })

  it('refuses names that are not plain SQL names, duplicates, relations to unmapped tables, and a key column that would be masked', () => {
    const map = shopMap()
    map.tables[0]!.columns[0]!.name = 'full_name"; drop table x; --'
    map.tables[1]!.columns.push({ name: 'delivery_address', itemId: 'residence-address', masking: { strategy: 'null' } })
    map.tables[3]!.columns.push({ name: 'customer_id', itemId: 'loyalty-card', masking: { strategy: 'null' } })
    map.relations.push({ child: { table: 'orders', column: 'shop_id' }, parent: { table: 'shops', column: 'id' } })
    expect(pointers(map)).toEqual([
      '/body/tables/0/columns/0/name',
      '/body/tables/1/columns/1/name',
      '/body/relations/3/parent/table',
    ])
    map.relations.pop()
    expect(pointers(map)).toContain('/body/tables/3/columns/2/masking/strategy')
  })

  it('lets http and manual systems declare what they hold without masking or relations, and refuses those', () => {
    const http: SystemMap = { tables: [{ name: 'clients', columns: [{ name: 'phone', itemId: 'phone', identifies: 'phone' }] }], relations: [] }
    expect(pointers(http, 'http')).toEqual([])
    expect(pointers({ tables: [{ name: 'Папка 1', columns: [{ name: 'анкета', itemId: 'full-name' }] }], relations: [] }, 'manual')).toEqual([])
    expect(pointers(shopMap(), 'http')).toContain('/body/relations')
    expect(pointers(shopMap(), 'manual')).toContain('/body/tables/0/columns/0/masking')
    expect(pointers({ tables: [], relations: [] }, 'manual')).toEqual(['/body/tables'])
  })
})
