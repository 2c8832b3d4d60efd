import type { ColumnType } from 'kysely'

type Timestamp = ColumnType<Date, Date | string, Date | string>
type Json<T = unknown> = ColumnType<T, string, string>

/**
 * The transfer log: which of a subject's data went to which recipient of the
 * policy, for which purpose, to which country and when. It holds ids, never
 * values, so it outlives the subject's data: after a correction, a block or
 * a destruction the operator still knows whom to tell (TW-9.4, ESP-8), and it
 * is the register of third-party and cross-border transfers art. 22(1)(5)
 * asks for. Append-only.
 */
export interface DataTransfersTable {
  operator_id: string
  transfer_id: string
  subject_id: string
  /** A recipient id of the policy in force when the transfer was recorded. */
  recipient_id: string
  item_ids: Json<string[]>
  purpose_id: string
  /** ISO 3166-1 alpha-2 of the destination; anything but KZ is cross-border (art. 16). */
  country: string
  /** When the data left. */
  transferred_at: Timestamp
  /** The contract, act or letter the transfer went under — no personal data. */
  reference: string | null
  policy_version_id: string
  recorded_at: Timestamp
  recorded_by: string
}

export interface TransfersTables {
  data_transfers: DataTransfersTable
}
