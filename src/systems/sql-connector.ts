import { DerbesError } from '../errors/index.ts'
import { BaseConnector, type ConnectorTask, type RowCounts, type SystemTestReport } from './base-connector.ts'
import { maskValue } from './masking.ts'
import { checkCatalog, type Catalog } from './check-catalog.ts'
import type { SqlDialect } from './sql-dialect.ts'
import { SubjectRows, type SqlPart } from './subject-rows.ts'
import type { ExportedRecord } from './system-task.ts'
import type { MappedTable, SystemKind, SystemMap } from './system-map.ts'

export interface SqlResult {
  rows: Record<string, unknown>[]
  /** Rows an UPDATE or DELETE matched. */
  affected: number
}

/** Runs one parameterised statement (`?` placeholders; the dialect finishes the text). */
export type RunSql = (statement: SqlPart) => Promise<SqlResult>

/**
 * What PostgreSQL and MySQL/MariaDB connectors share: the statements. A
 * subclass supplies the pool, transactions, the catalogue and how the
 * driver's errors are classified. Every value is a parameter; every name is
 * a validated map name, quoted for the dialect.
 */
export abstract class SqlConnector extends BaseConnector {
  constructor(
    kind: SystemKind,
    protected readonly dialect: SqlDialect,
  ) {
    super(kind)
  }

  /** A statement on a pooled connection, outside a transaction. */
  protected abstract run(statement: SqlPart): Promise<SqlResult>
  /** `work` on one connection inside BEGIN … COMMIT, rolled back if it throws. */
  protected abstract inTransaction<T>(work: (run: RunSql) => Promise<T>): Promise<T>
  /** The mapped tables' columns, first-column indexes and foreign keys, from the catalogue. */
  protected abstract readCatalog(tables: string[]): Promise<Catalog>
  /** The driver's error as a DerbesError whose code says whether to retry. */
  protected abstract classify(error: unknown, systemId: string): DerbesError

