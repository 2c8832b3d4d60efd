import { describe, expect, it } from 'vitest'
import { RelationGraph } from './relation-graph.ts'
import { shopMap } from './shop-test-kit.ts'

const rel = (child: string, parent: string) => ({ child: { table: child, column: `${parent}_id` }, parent: { table: parent, column: 'id' } })
const tables = (...names: string[]) => names.map((name) => ({ name }))

describe('RelationGraph', () => {
  it('orders tables children before parents, otherwise as declared', () => {
    const { tables: mapped, relations } = shopMap()
    expect(new RelationGraph(mapped, relations).childrenFirst()).toEqual(['order_items', 'orders', 'loyalty_cards', 'customers'])
    // A diamond: a child of two parents comes before both; the grandparent last.
    const diamond = [rel('line', 'order'), rel('line', 'product'), rel('order', 'customer'), rel('product', 'customer')]
    expect(new RelationGraph(tables('customer', 'order', 'product', 'line'), diamond).childrenFirst()).toEqual(['line', 'order', 'product', 'customer'])
  })

  it('finds the relations on a cycle, self-references included, and none in a tree', () => {
    expect(RelationGraph.cycleRelations(tables('a', 'b', 'c'), [rel('a', 'b'), rel('b', 'c'), rel('c', 'a')])).toEqual([0, 1, 2])
    expect(RelationGraph.cycleRelations(tables('a', 'b'), [rel('a', 'a'), rel('b', 'a')])).toEqual([0])
    expect(RelationGraph.cycleRelations(shopMap().tables, shopMap().relations)).toEqual([])
  })

  it('tells whether a table reaches an identifying one through its parents', () => {
    const graph = new RelationGraph(tables('a', 'b', 'c', 'd'), [rel('a', 'b'), rel('b', 'c')])
    const identifying = new Set(['c'])
    expect(['a', 'b', 'c', 'd'].map((t) => graph.reachesIdentifying(t, identifying))).toEqual([true, true, true, false])
  })
})
