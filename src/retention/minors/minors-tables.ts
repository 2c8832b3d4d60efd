import type { ColumnType } from 'kysely'
import type { MinorFlagHandling, MinorFlagReason, MinorFlagClearedReason } from './minor-rules.ts'

type Timestamp = ColumnType<Date, Date | string, Date | string>

/** A subject found under the policy's minimum age without a representative's consent (TTC-10.4, KZK-1.13); migration 2026-12-02-230. */
export interface MinorFlagsTable {
  operator_id: string
  flag_id: string
  subject_id: string
  found_at: Timestamp
  reason: MinorFlagReason
  minimum_age: number
  /** The day the subject reaches the minimum age, when its age is known. */
  reaches_minimum_age_on: ColumnType<string | Date | null, string | null, string | null>
  under_age_action: 'delete_asap' | 'parental_consent' | 'reject'
  handling: MinorFlagHandling
  /** The scan blocked the subject, so the scan lifts that block when the flag ends. */
  blocked_by_scan: ColumnType<boolean, boolean | undefined, boolean>
  clauses: ColumnType<string[], string, string>
  policy_version_id: string
  cleared_at: Timestamp | null
  cleared_reason: MinorFlagClearedReason | null
}

export interface MinorsTables {
  minor_flags: MinorFlagsTable
}