  override async locate(task: ConnectorTask): Promise<RowCounts> {
    return this.#guard(task.systemId, async () => {
      const rows = new SubjectRows(this.dialect, task.map, task.subject)
      const counts: RowCounts = {}
      for (const table of task.map.tables) {
        const where = rows.condition(table.name)
        const { rows: result } = await this.run({ text: `select count(*) as n from ${this.dialect.table(table.name)} where ${where.text}`, params: where.params })
        counts[table.name] = Number(result[0]?.n ?? 0)
      }
      return counts
    })
  }

  override async export(task: ConnectorTask): Promise<{ rowsByTable: RowCounts; records: ExportedRecord[] }> {
    return this.#guard(task.systemId, async () => {
      const rows = new SubjectRows(this.dialect, task.map, task.subject)
      const rowsByTable: RowCounts = {}
      const records: ExportedRecord[] = []
      for (const table of task.map.tables) {
        const columns = table.columns.filter((c) => c.itemId !== undefined)
        if (columns.length === 0) continue
        const where = rows.condition(table.name)
        const list = columns.map((c) => this.dialect.quote(c.name)).join(', ')
        const { rows: found } = await this.run({ text: `select ${list} from ${this.dialect.table(table.name)} where ${where.text}`, params: where.params })
        rowsByTable[table.name] = found.length
        for (const row of found) records.push({ table: table.name, values: columns.map((c) => ({ itemId: c.itemId!, column: c.name, value: row[c.name] ?? null })) })
      }
      return { rowsByTable, records }
    })
  }

  override async rectify(task: ConnectorTask): Promise<RowCounts> {
    return this.#guard(task.systemId, () =>
      this.inTransaction(async (run) => {
        const rows = new SubjectRows(this.dialect, task.map, task.subject)
        const counts: RowCounts = {}
        // Children first: a child's rows are found through its parent's identifiers, which this may change.
        for (const table of rows.tablesInOrder()) {
          const sets = table.columns.flatMap((c) => task.changes.filter((ch) => ch.itemId === c.itemId).map((ch) => ({ column: c.name, value: ch.value })))
          if (sets.length === 0) continue
          const where = rows.condition(table.name)
          const assignments = sets.map((s) => `${this.dialect.quote(s.column)} = ?`).join(', ')
          const result = await run({ text: `update ${this.dialect.table(table.name)} set ${assignments} where ${where.text}`, params: [...sets.map((s) => s.value), ...where.params] })
          counts[table.name] = result.affected
        }
        return counts
      }),
    )
  }

  override async anonymise(task: ConnectorTask): Promise<RowCounts> {
    return this.#guard(task.systemId, () =>
      this.inTransaction(async (run) => {
        const rows = new SubjectRows(this.dialect, task.map, task.subject)
        const counts: RowCounts = {}
        // Children first, as for deletes: once a parent's identifiers are masked its children cannot be found.
        for (const table of rows.tablesInOrder()) {
          const where = rows.condition(table.name)
          const assignments = await this.#maskings(table, where, run, task.maskingKey)
          if (assignments.text === '') {
            counts[table.name] = 0
            continue
          }
          const result = await run({ text: `update ${this.dialect.table(table.name)} set ${assignments.text} where ${where.text}`, params: [...assignments.params, ...where.params] })
          counts[table.name] = result.affected
        }
        return counts
      }),
    )
  }

  /**
   * The SET list that masks one table's columns. `hash` and `redact` are
   * computed here (the databases have no keyed HMAC in common), so the
   * subject's distinct values are read first and each is replaced through a
   * `CASE`; every SET expression reads only its own column, so MySQL's
   * left-to-right assignment gives the same result as PostgreSQL's.
   */
  async #maskings(table: MappedTable, where: SqlPart, run: RunSql, key: Buffer): Promise<SqlPart> {
    const q = this.dialect
    const computed = table.columns.filter((c) => c.masking?.strategy === 'hash' || c.masking?.strategy === 'redact')
    const current = computed.length === 0 ? [] : (await run({ text: `select ${computed.map((c) => q.quote(c.name)).join(', ')} from ${q.table(table.name)} where ${where.text}`, params: where.params })).rows
    const parts: SqlPart[] = []
    for (const column of table.columns) {
      const masking = column.masking
      const name = q.quote(column.name)
      if (!masking || masking.strategy === 'keep') continue
      if (masking.strategy === 'null') parts.push({ text: `${name} = null`, params: [] })
      else if (masking.strategy === 'fixed') parts.push({ text: `${name} = ?`, params: [masking.value] })
      else if (masking.strategy === 'date_year') parts.push({ text: `${name} = ${q.startOfYear(name)}`, params: [] })
      else {
        const originals = [...new Set(current.map((row) => row[column.name]).filter((v) => v !== null && v !== undefined))]
        if (originals.length === 0) continue
        const cases = originals.map(() => 'when ? then ?').join(' ')
        parts.push({ text: `${name} = case ${name} ${cases} else ${name} end`, params: originals.flatMap((v) => [v, maskValue(masking, v, key)]) })
      }
    }
    return { text: parts.map((p) => p.text).join(', '), params: parts.flatMap((p) => p.params) }
  }

  override async delete(task: ConnectorTask): Promise<RowCounts> {
    return this.#guard(task.systemId, () =>
      this.inTransaction(async (run) => {
        const rows = new SubjectRows(this.dialect, task.map, task.subject)
        const counts: RowCounts = {}
        // Children before parents, along the declared relations: the foreign keys are real, a parent first would fail.
        for (const table of rows.tablesInOrder()) {
          const where = rows.condition(table.name)
          counts[table.name] = (await run({ text: `delete from ${this.dialect.table(table.name)} where ${where.text}`, params: where.params })).affected
        }
        return counts
      }),
    )
  }

  override async test(map: SystemMap): Promise<SystemTestReport> {
    try {
      await this.run({ text: 'select 1 as ok', params: [] })
    } catch (error) {
      return { ok: false, problems: [{ pointer: '/connection', detail: this.classify(error, 'test').message }], warnings: [] }
    }
    try {
      return checkCatalog(map, await this.readCatalog(map.tables.map((t) => t.name)))
    } catch (error) {
      return { ok: false, problems: [{ pointer: '/connection', detail: `the catalogue could not be read: ${this.classify(error, 'test').message}` }], warnings: [] }
    }
  }

  async #guard<T>(systemId: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work()
    } catch (error) {
      throw error instanceof DerbesError ? error : this.classify(error, systemId)
    }
  }
}
