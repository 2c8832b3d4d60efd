import type { ColumnType, Generated } from 'kysely'

type Timestamp = ColumnType<Date, Date | string, Date | string>
type Json<T = unknown> = ColumnType<T, string, string>

export interface OperatorsTable {
  operator_id: string
  name: Json<{ kk: string; ru: string; en: string }>
  bin: string | null
  created_at: ColumnType<Date, Date | string | undefined, never>
  /** The version subjects see now; null until one is published. */
  published_version_id: string | null
}

export const VERSION_STATES = ['draft', 'approved', 'published', 'superseded'] as const
export type VersionState = (typeof VERSION_STATES)[number]

export interface PolicyVersionsTable {
  operator_id: string
  version_id: string
  /** Order of upload within the operator, so "the previous version" is well defined. */
  seq: Generated<number>
  state: VersionState
  document: Json
  /** The text exactly as uploaded (YAML or JSON), kept for diffs and audits. */
  source: string
  source_format: 'yaml' | 'json'
  hash: string
  uploaded_at: ColumnType<Date, Date | string | undefined, never>
  uploaded_by: string
  approved_by: string | null
  approval_order: string | null
  approved_at: Timestamp | null
  published_at: Timestamp | null
  published_by: string | null
}

export interface Database {
  operators: OperatorsTable
  policy_versions: PolicyVersionsTable
}
