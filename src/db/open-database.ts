import { mkdirSync } from 'node:fs'
import { PGlite } from '@electric-sql/pglite'
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely'
import pg from 'pg'
import type { Database } from './database-schema.ts'
import { OperatorScopedDialect } from './operator-scope/index.ts'

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
  /**
   * On a server: the role every connection acts as (`SET ROLE` at connect),
   * when the login role is not the one to use — tests log in as a superuser
   * and act as an ordinary role, so row-level security binds them.
   */
  role?: string
}

/**
 * Opens the system of record: a PostgreSQL server when `databaseUrl` is set,
 * otherwise PGlite — the same SQL and migrations either way. On a server each
 * connection carries the caller's operator scope (`withOperatorScope`) to the
 * row-level security policies; PGlite runs as its superuser, which bypasses
 * them, so there the scope is not sent at all.
 */
export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    const settings = [
      ...(options.searchPath ? [`-c search_path=${options.searchPath}`] : []),
      ...(options.role ? [`-c role=${options.role}`] : []),
    ]
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: 10,
      ...(settings.length > 0 ? { options: settings.join(' ') } : {}),
    })
    const db = new Kysely<Database>({ dialect: new OperatorScopedDialect(new PostgresDialect({ pool })) })
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
