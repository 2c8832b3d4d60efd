export { openDatabase, type DatabaseHandle, type DatabaseOptions } from './open-database.ts'
export { migrateToLatest } from './migrate.ts'
export type { Database, VersionState } from './database-schema.ts'
export { VERSION_STATES } from './database-schema.ts'
