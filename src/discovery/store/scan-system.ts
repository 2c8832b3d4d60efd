import { randomUUID } from 'node:crypto'
import { appendAudit } from '../../audit/index.ts'
import { DerbesError } from '../../errors/index.ts'
import { getPublishedVersion } from '../../operators/index.ts'
import { openSystemUrl, type SystemView } from '../../systems/index.ts'
import type { ScanMode, ScanReport } from '../report/scan-report.ts'
import { personalColumns } from '../report/scan-report.ts'
import { scanTarget } from '../scan-target.ts'
import type { DiscoveryDeps } from './discovery-deps.ts'
import { diffReports, type ScanDiff } from './diff-reports.ts'
import { mapTableName, proposeChanges, rejectionKey, type ProposalDraft } from './propose-changes.ts'
import { proposalView, type ProposalView } from './proposal-view.ts'
import { previousScan } from './read-scans.ts'

export interface ScanSystemInput {
  mode?: ScanMode
  sampleSize?: number
}

export interface ScanResult {
  scanId: string
  systemId: string
  report: ScanReport
  diff: ScanDiff
  proposals: ProposalView[]
}

const NETWORK = /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|ENOTFOUND|EAI_AGAIN|timeout/i

/**
 * Scans one of the operator's connected databases for personal data (issue
 * 7): reads a sample of every table (or every row), classifies each column,
 * keeps the report — counts, kinds, masked examples, never a value — with
 * its diff against the last scan of the system, and proposes changes to the
 * data map. Reading the samples is use of personal data, so the scan is
 * audited, in the same transaction that keeps it.
 */
export async function scanSystem(deps: DiscoveryDeps, operatorId: string, systemId: string, input: ScanSystemInput, actor: string): Promise<ScanResult> {
  const system = await openSystemUrl(deps, operatorId, systemId)
  const { kind } = system.view
  if (kind !== 'postgres' && kind !== 'mysql') {
    throw new DerbesError('DERBES_SCAN_TARGET_UNKNOWN', `system '${systemId}' is of kind '${kind}': discovery reads PostgreSQL and MySQL/MariaDB systems`, [{ pointer: '/systemId', detail: `a ${kind} system` }])
  }
  if (!system.url) throw new DerbesError('DERBES_SYSTEM_MAPPING_INVALID', `system '${systemId}' has no connection URL to scan`)
  const policy = (await getPublishedVersion(deps, operatorId)).compiled
  const schemas = kind === 'postgres' ? [system.view.connection.schema ?? 'public'] : undefined
  const report = await scanTarget(system.url, { mode: input.mode ?? 'sample', ...(schemas ? { schemas } : {}), ...(input.sampleSize !== undefined ? { sampleSize: input.sampleSize } : {}), now: deps.clock }).catch((error: unknown) => {
    if (error instanceof DerbesError) throw error
    const message = (error as Error).message
    const code = NETWORK.test(`${(error as { code?: string }).code ?? ''} ${message}`) ? 'DERBES_SYSTEM_UNREACHABLE' : 'DERBES_SYSTEM_REJECTED'
    throw new DerbesError(code, `scanning system '${systemId}' failed: ${message}`)
  })
  const scanId = randomUUID()
  const now = deps.clock()
  return deps.db.transaction().execute(async (trx) => {
    const rejected = await trx
      .selectFrom('discovery_proposals')
      .select(['table_name', 'column_name', 'detected_kind'])
      .where('operator_id', '=', operatorId)
      .where('system_id', '=', systemId)
      .where('status', '=', 'rejected')
      .execute()
    const drafts = proposeChanges(report, system.view, policy, new Set(rejected.map((r) => rejectionKey({ table: r.table_name, column: r.column_name, detectedKind: r.detected_kind }))))
    annotateItems(report, system.view, drafts)
    const previous = await previousScan(trx, operatorId, systemId)
    await trx
      .insertInto('discovery_scans')
      .values({
        operator_id: operatorId,
        scan_id: scanId,
        system_id: systemId,
        source: report.source,
        target: report.target,
        mode: report.mode,
        started_at: report.startedAt,
        finished_at: report.finishedAt,
        personal_columns: personalColumns(report).length,
        report: JSON.stringify(report),
        created_by: actor,
      })
      .execute()
    // A newer scan replaces the open proposals of the system: what it did not find again is no longer proposed.
    await trx
      .updateTable('discovery_proposals')
      .set({ status: 'superseded', decided_at: now, decided_by: actor, reason: `superseded by scan ${scanId}` })
      .where('operator_id', '=', operatorId)
      .where('system_id', '=', systemId)
      .where('status', '=', 'open')
      .execute()
    const rows = drafts.map((d) => ({
      operator_id: operatorId,
      proposal_id: randomUUID(),
      scan_id: scanId,
      system_id: systemId,
      table_name: d.table,
      column_name: d.column,
      detected_kind: d.detectedKind,
      item_kind: d.itemKind,
      action: d.action,
      item_id: d.itemId ?? null,
      current_item_id: d.currentItemId ?? null,
      identifies: d.identifies ?? null,
      masking: d.masking ? JSON.stringify(d.masking) : null,
      confidence: d.confidence,
      status: 'open' as const,
      created_at: now,
    }))
    const proposals = rows.length > 0 ? await trx.insertInto('discovery_proposals').values(rows).returningAll().execute() : []
    await appendAudit(trx, {
      operatorId,
      at: now,
      actor,
      action: 'discovery_scanned',
      details: {
        systemId,
        scanId,
        mode: report.mode,
        tables: report.tables.length,
        rowsRead: report.tables.reduce((n, t) => n + t.rowsRead, 0),
        personalColumns: personalColumns(report).map(({ table, column }) => `${table}.${column.name}:${column.kind}`),
        proposals: proposals.length,
      },
    })
    return { scanId, systemId, report, diff: diffReports(previous, report), proposals: proposals.map(proposalView) }
  })
}

/** The report names, per column, the item the map gives it or the proposal would. */
function annotateItems(report: ScanReport, system: SystemView, drafts: readonly ProposalDraft[]): void {
  const proposed = new Map<string, string | undefined>(drafts.map((d) => [`${d.table}.${d.column}`, d.itemId]))
  const mapped = new Map<string, string | undefined>(system.tables.flatMap((t) => t.columns.map((c): [string, string | undefined] => [`${t.name}.${c.name}`, c.itemId])))
  for (const table of report.tables) {
    const name = mapTableName(table.name, system)
    if (name === undefined) continue
    for (const column of table.columns) {
      const key = `${name}.${column.name}`
      const itemId = proposed.has(key) ? proposed.get(key) : column.kind ? mapped.get(key) : undefined
      if (itemId) column.itemId = itemId
    }
  }
}
