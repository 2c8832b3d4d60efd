import pg from 'pg'
import { samplePercent, type CatalogTable, type DatabaseSource } from './database-source.ts'

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`

/**
 * Reads a PostgreSQL database for discovery: every table of every schema the
 * user can see but the system ones, values cast to text by the server so no
 * type parser runs per cell. Each read runs in a READ ONLY transaction.
 */
export class PostgresSource implements DatabaseSource {
  readonly kind = 'postgres'
  readonly #pool: pg.Pool
  readonly #qualified = new Map<string, string>()
  readonly #schemas: readonly string[] | undefined

  /** `schemas` limits the scan (a connected system's map lives in one); every user schema otherwise. */
  constructor(url: string, options: { statementTimeoutMs?: number; schemas?: readonly string[] } = {}) {
    this.#pool = new pg.Pool({ connectionString: url, max: 2, statement_timeout: options.statementTimeoutMs ?? 60_000, application_name: 'derbes-discovery' })
    this.#schemas = options.schemas
  }

  async tables(): Promise<CatalogTable[]> {
    const { rows } = await this.#pool.query<{ schema: string; table: string; column: string; type: string; estimate: number }>(
      `select c.table_schema as schema, c.table_name as table, c.column_name as column, c.data_type as type,
              coalesce((select cl.reltuples from pg_class cl join pg_namespace n on n.oid = cl.relnamespace
                        where n.nspname = c.table_schema and cl.relname = c.table_name), -1)::float8 as estimate
         from information_schema.columns c
         join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
        where t.table_type = 'BASE TABLE' and c.table_schema not in ('pg_catalog', 'information_schema') and c.table_schema not like 'pg\\_%'
          and ($1::text[] is null or c.table_schema = any($1::text[]))
        order by c.table_schema, c.table_name, c.ordinal_position`,
      [this.#schemas ?? null],
    )
    const tables = new Map<string, CatalogTable>()
    for (const row of rows) {
      const name = row.schema === 'public' ? row.table : `${row.schema}.${row.table}`
      this.#qualified.set(name, `${quote(row.schema)}.${quote(row.table)}`)
      const table = tables.get(name) ?? { name, estimatedRows: row.estimate >= 0 ? Math.round(row.estimate) : undefined, columns: [] }
      table.columns.push({ name: row.column, type: row.type })
      tables.set(name, table)
    }
    return [...tables.values()]
  }

  async sample(table: CatalogTable, size: number): Promise<unknown[][]> {
    const percent = samplePercent(size, table.estimatedRows)
    const sampling = percent < 100 ? ` tablesample bernoulli (${percent.toFixed(6)})` : ''
    return this.#readOnly(async (client) => {
      const result = await client.query<unknown[]>({ text: `${this.#select(table)}${sampling} limit ${Math.floor(size)}`, rowMode: 'array' })
      return result.rows
    })
  }

  async *readAll(table: CatalogTable, batchSize: number): AsyncIterable<unknown[][]> {
    const client = await this.#pool.connect()
    try {
      await client.query('begin transaction read only')
      await client.query(`declare derbes_discovery no scroll cursor for ${this.#select(table)}`)
      for (;;) {
        const { rows } = await client.query<unknown[]>({ text: `fetch forward ${Math.floor(batchSize)} from derbes_discovery`, rowMode: 'array' })
        if (rows.length === 0) break
        yield rows
      }
      await client.query('commit')
    } catch (error) {
      await client.query('rollback').catch(() => undefined)
      throw error
    } finally {
      client.release()
    }
  }

  close(): Promise<void> {
    return this.#pool.end()
  }

  #select(table: CatalogTable): string {
    const from = this.#qualified.get(table.name) ?? quote(table.name)
    return `select ${table.columns.map((c) => `${quote(c.name)}::text`).join(', ')} from ${from}`
  }

  async #readOnly<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.#pool.connect()
    try {
      await client.query('begin transaction read only')
      const result = await work(client)
      await client.query('commit')
      return result
    } catch (error) {
      await client.query('rollback').catch(() => undefined)
      throw error
    } finally {
      client.release()
    }
  }
}
