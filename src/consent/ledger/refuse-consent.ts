import { DerbesError } from '../../errors/index.ts'
import type { EvidenceInput } from '../evidence/index.ts'
import type { LedgerDeps } from './ledger-deps.ts'
import { readConsentState } from './project-consent-state.ts'
import { recordConsentDecision, type ConsentRequest, type ConsentResult } from './record-consent-decision.ts'

export type RefusalRequest = Omit<ConsentRequest, 'evidence'> & { evidence?: EvidenceInput | undefined }

/**
 * Records that the subject declined a form or some of its purposes (or
 * channels): a 'refused' event and state. A consent in force is not refused
 * but withdrawn — with the form's channels, notice and blockers (TTC-9,
 * art. 8(2)) — so refusing one is `DERBES_CONSENT_ALREADY_GIVEN`.
 *
 * @example
 * await refuseConsent(deps, { operatorId: 'esp', subjectId, formId: 'marketing-messages', language: 'ru', recordedBy: 'api_key:web' })
 */
export async function refuseConsent(deps: LedgerDeps, request: RefusalRequest): Promise<ConsentResult> {
  return recordConsentDecision(deps, request as ConsentRequest, {
    kind: 'refused',
    evidence: request.evidence,
    check: async (trx, subject, rows) => {
      const inForce = await readConsentState(trx, request.operatorId, subject.subjectId, ['given', 'withdrawal_pending'])
      const clash = inForce.filter((s) => rows.some((r) => r.purposeId === s.purposeId && r.channel === s.channel))
      if (clash.length > 0) {
        throw new DerbesError(
          'DERBES_CONSENT_ALREADY_GIVEN',
          `consent is in force for ${clash.map((c) => (c.channel ? `${c.purposeId}/${c.channel}` : c.purposeId)).join(', ')}: withdraw it instead`,
          [{ pointer: '/body/purposes', detail: 'a consent in force ends by withdrawal (POST …/consents/withdraw)' }],
        )
      }
    },
  })
}
