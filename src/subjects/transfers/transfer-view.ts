import type { Selectable } from 'kysely'
import type { DataTransfersTable } from './transfers-tables.ts'

/** One entry of the transfer log as the API and other modules see it. */
export interface TransferView {
  transferId: string
  subjectId: string
  recipientId: string
  itemIds: string[]
  purposeId: string
  country: string
  crossBorder: boolean
  transferredAt: string
  reference: string | null
  policyVersionId: string
  recordedAt: string
  recordedBy: string
}

export function toTransferView(row: Selectable<DataTransfersTable>): TransferView {
  return {
    transferId: row.transfer_id,
    subjectId: row.subject_id,
    recipientId: row.recipient_id,
    itemIds: row.item_ids,
    purposeId: row.purpose_id,
    country: row.country,
    // Data stays home in Kazakhstan; anywhere else is cross-border (art. 16).
    crossBorder: row.country !== 'KZ',
    transferredAt: new Date(row.transferred_at).toISOString(),
    reference: row.reference,
    policyVersionId: row.policy_version_id,
    recordedAt: new Date(row.recorded_at).toISOString(),
    recordedBy: row.recorded_by,
  }
}
