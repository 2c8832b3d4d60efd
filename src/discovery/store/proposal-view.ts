import type { Selectable } from 'kysely'
import type { Masking } from '../../systems/index.ts'
import type { DiscoveryProposalsTable, ProposalStatus } from './discovery-tables.ts'

/** A proposal as the API shows it. */
export interface ProposalView {
  proposalId: string
  scanId: string
  systemId: string
  table: string
  column: string
  detectedKind: string
  itemKind: string
  action: 'map_column' | 'add_item'
  itemId: string | null
  currentItemId: string | null
  identifies: string | null
  masking: Masking | null
  confidence: number
  status: ProposalStatus
  decidedBy: string | null
  decidedAt: string | null
  reason: string | null
  createdAt: string
}

export function proposalView(row: Selectable<DiscoveryProposalsTable>): ProposalView {
  return {
    proposalId: row.proposal_id,
    scanId: row.scan_id,
    systemId: row.system_id,
    table: row.table_name,
    column: row.column_name,
    detectedKind: row.detected_kind,
    itemKind: row.item_kind,
    action: row.action,
    itemId: row.item_id,
    currentItemId: row.current_item_id,
    identifies: row.identifies,
    masking: row.masking,
    confidence: Math.round(row.confidence * 1000) / 1000,
    status: row.status,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at ? new Date(row.decided_at).toISOString() : null,
    reason: row.reason,
    createdAt: new Date(row.created_at).toISOString(),
  }
}
