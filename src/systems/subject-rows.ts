import { RelationGraph } from './relation-graph.ts'
import type { SqlDialect } from './sql-dialect.ts'
import type { SubjectLocator } from './system-task.ts'
import type { LocatorKind, MappedTable, SystemMap } from './system-map.ts'

/** A piece of SQL with `?` parameters, in order. */
export interface SqlPart {
  text: string
  params: unknown[]
}

/**
 * Which rows of each mapped table are the subject's, as a WHERE condition:
 * rows whose identifying columns hold one of the subject's identifiers, or
 * that reference (through a declared relation) rows of a parent table that
 * are the subject's — recursively, so `order_items` reaches `customers`
 * through `orders`. Every test is `column IN (…)` or `column IN (SELECT key
 * …)`, so an index on each identifying and each foreign-key column serves it
 * (the speed target assumes those indexes; `test` warns of a missing one).
 */
export class SubjectRows {
  readonly #graph: RelationGraph
  readonly #tables: Map<string, MappedTable>

  constructor(
    private readonly dialect: SqlDialect,
    map: SystemMap,
    private readonly subject: SubjectLocator,
  ) {
    this.#graph = new RelationGraph(map.tables, map.relations)
    this.#tables = new Map(map.tables.map((t) => [t.name, t]))
  }

  /** Children before parents: the order rows are changed and deleted in. */
  tablesInOrder(): MappedTable[] {
    return this.#graph.childrenFirst().map((name) => this.#tables.get(name)!)
  }

  /** `<cond>`: true for the subject's rows of `table` (and `1 = 0` when nothing can match). */
  condition(table: string): SqlPart {
    const q = this.dialect
    const parts: SqlPart[] = []
    for (const column of this.#tables.get(table)!.columns) {
      if (!column.identifies) continue
      const values = identifierSpellings(column.identifies, this.subject)
      if (values.length > 0) parts.push({ text: `${q.table(table)}.${q.quote(column.name)} in (${values.map(() => '?').join(', ')})`, params: values })
    }
    for (const { child, parent } of this.#graph.parentsOf(table)) {
      const inner = this.condition(parent.table)
      if (inner.text === '1 = 0') continue
      parts.push({
        text: `${q.table(table)}.${q.quote(child.column)} in (select ${q.table(parent.table)}.${q.quote(parent.column)} from ${q.table(parent.table)} where ${inner.text})`,
        params: inner.params,
      })
    }
    if (parts.length === 0) return { text: '1 = 0', params: [] }
    return { text: parts.length === 1 ? parts[0]!.text : parts.map((p) => `(${p.text})`).join(' or '), params: parts.flatMap((p) => p.params) }
  }
}

/**
 * The spellings of an identifier an operator's table may hold it in, so one
 * `IN` list finds it however the system stored it: a Kazakhstan phone as
 * `+77011234567`, `77011234567` or `87011234567`; an e-mail as given and in
 * lower case. Derbes' own subject id for `subject_id`.
 *
 * @example
 * identifierSpellings('phone', { subjectId: 's', identifiers: { phone: '+77011234567' } })
 * // ['+77011234567', '77011234567', '87011234567']
 */
export function identifierSpellings(kind: LocatorKind, subject: SubjectLocator): string[] {
  if (kind === 'subject_id') return [subject.subjectId]
  const value = subject.identifiers[kind]?.trim()
  if (!value) return []
  if (kind === 'phone') {
    const digits = value.replace(/\D/g, '')
    const national = digits.length === 11 && /^[78]/.test(digits) ? digits.slice(1) : digits.length === 10 ? digits : undefined
    return national ? [`+7${national}`, `7${national}`, `8${national}`] : [...new Set([value, digits])]
  }
  if (kind === 'email') return [...new Set([value, value.toLowerCase()])]
  return [value]
}
