import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/index.ts'
import { DerbesError } from '../../errors/index.ts'
import type { ScanReport } from '../report/scan-report.ts'
import type { DiscoveryDeps } from './discovery-deps.ts'
import { diffReports, type ScanDiff } from './diff-reports.ts'
import { proposalView, type ProposalView } from './proposal-view.ts'
import type { ProposalStatus } from './discovery-tables.ts'

type Db = Kysely<Database> | Transaction<Database>

export interface ScanSummary {
  scanId: string
  systemId: string
  source: ScanReport['source']
  target: string
  mode: ScanReport['mode']
  startedAt: string
  finishedAt: string
  personalColumns: number
  createdBy: string
}

const SUMMARY = ['scan_id', 'system_id', 'source', 'target', 'mode', 'started_at', 'finished_at', 'personal_columns', 'created_by'] as const

function summary(row: { scan_id: string; system_id: string; source: ScanReport['source']; target: string; mode: ScanReport['mode']; started_at: Date; finished_at: Date; personal_columns: number; created_by: string }): ScanSummary {
  return {
    scanId: row.scan_id,
    systemId: row.system_id,
    source: row.source,
    target: row.target,
    mode: row.mode,
    startedAt: new Date(row.started_at).toISOString(),
    finishedAt: new Date(row.finished_at).toISOString(),
    personalColumns: row.personal_columns,
    createdBy: row.created_by,
  }
}

/** The operator's scans, newest first, optionally of one system. */
export async function listScans(deps: Pick<DiscoveryDeps, 'db'>, operatorId: string, options: { systemId?: string; limit?: number } = {}): Promise<ScanSummary[]> {
  let query = deps.db.selectFrom('discovery_scans').select(SUMMARY).where('operator_id', '=', operatorId)
  if (options.systemId) query = query.where('system_id', '=', options.systemId)
  const rows = await query.orderBy('seq', 'desc').limit(options.limit ?? 50).execute()
  return rows.map(summary)
}

/** The last scan of a system kept so far (or before the scan numbered `beforeSeq`), with its report. */
export async function previousScan(db: Db, operatorId: string, systemId: string, beforeSeq?: number): Promise<{ scanId: string; report: ScanReport } | undefined> {
  let query = db.selectFrom('discovery_scans').select(['scan_id', 'report']).where('operator_id', '=', operatorId).where('system_id', '=', systemId)
  if (beforeSeq !== undefined) query = query.where('seq', '<', beforeSeq)
  const row = await query.orderBy('seq', 'desc').limit(1).executeTakeFirst()
  return row ? { scanId: row.scan_id, report: row.report } : undefined
}

/** One scan with its report, its diff against the scan of the system before it, and the proposals it made. */
export async function getScan(deps: Pick<DiscoveryDeps, 'db'>, operatorId: string, scanId: string): Promise<ScanSummary & { report: ScanReport; diff: ScanDiff; proposals: ProposalView[] }> {
  const row = await deps.db.selectFrom('discovery_scans').selectAll().where('operator_id', '=', operatorId).where('scan_id', '=', scanId).executeTakeFirst()
  if (!row) throw new DerbesError('DERBES_SCAN_NOT_FOUND', `operator '${operatorId}' has no scan '${scanId}'`)
  const previous = await previousScan(deps.db, operatorId, row.system_id, row.seq)
  const proposals = await deps.db.selectFrom('discovery_proposals').selectAll().where('operator_id', '=', operatorId).where('scan_id', '=', scanId).orderBy('table_name').orderBy('column_name').execute()
  return { ...summary(row), report: row.report, diff: diffReports(previous, row.report), proposals: proposals.map(proposalView) }
}

/** The operator's proposals, open ones by default. */
export async function listProposals(deps: Pick<DiscoveryDeps, 'db'>, operatorId: string, options: { status?: ProposalStatus; systemId?: string } = {}): Promise<ProposalView[]> {
  let query = deps.db.selectFrom('discovery_proposals').selectAll().where('operator_id', '=', operatorId).where('status', '=', options.status ?? 'open')
  if (options.systemId) query = query.where('system_id', '=', options.systemId)
  const rows = await query.orderBy('system_id').orderBy('table_name').orderBy('column_name').orderBy('created_at', 'desc').execute()
  return rows.map(proposalView)
}
