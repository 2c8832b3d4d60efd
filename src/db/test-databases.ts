import { randomBytes } from 'node:crypto'
import { PGlite } from '@electric-sql/pglite'
import { Kysely, PGliteDialect } from 'kysely'
import pg from 'pg'
import type { Database } from './database-schema.ts'
import { migrateToLatest } from './migrate.ts'
import { openDatabase, type DatabaseHandle } from './open-database.ts'
import { resetSchema, snapshotSchema, type SchemaSession, type SchemaSnapshot } from './reusable-schema.ts'

export interface TestDatabase {
  name: 'pglite' | 'postgres'
  /** A fresh, migrated, empty database; close() throws it away. */
  open(): Promise<DatabaseHandle>
}

/**
 * Starting PGlite (PostgreSQL in WebAssembly) costs seconds, and so does
 * migrating a schema; emptying a migrated one costs milliseconds. So each test
 * worker starts one PGlite, migrates one schema in it, and empties that schema
 * again when a test database is closed (`reusable-schema.ts`). Databases whose
 * lifetimes overlap in one worker get an instance of their own, since one
 * PGlite is one connection with one search_path.
 */
let shared: { pglite: PGlite; inUse: boolean; idle?: SchemaSnapshot } | undefined

async function openOwnPglite(): Promise<DatabaseHandle> {
  const handle = await openDatabase({ dataDir: 'memory://' })
  await migrateToLatest(handle.db)
  return handle
}

function pgliteSession(pglite: PGlite): SchemaSession {
  return {
    query: async <R>(text: string, params?: unknown[]) => (await pglite.query<R>(text, params)).rows,
    exec: async (text) => void (await pglite.exec(text)),
  }
}

const pglite: TestDatabase = {
  name: 'pglite',
  async open() {
    shared ??= { pglite: await PGlite.create('memory://'), inUse: false }
    if (shared.inUse) return openOwnPglite()
    const instance = shared
    instance.inUse = true
    const session = pgliteSession(instance.pglite)
    let snapshot = instance.idle
    instance.idle = undefined
    if (!snapshot) {
      const schema = `derbes_test_${randomBytes(6).toString('hex')}`
      await instance.pglite.exec(`create schema ${schema}`)
      await instance.pglite.exec(`set search_path to ${schema}`)
      await migrateToLatest(new Kysely<Database>({ dialect: new PGliteDialect({ pglite: instance.pglite }) }), { schema })
      snapshot = await snapshotSchema(session, schema)
    }
    const { schema } = snapshot
    await instance.pglite.exec(`set search_path to ${schema}`)
    // Not destroyed on close: Kysely's PGlite driver would close the shared instance with it.
    const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite: instance.pglite }) })
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
        // A schema that cannot be emptied cleanly is dropped: the next test gets a freshly migrated one.
        if (await resetSchema(session, snapshot).catch(() => false)) instance.idle = snapshot
        else await instance.pglite.exec(`set search_path to public; drop schema ${schema} cascade`)
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
 * On a server each test database is a schema its connections act in as
 * `derbes_app`. A worker migrates a schema once and, when a test closes its
 * database, empties it and keeps it for its next test (`reusable-schema.ts`):
 * creating and migrating happen under a lock every worker shares, emptying
 * does not. A worker cannot drop its schemas as it exits, so schemas left by
 * runs over two hours ago are dropped when a new one is made (their names
 * carry their creation time).
 */
function postgres(databaseUrl: string): TestDatabase {
  const idle: SchemaSnapshot[] = []
  return {
    name: 'postgres',
    async open() {
      const snapshot = idle.pop() ?? (await underSchemaLock(databaseUrl, (admin) => createTestSchema(databaseUrl, admin)))
      const handle = await openDatabase({ databaseUrl, searchPath: snapshot.schema, role: TEST_APP_ROLE })
      return {
        ...handle,
        async close() {
          await handle.close()
          const reusable = await withAdmin(databaseUrl, (admin) => resetSchema(serverSession(admin), snapshot)).catch(() => false)
          if (reusable) idle.push(snapshot)
          else await underSchemaLock(databaseUrl, (admin) => admin.query(`drop schema ${snapshot.schema} cascade`))
        },
      }
    },
  }
}

const STALE_SCHEMA_SECONDS = 2 * 60 * 60

async function createTestSchema(databaseUrl: string, admin: pg.Client): Promise<SchemaSnapshot> {
  await ensureTestAppRole(admin)
  const now = Math.floor(Date.now() / 1000)
  const { rows } = await admin.query<{ name: string }>(`select nspname as name from pg_namespace where nspname ~ '^derbes_test_t[0-9]+_'`)
  for (const { name } of rows) {
    if (now - Number(/^derbes_test_t(\d+)_/.exec(name)![1]) > STALE_SCHEMA_SECONDS) await admin.query(`drop schema ${name} cascade`)
  }
  const schema = `derbes_test_t${now}_${randomBytes(5).toString('hex')}`
  await admin.query(`create schema ${schema} authorization ${TEST_APP_ROLE}`)
  const migrating = await openDatabase({ databaseUrl, searchPath: schema, role: TEST_APP_ROLE })
  try {
    await migrateToLatest(migrating.db, { schema })
  } finally {
    await migrating.close()
  }
  return snapshotSchema(serverSession(admin), schema)
}

function serverSession(admin: pg.Client): SchemaSession {
  return {
    query: async <R>(text: string, params?: unknown[]) => (await admin.query(text, params)).rows as R[],
    exec: async (text) => void (await admin.query(text)),
  }
}

async function withAdmin<T>(databaseUrl: string, work: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: databaseUrl })
  await admin.connect()
  try {
    return await work(admin)
  } finally {
    await admin.end()
  }
}

/**
 * Creating, migrating and dropping test schemas one at a time across test
 * workers: Kysely's migrator reads the catalogue of every schema, and a schema
 * dropped by another worker in the middle of that read fails it with
 * "schema … does not exist".
 */
function underSchemaLock<T>(databaseUrl: string, work: (admin: pg.Client) => Promise<T>): Promise<T> {
  return withAdmin(databaseUrl, async (admin) => {
    await admin.query('select pg_advisory_lock(hashtext($1))', ['derbes test schemas'])
    return work(admin)
  })
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
export async function freshDatabase(databaseUrl?: string): Promise<DatabaseHandle> {
  if (!databaseUrl) return openOwnPglite()
  const { schema } = await underSchemaLock(databaseUrl, (admin) => createTestSchema(databaseUrl, admin))
  const handle = await openDatabase({ databaseUrl, searchPath: schema, role: TEST_APP_ROLE })
  return {
    ...handle,
    async close() {
      await handle.close()
      await underSchemaLock(databaseUrl, (admin) => admin.query(`drop schema ${schema} cascade`))
    },
  }
}
