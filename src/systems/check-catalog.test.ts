import { describe, expect, it } from 'vitest'
import { checkCatalog, type Catalog } from './check-catalog.ts'
import { shopMap } from './shop-test-kit.ts'

function shopCatalog(): Catalog {
  const columns = [
    ['customers', 'id', 'integer', null], ['customers', 'full_name', 'text', null], ['customers', 'email', 'character varying', 120],
    ['customers', 'phone', 'character varying', 20], ['customers', 'birth_date', 'date', null], ['customers', 'derbes_subject_id', 'text', null],
    ['orders', 'id', 'integer', null], ['orders', 'customer_id', 'integer', null], ['orders', 'delivery_address', 'text', null],
    ['order_items', 'id', 'integer', null], ['order_items', 'order_id', 'integer', null],
    ['loyalty_cards', 'id', 'integer', null], ['loyalty_cards', 'customer_id', 'integer', null], ['loyalty_cards', 'card_no', 'varchar', 64], ['loyalty_cards', 'points', 'int', null],
  ] as const
  return {
    columns: columns.map(([table, column, type, maxLength]) => ({ table, column, type, maxLength })),
    indexed: new Set(['customers.id', 'customers.email', 'customers.phone', 'customers.derbes_subject_id', 'orders.customer_id', 'order_items.order_id', 'loyalty_cards.customer_id']),
    foreignKeys: [
      { child: { table: 'orders', column: 'customer_id' }, parent: { table: 'customers', column: 'id' }, name: 'orders_customer_id_fkey' },
      { child: { table: 'order_items', column: 'order_id' }, parent: { table: 'orders', column: 'id' }, name: 'order_items_order_id_fkey' },
      { child: { table: 'loyalty_cards', column: 'customer_id' }, parent: { table: 'customers', column: 'id' }, name: 'loyalty_cards_customer_id_fkey' },
    ],
  }
}

describe('checkCatalog', () => {
  it('passes a map that fits, with no warning when every search column is indexed and every foreign key declared', () => {
    expect(checkCatalog(shopMap(), shopCatalog())).toEqual({ ok: true, problems: [], warnings: [] })
  })

  it('names a missing table or column, and a masking the column type cannot take', () => {
    const map = shopMap()
    map.tables[0]!.columns[3]!.name = 'birthday'
    map.tables[0]!.columns[0]!.masking = { strategy: 'date_year' }
    map.tables[3]!.columns[1]!.masking = { strategy: 'redact' }
    map.tables[0]!.columns[2]!.masking = { strategy: 'hash' } // 64 hex digits into varchar(20)
    map.tables.push({ name: 'archive', columns: [] })
    const report = checkCatalog(map, shopCatalog())
    expect(report.ok).toBe(false)
    expect(report.problems.map((p) => p.pointer)).toEqual([
      '/tables/0/columns/0/masking/strategy',
      '/tables/0/columns/2/masking/length',
      '/tables/0/columns/3/name',
      '/tables/3/columns/1/masking/strategy',
      '/tables/4/name',
    ])
  })

  it('warns of unindexed search columns and undeclared foreign keys, without failing', () => {
    const catalog = shopCatalog()
    ;(catalog.indexed as Set<string>).delete('customers.phone')
    ;(catalog.indexed as Set<string>).delete('orders.customer_id')
    catalog.foreignKeys.push({ child: { table: 'invoices', column: 'customer_id' }, parent: { table: 'customers', column: 'id' }, name: 'invoices_customer_fk' })
    const report = checkCatalog(shopMap(), catalog)
    expect(report.ok).toBe(true)
    expect(report.warnings.map((w) => w.pointer)).toEqual(['/tables/0/columns/2/name', '/relations/0/child/column', '/relations'])
    expect(report.warnings[2]!.detail).toMatch(/invoices_customer_fk.*not declared/)
  })
})
