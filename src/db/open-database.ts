import { mkdirSync } from 'node:fs'
import { PGlite } from '@electric-sql/pglite'
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely'
import pg from 'pg'
import type { Database } from './database-schema.ts'

export interface DatabaseHandle {
  db: Kysely<Database>
  kind: 'pglite' | 'postgres'
  /** Cheap round trip, for /readyz. */
  ping(): Promise<void>
  close(): Promise<void>
}

export interface DatabaseOptions {
  /** A PostgreSQL server; when absent, embedded PGlite is used. */
  databaseUrl?: string
  /** PGlite's data directory, or `memory://` for a throw-away database. */
  dataDir?: string
  /** On a server: the schema to work in (tests get a fresh one each). */
  searchPath?: string
}

/**
 * Opens the system of record: a PostgreSQL server when `databaseUrl` is set,
 * otherwise PGlite — the same SQL and migrations either way.
 */
export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: 10,
      ...(options.searchPath ? { options: `-c search_path=${options.searchPath}` } : {}),
    })
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
    return {
      db,
      kind: 'postgres',
      ping: async () => void (await pool.query('select 1')),
      close: () => db.destroy(),
    }
  }
  const dataDir = options.dataDir ?? 'memory://'
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true })
  const pglite = await PGlite.create(dataDir)
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) })
  return {
    db,
    kind: 'pglite',
    ping: async () => void (await pglite.query('select 1')),
    async close() {
      // Kysely's driver closes PGlite only if a query ever ran through it.
      await db.destroy()
      if (!pglite.closed) await pglite.close()
    },
  }
}
