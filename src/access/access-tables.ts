import type { ColumnType } from 'kysely'

type Timestamp = ColumnType<Date, Date | string, Date | string>
type Json<T = unknown> = ColumnType<T, string, string>

/** API keys: only a SHA-256 of the secret is stored; the token is shown once, when issued. */
export interface ApiKeysTable {
  operator_id: string
  key_id: string
  name: string
  secret_hash: string
  permissions: Json<string[]>
  role_id: string | null
  created_at: ColumnType<Date, Date | string | undefined, never>
  created_by: string
  expires_at: Timestamp | null
  revoked_at: Timestamp | null
}

/** The access module's tables, merged into the `Database` interface of `db/`. */
export interface AccessTables {
  api_keys: ApiKeysTable
}
