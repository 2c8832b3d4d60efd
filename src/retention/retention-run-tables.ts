import type { ColumnType } from 'kysely'
import type { RetentionStep } from './due-retention.ts'

type Timestamp = ColumnType<Date, Date | string, Date | string>
type Json<T = unknown> = ColumnType<T, string, string>

export const RUN_STATUSES = ['running', 'finished', 'failed'] as const
export type RunStatus = (typeof RUN_STATUSES)[number]

export const RUN_ITEM_STATUSES = ['planned', 'done', 'failed'] as const
export type RunItemStatus = (typeof RUN_ITEM_STATUSES)[number]

/** What a run did, by step, and what it could not do. */
export interface RunCounts {
  subjects: number
  block: number
  anonymise: number
  destroy: number
  failed: number
}

/** One connected system's part in a run item: done, or failed with its error (kept, retried by the next run). */
export interface SystemOutcome {
  systemId: string
  status: 'done' | 'failed' | 'planned'
  rowsByTable?: Record<string, number>
  error?: { code: string; message: string }
}

/** A run of the retention sweep (issue 5 §2): by the schedule or by a person, real or dry. */
export interface RetentionRunsTable {
  operator_id: string
  run_id: string
  as_of: Timestamp
  dry_run: boolean
  status: RunStatus
  started_at: Timestamp
  finished_at: Timestamp | null
  /** `schedule`, or the staff member or API key that started it. */
  started_by: string
  by_schedule: boolean
  counts: Json<RunCounts>
  error: string | null
}

/** One due step of one subject in a run, and its outcome in the vault and in each system. */
export interface RetentionRunItemsTable {
  operator_id: string
  run_id: string
  item_no: number
  subject_id: string
  rule_id: string
  step: RetentionStep
  trigger: string
  triggered_at: Timestamp
  due_at: Timestamp
  item_ids: Json<string[] | null>
  clauses: Json<string[]>
  systems: Json<SystemOutcome[]>
  status: RunItemStatus
  error: string | null
  attempts: number
  updated_at: Timestamp
}

/** A destruction act (issue 5 §3): its canonical content, its hash, and who signed it. */
export interface RetentionActsTable {
  operator_id: string
  act_id: string
  run_id: string
  created_at: Timestamp
  content: Json<Record<string, unknown>>
  content_hash: string
  signed_by: string | null
  signed_at: Timestamp | null
  /** An optional CMS (EDS) signature over the canonical content, base64. */
  signature_cms: string | null
  /** What the EDS check established (ActEdsSignature): the signer certificate's subject and IIN, fingerprint, chain, signing time. */
  eds_signer: ColumnType<Record<string, unknown> | null, string | null | undefined, string | null>
}

export interface RetentionRunTables {
  retention_runs: RetentionRunsTable
  retention_run_items: RetentionRunItemsTable
  retention_acts: RetentionActsTable
}
