import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { migrateToLatest } from './migrate.ts'
import { openDatabase, type DatabaseHandle } from './open-database.ts'

export interface TestDatabase {
  name: 'pglite' | 'postgres'
  /** A fresh, migrated, empty database; close() throws it away. */
  open(): Promise<DatabaseHandle>
}

const pglite: TestDatabase = {
  name: 'pglite',
  async open() {
    const handle = await openDatabase({ dataDir: 'memory://' })
    await migrateToLatest(handle.db)
    return handle
  },
}

/** On a server each test database is its own schema, dropped on close, so suites can run side by side. */
function postgres(databaseUrl: string): TestDatabase {
  return {
    name: 'postgres',
    async open() {
      const schema = `derbes_test_${randomBytes(6).toString('hex')}`
      const admin = new pg.Client({ connectionString: databaseUrl })
      await admin.connect()
      await admin.query(`create schema ${schema}`)
      await admin.end()
      const handle = await openDatabase({ databaseUrl, searchPath: schema })
      await migrateToLatest(handle.db)
      return {
        ...handle,
        async close() {
          await handle.close()
          const cleanup = new pg.Client({ connectionString: databaseUrl })
          await cleanup.connect()
          await cleanup.query(`drop schema ${schema} cascade`)
          await cleanup.end()
        },
      }
    },
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
