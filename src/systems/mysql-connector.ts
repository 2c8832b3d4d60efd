import mysql from 'mysql2/promise'
import { DerbesError } from '../errors/index.ts'
import type { Catalog } from './check-catalog.ts'
import type { StoredConnection } from './connection-settings.ts'
import { DEFAULT_POOL_SIZE, DEFAULT_STATEMENT_TIMEOUT_MS } from './postgres-connector.ts'
import { SqlConnector, type RunSql, type SqlResult } from './sql-connector.ts'
import { mysqlDialect } from './sql-dialect.ts'
import type { SqlPart } from './subject-rows.ts'

/** Driver and server codes where the same statement may well succeed later. */
const TRANSIENT = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE',
  'PROTOCOL_CONNECTION_LOST', 'PROTOCOL_SEQUENCE_TIMEOUT', 'ER_CON_COUNT_ERROR', 'ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT',
  'ER_STATEMENT_TIMEOUT', 'ER_QUERY_TIMEOUT', 'ER_QUERY_INTERRUPTED', 'ER_SERVER_SHUTDOWN', 'ER_TOO_MANY_USER_CONNECTIONS',
])
/** The system does not look as the map says. */
const MAPPING: Record<string, string> = {
  ER_NO_SUCH_TABLE: 'a mapped table does not exist',
  ER_BAD_FIELD_ERROR: 'a mapped column does not exist',
  ER_ROW_IS_REFERENCED: 'a row still references a row being deleted or changed',
  ER_ROW_IS_REFERENCED_2: 'a row still references a row being deleted or changed',
}
const CREDENTIALS = new Set(['ER_ACCESS_DENIED_ERROR', 'ER_DBACCESS_DENIED_ERROR', 'ER_TABLEACCESS_DENIED_ERROR', 'ER_COLUMNACCESS_DENIED_ERROR', 'ER_BAD_DB_ERROR'])

/**
 * A MySQL or MariaDB system through a `mysql2` pool of its own. Statements
 * are server-side prepared (`execute`), so values travel apart from the SQL;
 * dates come back as the server writes them; each statement is bounded by
 * the client (`timeout`, which drops the connection) and, on MariaDB, by the
 * server too (`max_statement_time`).
 */
export class MysqlConnector extends SqlConnector {
  #pool: mysql.Pool | undefined

  constructor(
    private readonly url: string,
    private readonly settings: StoredConnection,
  ) {
    super('mysql', mysqlDialect())
  }

  get #timeout(): number {
    return this.settings.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS
  }

  #poolOf(): mysql.Pool {
    if (this.#pool) return this.#pool
    this.#pool = mysql.createPool({
      uri: this.url,
      connectionLimit: this.settings.poolSize ?? DEFAULT_POOL_SIZE,
      connectTimeout: this.#timeout,
      dateStrings: true,
      supportBigNumbers: true,
      bigNumberStrings: true,
      multipleStatements: false,
      enableKeepAlive: true,
    })
    const seconds = Math.max(1, Math.ceil(this.#timeout / 1000))
    // MariaDB's server-side bound; MySQL has no such variable and answers with an error, which is ignored.
    this.#pool.on('connection', (connection) => {
      const core = connection as unknown as { query(sql: string, callback: () => void): void }
      core.query(`set session max_statement_time = ${seconds}`, () => undefined)
      core.query(`set session innodb_lock_wait_timeout = ${seconds}`, () => undefined)
    })
    return this.#pool
  }

  async #execute(on: mysql.Pool | mysql.PoolConnection, statement: SqlPart): Promise<SqlResult> {
    const [result] = await on.execute({ sql: statement.text, timeout: this.#timeout }, statement.params as never)
    if (Array.isArray(result)) return { rows: result as Record<string, unknown>[], affected: 0 }
    return { rows: [], affected: (result as mysql.ResultSetHeader).affectedRows }
  }

  protected override run(statement: SqlPart): Promise<SqlResult> {
    return this.#execute(this.#poolOf(), statement)
  }

  protected override async inTransaction<T>(work: (run: RunSql) => Promise<T>): Promise<T> {
    const connection = await this.#poolOf().getConnection()
    let broken = false
    try {
      await connection.beginTransaction()
      const result = await work((statement) => this.#execute(connection, statement))
      await connection.commit()
      return result
    } catch (error) {
      await connection.rollback().catch(() => {
        broken = true
      })
      throw error
    } finally {
      if (broken) connection.destroy()
      else connection.release()
    }
  }

  protected override async readCatalog(tables: string[]): Promise<Catalog> {
    const list = tables.map(() => '?').join(', ')
    const columns = await this.run({
      text: `select table_name as table_name, column_name as column_name, data_type as data_type, character_maximum_length as max_length
        from information_schema.columns where table_schema = database() and table_name in (${list})`,
      params: tables,
    })
    const indexed = await this.run({
      text: `select table_name as table_name, column_name as column_name from information_schema.statistics
        where table_schema = database() and seq_in_index = 1 and table_name in (${list})`,
      params: tables,
    })
    const keys = await this.run({
      text: `select table_name as child_table, column_name as child_column, referenced_table_name as parent_table, referenced_column_name as parent_column, constraint_name as name
        from information_schema.key_column_usage where table_schema = database() and referenced_table_name in (${list})`,
      params: tables,
    })
    return {
      columns: columns.rows.map((r) => ({ table: String(r.table_name), column: String(r.column_name), type: String(r.data_type), maxLength: r.max_length === null ? null : Number(r.max_length) })),
      indexed: new Set(indexed.rows.map((r) => `${String(r.table_name)}.${String(r.column_name)}`)),
      foreignKeys: keys.rows.map((r) => ({ child: { table: String(r.child_table), column: String(r.child_column) }, parent: { table: String(r.parent_table), column: String(r.parent_column) }, name: String(r.name) })),
    }
  }

  /** Codes and the messages of a few errors that name only tables and columns; other messages may quote values ("Duplicate entry '…'"). */
  protected override classify(error: unknown, systemId: string): DerbesError {
    const e = error as { code?: string; message?: string }
    const code = e.code ?? ''
    const where = `system '${systemId}' (mysql)`
    if (TRANSIENT.has(code) || /timeout|timed out/i.test(e.message ?? '')) return new DerbesError('DERBES_SYSTEM_UNREACHABLE', `${where}: cannot connect, no answer in time or a transient failure (${code || 'timeout'})`)
    if (code in MAPPING) return new DerbesError('DERBES_SYSTEM_MAPPING_INVALID', `${where}: ${MAPPING[code]} — ${e.message ?? ''} (${code}). Nothing was changed there: fix the map (declare the relation) or the system`)
    if (CREDENTIALS.has(code)) return new DerbesError('DERBES_SYSTEM_REJECTED', `${where}: the credentials or the database were refused (${code})`)
    return new DerbesError('DERBES_SYSTEM_REJECTED', `${where}: the statement was refused (${code || 'no code'})`)
  }

  override async close(): Promise<void> {
    const pool = this.#pool
    this.#pool = undefined
    await pool?.end()
  }
}
