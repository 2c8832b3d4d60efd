import { DerbesError } from '../../errors/index.ts'
import { consentTextHash, type EvidenceInput } from '../evidence/index.ts'
import type { Language } from './build-consent-record.ts'
import type { LedgerDeps } from './ledger-deps.ts'
import { readConsentState } from './project-consent-state.ts'
import { publishedForm } from './published-form.ts'
import { getConsentEvent } from './read-consents.ts'
import { recordConsentDecision, type ConsentResult } from './record-consent-decision.ts'

export interface ReaffirmRequest {
  operatorId: string
  subjectId: string
  /** The consent in force to carry over to the current form version. */
  eventId: string
  language?: Language | undefined
  formVersion?: number | undefined
  textHash?: string | undefined
  evidence: EvidenceInput
  /** Defaults to whoever gave the original consent. */
  givenBy?: { representativeId: string } | undefined
  recordedBy: string
}

/**
 * Re-affirms a consent in force on the form's newer version: a 'reaffirmed'
 * event answering `eventId`, with the purposes and channels still consented
 * under it that the current form still has, and the state rows moved to the
 * current version (so decisions that demand the newest text allow again).
 *
 * @example
 * await reaffirmConsent(deps, { operatorId: 'ttc', subjectId, eventId, evidence: { method: 'checkbox' }, recordedBy: 'api_key:web' })
 */
export async function reaffirmConsent(deps: LedgerDeps, request: ReaffirmRequest): Promise<ConsentResult> {
  const { operatorId, subjectId, eventId } = request
  const event = await getConsentEvent(deps.db, operatorId, eventId)
  if (event.subjectId !== subjectId || (event.kind !== 'given' && event.kind !== 'reaffirmed') || !event.formId) {
    throw new DerbesError('DERBES_CONSENT_NOT_FOUND', `subject '${subjectId}' has no given consent '${eventId}'`)
  }
  const { form } = await publishedForm(deps, operatorId, event.formId, '/params/eventId')
  const language = request.language ?? event.record.form.language
  if (form.version === event.formVersion && consentTextHash(form, language) === event.record.form.textHash) {
    throw new DerbesError('DERBES_CONSENT_ALREADY_CURRENT', `consent '${eventId}' is on version ${form.version} of form '${form.id}', the current one`)
  }
  const inForce = (await readConsentState(deps.db, operatorId, subjectId, ['given'])).filter((r) => r.eventId === eventId && form.purposes.includes(r.purposeId))
  if (inForce.length === 0) throw new DerbesError('DERBES_CONSENT_NOT_ACTIVE', `nothing consented under '${eventId}' is in force on the current form '${form.id}'`)
  const purposes = form.purposes.filter((id) => inForce.some((r) => r.purposeId === id))
  const channels: Record<string, string[]> = {}
  for (const r of inForce) if (r.channel !== '') (channels[r.purposeId] ??= []).push(r.channel)
  const allowed = form.crossBorder?.allowed === true ? event.record.crossBorder.countries.filter((c) => !form.crossBorder?.countries || form.crossBorder.countries.includes(c)) : []
  const original = event.record.givenBy
  return recordConsentDecision(
    deps,
    {
      operatorId,
      subjectId,
      formId: form.id,
      formVersion: request.formVersion,
      textHash: request.textHash,
      language,
      purposes,
      channels,
      countries: allowed,
      evidence: request.evidence,
      givenBy: request.givenBy ?? (original.kind === 'representative' ? { representativeId: original.representativeId } : undefined),
      recordedBy: request.recordedBy,
    },
    {
      kind: 'reaffirmed',
      evidence: request.evidence,
      previousEventIds: [eventId],
      check: async (trx) => {
        const still = (await readConsentState(trx, operatorId, subjectId, ['given'])).filter((r) => r.eventId === eventId && form.purposes.includes(r.purposeId))
        if (still.length !== inForce.length) throw new DerbesError('DERBES_CONSENT_NOT_ACTIVE', `consent '${eventId}' changed while it was being re-affirmed`)
      },
    },
  )
}
