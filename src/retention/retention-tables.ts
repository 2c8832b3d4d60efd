import type { ColumnType } from 'kysely'
import type { HoldReason } from './due-retention.ts'

type Timestamp = ColumnType<Date, Date | string, Date | string>

/** The triggers Derbes cannot derive from its own tables; the others come from subjects, vault, consent and requests. */
export const RECORDED_TRIGGERS = ['purpose_achieved', 'contract_end', 'account_closed'] as const
export type RecordedTrigger = (typeof RECORDED_TRIGGERS)[number]

/** A retention trigger recorded through the API: per purpose (`purpose_achieved`), or for the whole subject (`''`). */
export interface RetentionTriggersTable {
  operator_id: string
  subject_id: string
  trigger: RecordedTrigger
  purpose_id: ColumnType<string, string | undefined, string>
  occurred_at: Timestamp
  recorded_at: Timestamp
  recorded_by: string
  note: string | null
}

/** A legal hold placed by staff; released, never deleted, so the reason stays visible. */
export interface RetentionHoldsTable {
  operator_id: string
  hold_id: string
  subject_id: string
  reason: HoldReason
  detail: string
  placed_at: Timestamp
  placed_by: string
  until: Timestamp | null
  released_at: Timestamp | null
  released_by: string | null
}

export interface RetentionTables {
  retention_triggers: RetentionTriggersTable
  retention_holds: RetentionHoldsTable
}
