import { appendAudit } from '../audit/index.ts'
import { DerbesError } from '../errors/index.ts'
import type { OperatorsDeps } from './operators-deps.ts'
import { findVersionRow } from './read-policies.ts'
import { toVersionView, VERSION_COLUMNS, type VersionView } from './version-view.ts'

export interface Approval {
  /** Who approved: name and position (TTC-3.7: the Chairman of the Management Board). */
  approvedBy: string
  /** The order that approved it. */
  order: string
  /** When it was approved; now when absent. */
  approvedAt?: Date
}

/**
 * Records who approved a draft version, when and by which order (TTC-3.7,
 * art. 25(2)(1-1)). An approved version can no longer change.
 */
export async function approvePolicyVersion(deps: OperatorsDeps, operatorId: string, versionId: string, approval: Approval): Promise<VersionView> {
  return deps.db.transaction().execute(async (trx) => {
    const row = await findVersionRow(trx, operatorId, versionId, { forUpdate: true })
    if (row.state !== 'draft') throw new DerbesError('DERBES_POLICY_VERSION_ALREADY_APPROVED', `version '${versionId}' is ${row.state}`)
    const updated = await trx
      .updateTable('policy_versions')
      .set({ state: 'approved', approved_by: approval.approvedBy, approval_order: approval.order, approved_at: approval.approvedAt ?? deps.clock() })
      .where('operator_id', '=', operatorId)
      .where('version_id', '=', versionId)
      .returning([...VERSION_COLUMNS])
      .executeTakeFirstOrThrow()
    await appendAudit(trx, {
      operatorId,
      at: deps.clock(),
      actor: approval.approvedBy,
      action: 'policy_approved',
      details: { versionId, hash: updated.hash },
    })
    return toVersionView(updated)
  })
}
