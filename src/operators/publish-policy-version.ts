import { appendAudit } from '../audit/index.ts'
import { DerbesError } from '../errors/index.ts'
import type { OperatorsDeps } from './operators-deps.ts'
import { findVersionRow } from './read-policies.ts'
import { toVersionView, VERSION_COLUMNS, type VersionView } from './version-view.ts'

/**
 * Makes an approved version the one subjects see. The version published before
 * it becomes `superseded`; every version is kept (TTC-1.8: consents stay tied
 * to the version that was shown).
 */
export async function publishPolicyVersion(deps: OperatorsDeps, operatorId: string, versionId: string, publishedBy: string): Promise<VersionView> {
  return deps.db.transaction().execute(async (trx) => {
    const row = await findVersionRow(trx, operatorId, versionId, { forUpdate: true })
    if (row.state === 'draft') throw new DerbesError('DERBES_POLICY_VERSION_NOT_APPROVED', `version '${versionId}' has not been approved`)
    if (row.state === 'published') return toVersionView(row)
    const now = deps.clock()
    await trx
      .updateTable('policy_versions')
      .set({ state: 'superseded' })
      .where('operator_id', '=', operatorId)
      .where('state', '=', 'published')
      .execute()
    const updated = await trx
      .updateTable('policy_versions')
      .set({ state: 'published', published_at: now, published_by: publishedBy })
      .where('operator_id', '=', operatorId)
      .where('version_id', '=', versionId)
      .returning([...VERSION_COLUMNS])
      .executeTakeFirstOrThrow()
    await trx.updateTable('operators').set({ published_version_id: versionId }).where('operator_id', '=', operatorId).execute()
    await appendAudit(trx, { operatorId, at: now, actor: publishedBy, action: 'policy_published', details: { versionId, hash: updated.hash } })
    return toVersionView(updated)
  })
}
