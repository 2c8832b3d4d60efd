import { readdir } from 'node:fs/promises'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { Kysely } from 'kysely'
import { Migrator, type Migration, type MigrationProvider, type MigrationResultSet } from 'kysely/migration'

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url))

/** Reads `db/migrations/`: file names start with a date, so listing order is apply order. */
class FolderMigrationProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    const files = (await readdir(MIGRATIONS_DIR)).filter((f) => /^\d{4}-\d{2}-\d{2}-.+\.(ts|js)$/.test(f) && !f.includes('.test.')).sort()
    const migrations: Record<string, Migration> = {}
    for (const file of files) {
      migrations[file.replace(/\.(ts|js)$/, '')] = (await import(pathToFileURL(MIGRATIONS_DIR + file).href)) as Migration
    }
    return migrations
  }
}

/**
 * Brings the schema to the newest migration. Throws with the failing
 * migration's name when one fails; nothing after it runs.
 */
export async function migrateToLatest(db: Kysely<any>, options: { schema?: string } = {}): Promise<MigrationResultSet> {
  // With several schemas in one database (test databases), Kysely must be told which one holds its
  // own tables: it would otherwise find another schema's kysely_migration_lock and skip creating its own.
  const migrator = new Migrator({ db, provider: new FolderMigrationProvider(), ...(options.schema ? { migrationTableSchema: options.schema } : {}) })
  let result = await migrator.migrateToLatest()
  for (let attempt = 1; attempt < INTROSPECTION_ATTEMPTS && failedInIntrospection(result); attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 25 * attempt))
    result = await migrator.migrateToLatest()
  }
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown'
    throw new Error(`migration ${failed} failed: ${String(result.error)}`, { cause: result.error })
  }
  return result
}

const INTROSPECTION_ATTEMPTS = 5

/**
 * Kysely's migrator looks for its own tables by introspecting every schema of the
 * database, and PostgreSQL's `pg_get_serial_sequence` in that query fails with
 * 42P01 (or 3F000, for a whole schema) when another connection drops a table or
 * schema between the catalogue scan and the call (test workers reset and drop
 * their schemas concurrently; so may an operator's own tooling). Nothing has been migrated when it fails there (`results` is unset),
 * so trying again is safe.
 */
function failedInIntrospection(result: MigrationResultSet): boolean {
  const code = (result.error as { code?: string } | undefined)?.code
  return result.results === undefined && (code === '42P01' || code === '3F000')
}
