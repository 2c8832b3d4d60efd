import type { Selectable } from 'kysely'
import type { PolicyVersionsTable, VersionState } from '../db/database-schema.ts'

/** A policy version as the API shows it, without the document. */
export interface VersionView {
  operatorId: string
  versionId: string
  state: VersionState
  hash: string
  uploadedAt: string
  uploadedBy: string
  approval: { by: string; order: string; at: string } | null
  published: { at: string; by: string } | null
}

export type VersionRow = Selectable<PolicyVersionsTable>

const iso = (value: Date | string) => new Date(value).toISOString()

export function toVersionView(row: Omit<VersionRow, 'document' | 'source'>): VersionView {
  return {
    operatorId: row.operator_id,
    versionId: row.version_id,
    state: row.state,
    hash: row.hash,
    uploadedAt: iso(row.uploaded_at),
    uploadedBy: row.uploaded_by,
    approval:
      row.approved_at && row.approved_by && row.approval_order
        ? { by: row.approved_by, order: row.approval_order, at: iso(row.approved_at) }
        : null,
    published: row.published_at && row.published_by ? { at: iso(row.published_at), by: row.published_by } : null,
  }
}

/** Columns of a version without the heavy document and source. */
export const VERSION_COLUMNS = [
  'operator_id', 'version_id', 'seq', 'state', 'hash', 'uploaded_at', 'uploaded_by', 'approved_by',
  'approval_order', 'approved_at', 'published_at', 'published_by', 'source_format',
] as const
