import type { Transaction } from 'kysely'
import { stringify } from 'yaml'
import { appendAudit } from '../../audit/index.ts'
import type { Database } from '../../db/index.ts'
import { DerbesError } from '../../errors/index.ts'
import { getSystem, updateSystem, type LocatorKind, type MappedColumn, type MappedTable, type SystemInput } from '../../systems/index.ts'
import { DETECTED_KINDS, type DetectedKind } from '../detectors/detection.ts'
import type { DiscoveryDeps } from './discovery-deps.ts'
import { KIND_LABELS } from './kind-labels.ts'
import { proposalView, type ProposalView } from './proposal-view.ts'

export interface AcceptedProposal {
  proposal: ProposalView
  /** For `add_item`: the item to add to a category of the policy, as YAML, before the column can be mapped. */
  policyItem?: string
}

async function openProposal(trx: Transaction<Database>, operatorId: string, proposalId: string) {
  const row = await trx.selectFrom('discovery_proposals').selectAll().where('operator_id', '=', operatorId).where('proposal_id', '=', proposalId).forUpdate().executeTakeFirst()
  if (!row) throw new DerbesError('DERBES_PROPOSAL_NOT_FOUND', `operator '${operatorId}' has no proposal '${proposalId}'`)
  if (row.status !== 'open') throw new DerbesError('DERBES_PROPOSAL_DECIDED', `proposal '${proposalId}' is already ${row.status}`)
  return row
}

async function decide(deps: DiscoveryDeps, operatorId: string, proposalId: string, status: 'accepted' | 'rejected', actor: string, reason: string | null): Promise<ProposalView> {
  const now = deps.clock()
  return deps.db.transaction().execute(async (trx) => {
    const row = await openProposal(trx, operatorId, proposalId)
    const decided = await trx
      .updateTable('discovery_proposals')
      .set({ status, decided_by: actor, decided_at: now, reason })
      .where('operator_id', '=', operatorId)
      .where('proposal_id', '=', proposalId)
      .returningAll()
      .executeTakeFirstOrThrow()
    await appendAudit(trx, {
      operatorId,
      at: now,
      actor,
      action: 'discovery_proposal_decided',
      details: { proposalId, systemId: row.system_id, column: `${row.table_name}.${row.column_name}`, action: row.action, itemId: row.item_id, status, ...(reason ? { reason } : {}) },
    })
    return proposalView(decided)
  })
}

/** The system's map with the column given the proposed item; a table new to the map comes with the column as its identifier when it can be one. */
function withColumn(tables: readonly MappedTable[], p: ProposalView): MappedTable[] {
  const column: MappedColumn = { name: p.column, itemId: p.itemId!, ...(p.masking ? { masking: p.masking } : {}) }
  const existing = tables.find((t) => t.name === p.table)
  if (!existing) return [...tables, { name: p.table, columns: [{ ...column, ...(p.identifies ? { identifies: p.identifies as LocatorKind } : {}) }] }]
  return tables.map((t) => {
    if (t !== existing) return t
    const mapped = t.columns.find((c) => c.name === p.column)
    const columns = mapped ? t.columns.map((c) => (c === mapped ? { ...c, itemId: p.itemId!, masking: c.masking ?? p.masking ?? { strategy: 'null' } } : c)) : [...t.columns, column]
    return { ...t, columns }
  })
}

/**
 * Accepts a proposal (issue 7 item 3). `map_column` puts the column in the
 * system's data map as the proposed item — through the same validation and
 * audit as any change of the map, so a map the system or the policy would
 * not bear is refused (422) and the proposal stays open. `add_item` records
 * the decision and returns the item to add to the policy: the policy changes
 * only through a new version approved and published by the responsible person.
 */
export async function acceptProposal(deps: DiscoveryDeps, operatorId: string, proposalId: string, actor: string): Promise<AcceptedProposal> {
  const current = await deps.db.transaction().execute(async (trx) => proposalView(await openProposal(trx, operatorId, proposalId)))
  if (current.action === 'map_column') {
    const view = await getSystem(deps.db, operatorId, current.systemId)
    const input: SystemInput = {
      systemId: view.systemId,
      name: view.name,
      kind: view.kind,
      ...(view.description ? { description: view.description } : {}),
      // No URL: the sealed one is kept.
      connection: {
        ...(view.connection.schema ? { schema: view.connection.schema } : {}),
        ...(view.connection.statementTimeoutMs ? { statementTimeoutMs: view.connection.statementTimeoutMs } : {}),
        ...(view.connection.poolSize ? { poolSize: view.connection.poolSize } : {}),
      },
      tables: withColumn(view.tables, current),
      relations: view.relations,
    }
    await updateSystem(deps, operatorId, input, actor)
    return { proposal: await decide(deps, operatorId, proposalId, 'accepted', actor, null) }
  }
  const proposal = await decide(deps, operatorId, proposalId, 'accepted', actor, null)
  const kind = DETECTED_KINDS.includes(proposal.detectedKind as DetectedKind) ? (proposal.detectedKind as DetectedKind) : undefined
  const item = {
    id: proposal.column.toLowerCase().replace(/[^a-z0-9_]+/g, '_'),
    name: kind ? KIND_LABELS[kind] : { kk: proposal.column, ru: proposal.column, en: proposal.column },
    kind: proposal.itemKind,
    sources: ['subject'],
  }
  return { proposal, policyItem: stringify([item]) }
}

export function rejectProposal(deps: DiscoveryDeps, operatorId: string, proposalId: string, reason: string, actor: string): Promise<ProposalView> {
  return decide(deps, operatorId, proposalId, 'rejected', actor, reason)
}
