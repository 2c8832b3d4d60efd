import type { FieldProblem } from '../errors/index.ts'
import type { SystemTestReport } from './base-connector.ts'
import type { SystemMap } from './system-map.ts'

/** What a connector read of the mapped tables from the system's catalogue. */
export interface Catalog {
  columns: { table: string; column: string; type: string; maxLength: number | null }[]
  /** `table.column` of every column that leads some index. */
  indexed: ReadonlySet<string>
  /** Every foreign key (per column pair) that references a mapped table. */
  foreignKeys: { child: { table: string; column: string }; parent: { table: string; column: string }; name: string }[]
}

const TEXT = /char|text|clob/i
const DATE = /^(date|datetime|timestamp)/i

/**
 * Compares the map with what the system really has: every mapped table and
 * column must exist, and each masking must fit its column's type (`hash` and
 * `redact` write text, `date_year` needs a date). Warnings, which do not fail
 * the test: an identifying or foreign-key column that leads no index (the
 * subject's rows would be found by a full scan — the speed target
 * needs the index), and a real foreign key into a mapped table that the map
 * does not declare (deleting a subject would fail on it and roll back).
 */
export function checkCatalog(map: SystemMap, catalog: Catalog): SystemTestReport {
  const problems: FieldProblem[] = []
  const warnings: FieldProblem[] = []
  const columns = new Map(catalog.columns.map((c) => [`${c.table}.${c.column}`, c]))
  const tables = new Set(catalog.columns.map((c) => c.table))

  map.tables.forEach((table, t) => {
    if (!tables.has(table.name)) {
      problems.push({ pointer: `/tables/${t}/name`, detail: `table '${table.name}' does not exist` })
      return
    }
    table.columns.forEach((column, c) => {
      const here = `/tables/${t}/columns/${c}`
      const found = columns.get(`${table.name}.${column.name}`)
      if (!found) {
        problems.push({ pointer: `${here}/name`, detail: `column '${table.name}.${column.name}' does not exist` })
        return
      }
      const masking = column.masking
      if ((masking?.strategy === 'hash' || masking?.strategy === 'redact') && !TEXT.test(found.type)) {
        problems.push({ pointer: `${here}/masking/strategy`, detail: `'${masking.strategy}' writes text; the column is ${found.type}` })
      }
      if (masking?.strategy === 'hash' && found.maxLength !== null && found.maxLength < (masking.length ?? 64)) {
        problems.push({ pointer: `${here}/masking/length`, detail: `the hash has ${masking.length ?? 64} characters; the column holds ${found.maxLength}` })
      }
      if (masking?.strategy === 'fixed' && typeof masking.value === 'string' && found.maxLength !== null && found.maxLength < [...masking.value].length) {
        problems.push({ pointer: `${here}/masking/value`, detail: `is longer than the column's ${found.maxLength} characters` })
      }
      if (masking?.strategy === 'date_year' && !DATE.test(found.type)) {
        problems.push({ pointer: `${here}/masking/strategy`, detail: `'date_year' needs a date or timestamp column; the column is ${found.type}` })
      }
      if (column.identifies && !catalog.indexed.has(`${table.name}.${column.name}`)) {
        warnings.push({ pointer: `${here}/name`, detail: `no index leads with '${table.name}.${column.name}': finding a subject scans the whole table` })
      }
    })
  })

  const declared = new Set(map.relations.map((r) => `${r.child.table}.${r.child.column}>${r.parent.table}.${r.parent.column}`))
  map.relations.forEach((relation, r) => {
    for (const end of ['child', 'parent'] as const) {
      const { table, column } = relation[end]
      if (tables.has(table) && !columns.has(`${table}.${column}`)) problems.push({ pointer: `/relations/${r}/${end}/column`, detail: `column '${table}.${column}' does not exist` })
    }
    const child = `${relation.child.table}.${relation.child.column}`
    if (columns.has(child) && !catalog.indexed.has(child)) {
      warnings.push({ pointer: `/relations/${r}/child/column`, detail: `no index leads with '${child}': finding the subject's rows through it scans the whole table` })
    }
  })
  for (const fk of catalog.foreignKeys) {
    if (declared.has(`${fk.child.table}.${fk.child.column}>${fk.parent.table}.${fk.parent.column}`)) continue
    warnings.push({
      pointer: '/relations',
      detail: `foreign key '${fk.name}' (${fk.child.table}.${fk.child.column} → ${fk.parent.table}.${fk.parent.column}) is not declared: deleting a subject's ${fk.parent.table} rows fails while ${fk.child.table} rows reference them`,
    })
  }
  return { ok: problems.length === 0, problems, warnings }
}
