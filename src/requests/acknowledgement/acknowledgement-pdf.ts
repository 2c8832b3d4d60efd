import { appendAudit } from '../../audit/index.ts'
import { getPublishedVersion } from '../../operators/index.ts'
import type { Language } from '../../policy/index.ts'
import { renderAnswerPdf } from '../answers/index.ts'
import { getRequest } from '../get-request.ts'
import type { RequestsDeps } from '../requests-deps.ts'
import { composeAcknowledgement } from './compose-acknowledgement.ts'

/**
 * The acknowledgement of a request as a PDF (Kazakh letters embedded), in the
 * request's language unless another is asked for. Issued now, under the
 * published policy; the reading is audited (`view`, document
 * `request_acknowledgement`) in the same transaction, with the reader's actor.
 *
 * @example
 * const { reference, pdf } = await requestAcknowledgementPdf(deps, 'esp', requestId, 'staff:…')
 */
export async function requestAcknowledgementPdf(
  deps: Pick<RequestsDeps, 'db' | 'clock' | 'calendar'>,
  operatorId: string,
  requestId: string,
  actor: string,
  language?: Language,
): Promise<{ reference: string; pdf: Buffer }> {
  const { compiled: policy } = await getPublishedVersion(deps, operatorId)
  const issuedAt = deps.clock()
  const request = await deps.db.transaction().execute(async (trx) => {
    const found = await getRequest({ ...deps, db: trx }, operatorId, requestId)
    await appendAudit(trx, { operatorId, at: issuedAt, actor, action: 'view', subjectId: found.subjectId, details: { document: 'request_acknowledgement', requestId, reference: found.reference } })
    return found
  })
  return { reference: request.reference, pdf: await renderAnswerPdf(composeAcknowledgement(policy, request, issuedAt, language)) }
}
