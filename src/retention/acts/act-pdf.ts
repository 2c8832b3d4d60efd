import type { Language } from '../../policy/index.ts'
import type { RetentionDeps } from '../retention-deps.ts'
import { getAct } from './act-view.ts'
import { renderActPdf } from './render-act-pdf.ts'

/**
 * The PDF of one act of the operator in `language`, with its run and its
 * signature as they stand: a member of staff who signed is named by their
 * display name and actor id. DERBES_RETENTION_ACT_NOT_FOUND for an unknown act.
 *
 * @example
 * const pdf = await actPdf(deps, 'ttc', actId, 'kk')
 */
export async function actPdf(deps: Pick<RetentionDeps, 'db'>, operatorId: string, actId: string, language: Language): Promise<Buffer> {
  const act = await getAct(deps, operatorId, actId)
  const run = await deps.db.selectFrom('retention_runs').select(['by_schedule', 'started_by']).where('operator_id', '=', operatorId).where('run_id', '=', act.runId).executeTakeFirstOrThrow()
  let signature: Parameters<typeof renderActPdf>[0]['signature'] = null
  if (act.signedBy !== null && act.signedAt !== null) {
    const staffId = act.signedBy.startsWith('staff:') ? act.signedBy.slice('staff:'.length) : undefined
    const staff = staffId
      ? await deps.db.selectFrom('staff_users').select('display_name').where('operator_id', '=', operatorId).where('staff_id', '=', staffId).executeTakeFirst()
      : undefined
    signature = { signer: staff ? `${staff.display_name} (${act.signedBy})` : act.signedBy, signedAt: new Date(act.signedAt) }
    // An EDS-signed act shows whose certificate signed it (its subject, with the IIN) and which certificate.
    if (act.eds) signature.eds = { subject: act.eds.subject, fingerprint: act.eds.certificate.fingerprintSha256, issuer: act.eds.certificate.issuer }
  }
  return renderActPdf({ content: act.content, contentHash: act.contentHash, run: { bySchedule: run.by_schedule, startedBy: run.started_by }, signature }, language)
}
