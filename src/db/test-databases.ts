import { randomBytes } from 'node:crypto'
import { PGlite } from '@electric-sql/pglite'
import { Kysely, PGliteDialect } from 'kysely'
import pg from 'pg'
import type { Database } from './database-schema.ts'
import { migrateToLatest } from './migrate.ts'
import { openDatabase, type DatabaseHandle } from './open-database.ts'

export interface TestDatabase {
  name: 'pglite' | 'postgres'
  /** A fresh, migrated, empty database; close() throws it away. */
  open(): Promise<DatabaseHandle>
}

/**
 * Starting PGlite (PostgreSQL in WebAssembly) costs seconds; a schema costs
 * milliseconds. So each test worker starts one PGlite and gives every test
 * database its own schema in it, dropped on close — the way the server does
 * below. Databases whose lifetimes overlap in one worker get an instance of
 * their own, since one PGlite is one connection with one search_path.
 */
let shared: { pglite: PGlite; inUse: boolean } | undefined

async function openOwnPglite(): Promise<DatabaseHandle> {
  const handle = await openDatabase({ dataDir: 'memory://' })
  await migrateToLatest(handle.db)
  return handle
}

const pglite: TestDatabase = {
  name: 'pglite',
  async open() {
    shared ??= { pglite: await PGlite.create('memory://'), inUse: false }
    if (shared.inUse) return openOwnPglite()
    const instance = shared
    instance.inUse = true
    const schema = `derbes_test_${randomBytes(6).toString('hex')}`
    await instance.pglite.exec(`create schema ${schema}; set search_path to ${schema}`)
    // Not destroyed on close: Kysely's PGlite driver would close the shared instance with it.
    const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite: instance.pglite }) })
    await migrateToLatest(db, { schema })
    let closed = false
    return {
      db,
      kind: 'pglite',
      async ping() {
        if (closed) throw new Error('the test database is closed')
        await instance.pglite.query('select 1')
      },
      async close() {
        if (closed) return
        closed = true
        await instance.pglite.exec(`set search_path to public; drop schema ${schema} cascade`)
        instance.inUse = false
      },
    }
  },
}

/**
 * The role test databases on a server act as: not a superuser, so row-level
 * security binds every suite as it binds Derbes in production
 * (docs/operations.md). It owns the schema and so the tables it migrates.
 */
export const TEST_APP_ROLE = 'derbes_app'

/**
 * Creates the test role once per server. `session_replication_role` is the one
 * superuser setting granted to it: the audit tamper tests play an attacker who
 * switches triggers off with it (PostgreSQL 15+).
 */
async function ensureTestAppRole(admin: pg.Client): Promise<void> {
  const { rowCount } = await admin.query('select 1 from pg_roles where rolname = $1', [TEST_APP_ROLE])
  if (rowCount) return
  await admin.query(`create role ${TEST_APP_ROLE} nologin nosuperuser nobypassrls`)
  await admin.query(`grant set on parameter session_replication_role to ${TEST_APP_ROLE}`)
}

/**
 * On a server each test database is its own schema, dropped on close, so
 * suites can run side by side; its connections log in as the URL's user and
 * act as `derbes_app`.
 */
function postgres(databaseUrl: string): TestDatabase {
  return {
    name: 'postgres',
    async open() {
      const schema = `derbes_test_${randomBytes(6).toString('hex')}`
      const handle = await underSchemaLock(databaseUrl, async (admin) => {
        await ensureTestAppRole(admin)
        await admin.query(`create schema ${schema} authorization ${TEST_APP_ROLE}`)
        const opened = await openDatabase({ databaseUrl, searchPath: schema, role: TEST_APP_ROLE })
        await migrateToLatest(opened.db, { schema })
        return opened
      })
      return {
        ...handle,
        async close() {
          await handle.close()
          await underSchemaLock(databaseUrl, (admin) => admin.query(`drop schema ${schema} cascade`))
        },
      }
    },
  }
}

/**
 * Creating, migrating and dropping test schemas one at a time across test
 * workers: Kysely's migrator reads the catalogue of every schema, and a schema
 * dropped by another worker in the middle of that read fails it with
 * "schema … does not exist".
 */
async function underSchemaLock<T>(databaseUrl: string, work: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: databaseUrl })
  await admin.connect()
  try {
    await admin.query('select pg_advisory_lock(hashtext($1))', ['derbes test schemas'])
    return await work(admin)
  } finally {
    await admin.end()
  }
}

/**
 * The databases storage tests run on: always PGlite; a PostgreSQL server too
 * when `DATABASE_URL` is set (CI sets it). Use with `describe.each`.
 */
export const TEST_DATABASES: readonly TestDatabase[] = [
  pglite,
  ...(process.env.DATABASE_URL ? [postgres(process.env.DATABASE_URL)] : []),
]

/**
 * A fresh, migrated database of its own — PGlite in memory, or a new schema on
 * the server at `databaseUrl` — for benchmarks and scripts; close() throws it away.
 */
export function freshDatabase(databaseUrl?: string): Promise<DatabaseHandle> {
  return databaseUrl ? postgres(databaseUrl).open() : openOwnPglite()
}
