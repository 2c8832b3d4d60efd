import { appendAudit } from '../audit/index.ts'
import { buildReceipt, renderReceiptPdf } from '../consent/receipt/index.ts'
import { DerbesError } from '../errors/index.ts'
import type { Language } from '../policy/index.ts'
import type { ActingFor } from './acting-for.ts'
import type { PortalDeps } from './portal-deps.ts'
import type { SubjectSession } from './subject-sessions.ts'

/**
 * The signed receipt of one of the subject's own consent events as a PDF, for
 * the subject (or its representative) in the portal — proof of what they
 * agreed to or withdrew, in their language (art. 8(4), issue 6 §2). An event of
 * any other subject is `DERBES_CONSENT_NOT_FOUND`, the same as one that does
 * not exist, so ids cannot be probed. The reading is audited in the same
 * transaction, as the subject's own `view` through the portal.
 *
 * @example
 * const { pdf } = await ownConsentReceiptPdf(deps, session, { subjectId: session.subjectId, representative: null }, eventId, 'kk')
 */
export async function ownConsentReceiptPdf(deps: PortalDeps, session: SubjectSession, target: ActingFor, eventId: string, language?: Language): Promise<{ pdf: Buffer }> {
  const signed = await deps.db.transaction().execute(async (trx) => {
    const receipt = await buildReceipt({ ...deps, db: trx }, session.operatorId, eventId).catch((error: unknown) => {
      throw error instanceof DerbesError && error.code === 'DERBES_CONSENT_NOT_FOUND' ? notFound(eventId) : error
    })
    if (receipt.receipt.record.subject.id !== target.subjectId) throw notFound(eventId)
    await appendAudit(trx, {
      operatorId: session.operatorId,
      at: new Date(receipt.receipt.issuedAt),
      actor: session.actor,
      action: 'view',
      subjectId: target.subjectId,
      details: {
        via: 'portal',
        document: 'consent_receipt',
        consentEventId: eventId,
        reader: target.representative ? 'representative' : 'subject',
        sessionId: session.sessionId,
        ...(target.representative ? { representativeId: target.representative.representativeId, relation: target.representative.relation } : {}),
      },
    })
    return receipt
  })
  return { pdf: await renderReceiptPdf(signed, language ?? signed.receipt.record.form.language) }
}

function notFound(eventId: string): DerbesError {
  return new DerbesError('DERBES_CONSENT_NOT_FOUND', `none of your consent events is '${eventId}'`, [{ pointer: '/params/eventId', detail: 'not a consent event of yours' }])
}
