import pg from 'pg'
import { DerbesError } from '../errors/index.ts'
import type { Catalog } from './check-catalog.ts'
import { SqlConnector, type RunSql, type SqlResult } from './sql-connector.ts'
import { postgresDialect } from './sql-dialect.ts'
import type { SqlPart } from './subject-rows.ts'
import type { StoredConnection } from './connection-settings.ts'

export const DEFAULT_STATEMENT_TIMEOUT_MS = 5000
export const DEFAULT_POOL_SIZE = 4

/** date, timestamp, timestamptz: exported as the server writes them, not shifted into this process's time zone. */
const RAW_TEXT_TYPES = new Set([1082, 1114, 1184])
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    RAW_TEXT_TYPES.has(oid) ? (value: string) => value : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
}

/** SQLSTATE classes and codes where the same statement may well succeed later. */
const TRANSIENT = /^(08|53|57P0[1-3]|40001|40P01|55P03|57014)/
/** The system does not look as the map says: the map (or the system) must change first. */
const MAPPING: Record<string, string> = {
  '42P01': 'a mapped table does not exist',
  '42703': 'a mapped column does not exist',
  '3F000': 'the schema does not exist',
  '23503': 'a row still references a row being deleted or changed',
}
const NETWORK = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE'])

/**
 * A PostgreSQL system, through a `pg` pool of its own (created on first use,
 * ended by `close`). Every statement is cancelled by the server after
 * `statementTimeoutMs` (and waits no longer for a lock), and every value is a
 * bound parameter.
 */
export class PostgresConnector extends SqlConnector {
  #pool: pg.Pool | undefined

  constructor(
    private readonly url: string,
    private readonly settings: StoredConnection,
  ) {
    super('postgres', postgresDialect(settings.schema ?? 'public'))
  }

  #poolOf(): pg.Pool {
    if (this.#pool) return this.#pool
    const timeout = this.settings.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS
    this.#pool = new pg.Pool({
      connectionString: this.url,
      max: this.settings.poolSize ?? DEFAULT_POOL_SIZE,
      idleTimeoutMillis: 30_000,
      connectionTimeoutMillis: timeout,
      statement_timeout: timeout,
      lock_timeout: timeout,
      // A client-side bound as well, for a server that stops answering altogether.
      query_timeout: timeout + 1000,
      application_name: 'derbes',
      types,
    })
    // An idle connection the server drops emits 'error' on the pool; the next checkout simply opens a new one.
    this.#pool.on('error', () => undefined)
    return this.#pool
  }

  protected override async run(statement: SqlPart): Promise<SqlResult> {
    const result = await this.#poolOf().query(this.dialect.finish(statement.text), statement.params)
    return { rows: result.rows as Record<string, unknown>[], affected: result.rowCount ?? 0 }
  }

  protected override async inTransaction<T>(work: (run: RunSql) => Promise<T>): Promise<T> {
    const client = await this.#poolOf().connect()
    let broken = false
    try {
      await client.query('begin')
      const result = await work(async (statement) => {
        const r = await client.query(this.dialect.finish(statement.text), statement.params)
        return { rows: r.rows as Record<string, unknown>[], affected: r.rowCount ?? 0 }
      })
      await client.query('commit')
      return result
    } catch (error) {
      await client.query('rollback').catch(() => {
        broken = true
      })
      throw error
    } finally {
      client.release(broken)
    }
  }

  protected override async readCatalog(tables: string[]): Promise<Catalog> {
    const schema = this.settings.schema ?? 'public'
    const columns = await this.run({
      text: `select table_name, column_name, data_type, character_maximum_length from information_schema.columns where table_schema = ? and table_name = any(?)`,
      params: [schema, tables],
    })
    const indexed = await this.run({
      text: `select t.relname as table_name, a.attname as column_name
        from pg_index i join pg_class t on t.oid = i.indrelid join pg_namespace n on n.oid = t.relnamespace
        join pg_attribute a on a.attrelid = t.oid and a.attnum = i.indkey[0]
        where n.nspname = ? and t.relname = any(?)`,
      params: [schema, tables],
    })
    const keys = await this.run({
      text: `select cl.relname as child_table, ca.attname as child_column, pl.relname as parent_table, pa.attname as parent_column, c.conname as name
        from pg_constraint c
        join pg_class cl on cl.oid = c.conrelid join pg_class pl on pl.oid = c.confrelid join pg_namespace pn on pn.oid = pl.relnamespace
        cross join lateral unnest(c.conkey, c.confkey) as k(child_att, parent_att)
        join pg_attribute ca on ca.attrelid = c.conrelid and ca.attnum = k.child_att
        join pg_attribute pa on pa.attrelid = c.confrelid and pa.attnum = k.parent_att
        where c.contype = 'f' and pn.nspname = ? and pl.relname = any(?)`,
      params: [schema, tables],
    })
    return {
      columns: columns.rows.map((r) => ({ table: String(r.table_name), column: String(r.column_name), type: String(r.data_type), maxLength: r.character_maximum_length === null ? null : Number(r.character_maximum_length) })),
      indexed: new Set(indexed.rows.map((r) => `${String(r.table_name)}.${String(r.column_name)}`)),
      foreignKeys: keys.rows.map((r) => ({ child: { table: String(r.child_table), column: String(r.child_column) }, parent: { table: String(r.parent_table), column: String(r.parent_column) }, name: String(r.name) })),
    }
  }

  /**
   * Only names (tables, constraints, codes) go into the message, never the
   * driver's text in general: PostgreSQL quotes values in some errors
   * ("Key (email)=(…)"), and the message ends up in the request's task log.
   */
  protected override classify(error: unknown, systemId: string): DerbesError {
    const e = error as { code?: string; message?: string; table?: string; constraint?: string }
    const code = e.code ?? ''
    const where = `system '${systemId}' (postgres)`
    if (NETWORK.has(code) || /timeout exceeded|Connection terminated|Query read timeout/i.test(e.message ?? '')) {
      return new DerbesError('DERBES_SYSTEM_UNREACHABLE', `${where}: cannot connect or no answer in time (${code || 'timeout'})`)
    }
    if (TRANSIENT.test(code)) return new DerbesError('DERBES_SYSTEM_UNREACHABLE', `${where}: a transient failure, SQLSTATE ${code}`)
    if (code in MAPPING) {
      const names = [e.table && `table ${e.table}`, e.constraint && `constraint ${e.constraint}`].filter(Boolean).join(', ')
      const said = code === '23503' ? '' : ` — ${e.message ?? ''}`
      return new DerbesError('DERBES_SYSTEM_MAPPING_INVALID', `${where}: ${MAPPING[code]}${names ? ` (${names})` : ''}${said}; SQLSTATE ${code}. Nothing was changed there: fix the map (declare the relation) or the system`)
    }
    if (/^28/.test(code)) return new DerbesError('DERBES_SYSTEM_REJECTED', `${where}: the credentials were refused, SQLSTATE ${code}`)
    return new DerbesError('DERBES_SYSTEM_REJECTED', `${where}: the statement was refused, SQLSTATE ${code || 'none'}`)
  }

  override async close(): Promise<void> {
    const pool = this.#pool
    this.#pool = undefined
    await pool?.end()
  }
}
