import type { ColumnType, Generated } from 'kysely'
import type { Masking } from '../../systems/index.ts'
import type { ScanReport } from '../report/scan-report.ts'

type Timestamp = ColumnType<Date, Date | string, Date | string>
type Json<T = unknown> = ColumnType<T, string, string>

export interface DiscoveryScansTable {
  operator_id: string
  scan_id: string
  seq: Generated<number>
  system_id: string
  source: ScanReport['source']
  /** The connection URL with its password replaced by `***`. */
  target: string
  mode: ScanReport['mode']
  started_at: Timestamp
  finished_at: Timestamp
  personal_columns: number
  report: Json<ScanReport>
  created_by: string
}

export const PROPOSAL_STATUSES = ['open', 'accepted', 'rejected', 'superseded'] as const
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number]

export interface DiscoveryProposalsTable {
  operator_id: string
  proposal_id: string
  scan_id: string
  system_id: string
  table_name: string
  column_name: string
  detected_kind: string
  item_kind: string
  /** `map_column`: put the column in the data map as `item_id`; `add_item`: the policy lists no item of this kind. */
  action: 'map_column' | 'add_item'
  item_id: string | null
  /** The item the map gives the column now, when discovery found another kind there. */
  current_item_id: string | null
  identifies: string | null
  masking: ColumnType<Masking | null, string | null, string | null>
  confidence: number
  status: ProposalStatus
  decided_by: string | null
  decided_at: Timestamp | null
  reason: string | null
  created_at: Timestamp
}

export interface DiscoveryTables {
  discovery_scans: DiscoveryScansTable
  discovery_proposals: DiscoveryProposalsTable
}
