import type { ColumnType } from 'kysely'
import type { LocatorKind, Masking, SystemKind } from './system-map.ts'

type Timestamp = ColumnType<Date, Date | string, Date | string>
type Json<T = unknown> = ColumnType<T, string, string>

/**
 * One of the operator's own systems. `connection` holds only what may be
 * shown (the URL with its password replaced by `***`, timeouts, the base URL);
 * the secret — the whole URL, the HTTP token — is in `secret_sealed`,
 * AES-256-GCM under a data key that is stored only wrapped by the operator's
 * keyring (`secret_wrapped_key`, by KEK `secret_key_id`).
 */
export interface SystemsTable {
  operator_id: string
  system_id: string
  name: string
  kind: SystemKind
  description: string | null
  connection: Json<Record<string, unknown>>
  secret_key_id: string | null
  secret_wrapped_key: string | null
  secret_sealed: string | null
  created_at: Timestamp
  created_by: string
  updated_at: Timestamp
  updated_by: string
}

export interface SystemTablesTable {
  operator_id: string
  system_id: string
  table_name: string
  /** Declared order, kept so the map reads back as it was written. */
  position: number
}

export interface SystemColumnsTable {
  operator_id: string
  system_id: string
  table_name: string
  column_name: string
  position: number
  item_id: string | null
  identifies: LocatorKind | null
  masking: ColumnType<Masking | null, string | null, string | null>
}

export interface SystemRelationsTable {
  operator_id: string
  system_id: string
  position: number
  child_table: string
  child_column: string
  parent_table: string
  parent_column: string
}

export interface SystemsTables {
  systems: SystemsTable
  system_tables: SystemTablesTable
  system_columns: SystemColumnsTable
  system_relations: SystemRelationsTable
}
