import mysqlCore from 'mysql2'
import type mysql from 'mysql2/promise'
import { samplePercent, type CatalogTable, type DatabaseSource } from './database-source.ts'

const quote = (name: string) => `\`${name.replaceAll('`', '``')}\``

/**
 * Reads a MySQL or MariaDB database for discovery: the tables of the URL's
 * database, values cast to text by the server, in READ ONLY transactions.
 * A sample draws rows with `rand()` so it is spread over the table.
 */
export class MysqlSource implements DatabaseSource {
  readonly kind = 'mysql'
  readonly #core: mysqlCore.Pool
  readonly #pool: mysql.Pool

  constructor(url: string) {
    this.#core = mysqlCore.createPool({ uri: url, connectionLimit: 2, rowsAsArray: true, dateStrings: true, supportBigNumbers: true, bigNumberStrings: true })
    this.#pool = this.#core.promise()
  }

  async tables(): Promise<CatalogTable[]> {
    const [rows] = await this.#pool.query<mysql.RowDataPacket[]>({
      sql: `select c.table_name, c.column_name, c.data_type, t.table_rows
              from information_schema.columns c
              join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
             where c.table_schema = database() and t.table_type = 'BASE TABLE'
             order by c.table_name, c.ordinal_position`,
      rowsAsArray: true,
    })
    const tables = new Map<string, CatalogTable>()
    for (const [name, column, type, estimate] of rows as unknown as [string, string, string, string | number | null][]) {
      const table = tables.get(name) ?? { name, estimatedRows: estimate === null ? undefined : Number(estimate), columns: [] }
      table.columns.push({ name: column, type })
      tables.set(name, table)
    }
    return [...tables.values()]
  }

  async sample(table: CatalogTable, size: number): Promise<unknown[][]> {
    const percent = samplePercent(size, table.estimatedRows)
    const where = percent < 100 ? ` where rand() < ${(percent / 100).toFixed(8)}` : ''
    return this.#readOnly(async (connection) => {
      const [rows] = await connection.query({ sql: `${this.#select(table)}${where} limit ${Math.floor(size)}`, rowsAsArray: true })
      return rows as unknown[][]
    })
  }

  async *readAll(table: CatalogTable, batchSize: number): AsyncIterable<unknown[][]> {
    // A core (callback) connection: it streams rows as the server sends them, so a large table never sits in memory.
    const connection = await new Promise<mysqlCore.PoolConnection>((resolve, reject) => this.#core.getConnection((error, c) => (error ? reject(error) : resolve(c))))
    const promised = connection.promise()
    try {
      await promised.query('start transaction read only')
      const stream = connection.query({ sql: this.#select(table), rowsAsArray: true }).stream({ highWaterMark: batchSize })
      let batch: unknown[][] = []
      for await (const row of stream) {
        batch.push(row as unknown[])
        if (batch.length >= batchSize) {
          yield batch
          batch = []
        }
      }
      if (batch.length > 0) yield batch
      await promised.query('commit')
    } catch (error) {
      await promised.query('rollback').catch(() => undefined)
      throw error
    } finally {
      connection.release()
    }
  }

  close(): Promise<void> {
    return this.#pool.end()
  }

  #select(table: CatalogTable): string {
    return `select ${table.columns.map((c) => `cast(${quote(c.name)} as char)`).join(', ')} from ${quote(table.name)}`
  }

  async #readOnly<T>(work: (connection: mysql.PoolConnection) => Promise<T>): Promise<T> {
    const connection = await this.#pool.getConnection()
    try {
      await connection.query('start transaction read only')
      const result = await work(connection)
      await connection.query('commit')
      return result
    } catch (error) {
      await connection.query('rollback').catch(() => undefined)
      throw error
    } finally {
      connection.release()
    }
  }
}
