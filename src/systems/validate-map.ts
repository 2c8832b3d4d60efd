import type { FieldProblem } from '../errors/index.ts'
import { RelationGraph } from './relation-graph.ts'
import { isSqlName } from './sql-name.ts'
import { LOCATOR_KINDS, MASKING_STRATEGIES, type MappedColumn, type Masking, type SystemKind, type SystemMap } from './system-map.ts'

const LOCATORS: ReadonlySet<string> = new Set(LOCATOR_KINDS)
const STRATEGIES: ReadonlySet<string> = new Set(MASKING_STRATEGIES)
const isDatabase = (kind: SystemKind) => kind === 'postgres' || kind === 'mysql'

/**
 * Every problem of a data map, each at its JSON pointer in the request body;
 * empty when the map is sound. `policyItems` are the item ids of the
 * operator's published policy: a column may only hold an item the policy
 * lists, or the notice and the list (Тізбе) would not tell the subject about it.
 *
 * On a database system it also proves the map can be acted on: every table
 * finds the subject (an identifying column, or a foreign-key path to a table
 * with one), the relations have no cycle (deletes need a children-first
 * order), and every column that holds an item or an identifier says how it
 * is masked, an identifier never kept as it is.
 */
export function validateMap(kind: SystemKind, map: SystemMap, policyItems: ReadonlySet<string>): FieldProblem[] {
  const problems: FieldProblem[] = []
  const at = (pointer: string, detail: string) => problems.push({ pointer: `/body${pointer}`, detail })
  const database = isDatabase(kind)
  if (map.tables.length === 0) at('/tables', 'must list at least one table: the items the system holds')

  const tableIndex = new Map<string, number>()
  map.tables.forEach((table, t) => {
    if (tableIndex.has(table.name)) at(`/tables/${t}/name`, `'${table.name}' is mapped twice`)
    else tableIndex.set(table.name, t)
    if (database && !isSqlName(table.name)) at(`/tables/${t}/name`, 'is not a plain SQL name (letters, digits, _, $; at most 63)')
    const seen = new Set<string>()
    table.columns.forEach((column, c) => {
      const here = `/tables/${t}/columns/${c}`
      if (seen.has(column.name)) at(`${here}/name`, `'${column.name}' is mapped twice in '${table.name}'`)
      seen.add(column.name)
      if (database && !isSqlName(column.name)) at(`${here}/name`, 'is not a plain SQL name (letters, digits, _, $; at most 63)')
      checkColumn(kind, column, policyItems, (field, detail) => at(`${here}${field}`, detail))
    })
  })

  if (!database && map.relations.length > 0) at('/relations', `a ${kind} system finds and deletes rows itself: relations are for database systems`)
  const known = map.relations.filter((relation, r) => {
    let ok = true
    for (const end of ['child', 'parent'] as const) {
      const { table, column } = relation[end]
      if (!tableIndex.has(table)) {
        at(`/relations/${r}/${end}/table`, `'${table}' is not a mapped table`)
        ok = false
      }
      if (database && !isSqlName(column)) {
        at(`/relations/${r}/${end}/column`, 'is not a plain SQL name')
        ok = false
      }
    }
    return ok
  })
  if (!database || known.length < map.relations.length) return problems

  for (const r of RelationGraph.cycleRelations(map.tables, map.relations)) {
    const { child, parent } = map.relations[r]!
    at(`/relations/${r}`, `${child.table}.${child.column} → ${parent.table}.${parent.column} is on a cycle: no order would delete children before parents`)
  }
  checkRelationColumnsKept(map, (pointer, detail) => at(pointer, detail))
  const graph = new RelationGraph(map.tables, map.relations)
  const identifying = new Set(map.tables.filter((t) => t.columns.some((c) => c.identifies !== undefined)).map((t) => t.name))
  map.tables.forEach((table, t) => {
    if (!graph.reachesIdentifying(table.name, identifying)) {
      at(`/tables/${t}`, `'${table.name}' has no identifying path: give it a column that \`identifies\` the subject, or a relation to a table that has one`)
    }
  })
  return problems
}

function checkColumn(kind: SystemKind, column: MappedColumn, policyItems: ReadonlySet<string>, at: (field: string, detail: string) => void): void {
  if (column.itemId !== undefined && !policyItems.has(column.itemId)) at('/itemId', `'${column.itemId}' is not a data item of the published policy`)
  if (column.identifies !== undefined && !LOCATORS.has(column.identifies)) {
    at('/identifies', `'${column.identifies}' is not an identifier kind (${LOCATOR_KINDS.join(', ')})`)
  }
  if (column.itemId === undefined && column.identifies === undefined) at('', 'holds neither an item nor an identifier: leave it out of the map')
  if (!isDatabase(kind)) {
    if (column.masking) at('/masking', `a ${kind} system anonymises its own data: masking is for database systems`)
    return
  }
  if (!column.masking) {
    at('/masking', 'is required: how the column is anonymised (null, fixed, hash, redact, date_year, keep)')
    return
  }
  checkMasking(column.masking, (field, detail) => at(`/masking${field}`, detail))
  // art. 1(9): depersonalised data must no longer point to the subject; a kept identifier would.
  if (column.identifies !== undefined && column.masking.strategy === 'keep') at('/masking/strategy', "an identifying column cannot be kept as it is: anonymising must cut the link to the subject")
}

function checkMasking(masking: Masking, at: (field: string, detail: string) => void): void {
  if (!STRATEGIES.has(masking.strategy)) {
    at('/strategy', `'${masking.strategy as string}' is not a masking strategy (${MASKING_STRATEGIES.join(', ')})`)
    return
  }
  const extra = (allowed: string[]) => {
    for (const field of Object.keys(masking)) if (field !== 'strategy' && !allowed.includes(field)) at(`/${field}`, `is not an option of '${masking.strategy}'`)
  }
  if (masking.strategy === 'fixed') {
    if (masking.value === undefined) at('/value', "is required: the value every row gets")
    extra(['value'])
  } else if (masking.strategy === 'hash') {
    if (masking.length !== undefined && (masking.length < 8 || masking.length > 64)) at('/length', 'must be between 8 and 64 hex digits')
    extra(['length'])
  } else if (masking.strategy === 'redact') {
    for (const field of ['keepStart', 'keepEnd'] as const) {
      const n = masking[field]
      if (n !== undefined && (!Number.isInteger(n) || n < 0 || n > 4)) at(`/${field}`, 'must be a whole number from 0 to 4')
    }
    extra(['keepStart', 'keepEnd'])
  } else {
    extra([])
  }
}

/** A foreign-key column must stay as it is when rows are anonymised, or the rows would lose (or break) their relation. */
function checkRelationColumnsKept(map: SystemMap, at: (pointer: string, detail: string) => void): void {
  const keys = new Set(map.relations.flatMap((r) => [`${r.child.table}.${r.child.column}`, `${r.parent.table}.${r.parent.column}`]))
  map.tables.forEach((table, t) =>
    table.columns.forEach((column, c) => {
      if (keys.has(`${table.name}.${column.name}`) && column.masking && column.masking.strategy !== 'keep') {
        at(`/tables/${t}/columns/${c}/masking/strategy`, 'the column is a key of a relation: it can only be kept')
      }
    }),
  )
}
