import type { MappedTable, Relation } from './system-map.ts'

/**
 * The foreign keys between a system's mapped tables, as a graph from child
 * to parent. Deletes and updates run children first (a parent row cannot go
 * while a child still references it), and a child table's rows are the
 * subject's when they reference the subject's parent rows.
 */
export class RelationGraph {
  readonly #tables: readonly string[]
  readonly #parents = new Map<string, Relation[]>()

  constructor(tables: readonly Pick<MappedTable, 'name'>[], relations: readonly Relation[]) {
    this.#tables = tables.map((t) => t.name)
    for (const name of this.#tables) this.#parents.set(name, [])
    for (const relation of relations) this.#parents.get(relation.child.table)?.push(relation)
  }

  /** The relations in which `table` is the child: the ways its rows reach a parent's. */
  parentsOf(table: string): readonly Relation[] {
    return this.#parents.get(table) ?? []
  }

  /**
   * The indexes (into `relations`) of the relations on some cycle, empty when
   * there is none. A cycle leaves no order in which rows can be deleted, nor
   * a finite path to the subject, so a map with one is refused.
   */
  static cycleRelations(tables: readonly Pick<MappedTable, 'name'>[], relations: readonly Relation[]): number[] {
    const graph = new RelationGraph(tables, relations)
    // A relation is on a cycle when its parent table can reach its child table again.
    return relations.flatMap((relation, index) => (graph.#reaches(relation.parent.table, relation.child.table) ? [index] : []))
  }

  #reaches(from: string, to: string): boolean {
    const seen = new Set<string>()
    const stack = [from]
    while (stack.length > 0) {
      const table = stack.pop()!
      if (table === to) return true
      if (seen.has(table)) continue
      seen.add(table)
      for (const relation of this.parentsOf(table)) stack.push(relation.parent.table)
    }
    return false
  }

  /**
   * Every table, children before their parents, otherwise in declared order.
   * Only for a graph without cycles (validation refuses others).
   *
   * @example
   * // orders → customers, order_items → orders
   * graph.childrenFirst() // ['order_items', 'orders', 'customers']
   */
  childrenFirst(): string[] {
    const order: string[] = []
    const placed = new Set<string>()
    const childCount = new Map(this.#tables.map((t) => [t, 0]))
    for (const table of this.#tables) for (const r of this.parentsOf(table)) childCount.set(r.parent.table, (childCount.get(r.parent.table) ?? 0) + 1)
    // Kahn's algorithm on child → parent edges: a table is ready once every child of it is placed.
    while (order.length < this.#tables.length) {
      const ready = this.#tables.find((t) => !placed.has(t) && childCount.get(t) === 0)
      if (ready === undefined) throw new Error('the relations form a cycle')
      order.push(ready)
      placed.add(ready)
      for (const r of this.parentsOf(ready)) childCount.set(r.parent.table, childCount.get(r.parent.table)! - 1)
    }
    return order
  }

  /** Whether `table` identifies the subject itself or reaches, through parents, a table that does. */
  reachesIdentifying(table: string, identifying: ReadonlySet<string>, seen = new Set<string>()): boolean {
    if (identifying.has(table)) return true
    if (seen.has(table)) return false
    seen.add(table)
    return this.parentsOf(table).some((r) => this.reachesIdentifying(r.parent.table, identifying, seen))
  }
}
