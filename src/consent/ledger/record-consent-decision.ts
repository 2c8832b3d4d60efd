import { randomUUID } from 'node:crypto'
import type { Transaction } from 'kysely'
import type { Database } from '../../db/index.ts'
import { DerbesError } from '../../errors/index.ts'
import { almatyDate } from '../../kz/index.ts'
import { consentTextHash, recordFailedSmsAttempt, verifyEvidence, type EvidenceInput } from '../evidence/index.ts'
import { appendConsentEvent } from './append-consent-event.ts'
import { buildConsentRecord, type Language } from './build-consent-record.ts'
import { consentExpiresAt } from './consent-term.ts'
import { resolveConsentScope, type ScopeRequest } from './consent-scope.ts'
import { chooseConsentingParty, lockSubject, representativesOf, type ConsentSubject } from './consenting-party.ts'
import type { LedgerDeps } from './ledger-deps.ts'
import { stateRowsOf, writeConsentState, type ConsentStateRow } from './project-consent-state.ts'
import { publishedForm } from './published-form.ts'
import type { ConsentRecord } from '../consent-record.ts'
import { sealForSubject } from './seal-record.ts'

/** A consent given, refused or re-affirmed on a form of the operator's published policy. */
export interface ConsentRequest extends ScopeRequest {
  operatorId: string
  subjectId: string
  formId: string
  /** The version shown; refused when it is not the current one (TTC-1.8). */
  formVersion?: number | undefined
  /** SHA-256 of the text shown, when the client computed it; refused when it differs. */
  textHash?: string | undefined
  language: Language
  evidence: EvidenceInput
  /** A representative consenting for the subject (KZK-1.13, TW-4.1, ESP-3); absent = the subject. */
  givenBy?: { representativeId: string } | undefined
  /** `api_key:<id>`, `staff:<id>` or `subject:<id>`. */
  recordedBy: string
}

export interface ConsentResult {
  eventId: string
  recordHash: string
  record: ConsentRecord
  /** The state rows the event set. */
  state: ConsentStateRow[]
}

export interface DecisionOptions {
  kind: 'given' | 'refused' | 'reaffirmed'
  /** The consent events this one answers (a re-affirmation). */
  previousEventIds?: readonly string[]
  /** Runs inside the transaction once the subject is locked, with the state rows about to be written. */
  check?: (trx: Transaction<Database>, subject: ConsentSubject, rows: readonly ConsentStateRow[]) => Promise<void>
  /** Evidence is optional for a refusal: declining proves itself. */
  evidence?: EvidenceInput | undefined
}

/**
 * Records a consent decision in one transaction — ledger row, state rows,
 * audit entry, outbox event — after checking it against the published form:
 * version and text, method, scope, who consents, the evidence. Anything
 * wrong rolls all of it back; only a wrong SMS code's attempt is counted.
 */
export async function recordConsentDecision(deps: LedgerDeps, request: ConsentRequest, options: DecisionOptions): Promise<ConsentResult> {
  const { operatorId, subjectId } = request
  const { policy, form } = await publishedForm(deps, operatorId, request.formId)
  const textHash = consentTextHash(form, request.language)
  if (request.formVersion !== undefined && request.formVersion !== form.version) {
    throw new DerbesError('DERBES_CONSENT_FORM_OUTDATED', `form '${form.id}' is at version ${form.version}`, [
      { pointer: '/body/formVersion', detail: `version ${request.formVersion} is not the current version ${form.version}` },
    ])
  }
  if (request.textHash !== undefined && request.textHash !== textHash) {
    throw new DerbesError('DERBES_CONSENT_FORM_OUTDATED', `the text shown is not the current text of form '${form.id}' in '${request.language}'`, [
      { pointer: '/body/textHash', detail: `expected ${textHash}` },
    ])
  }
  const evidence = options.evidence
  if (evidence && !form.methods.includes(evidence.method)) {
    throw new DerbesError('DERBES_CONSENT_METHOD_NOT_ALLOWED', `form '${form.id}' is consented by ${form.methods.join(', ')}`, [
      { pointer: '/body/evidence/method', detail: `'${evidence.method}' is not a method of form '${form.id}' (${form.methods.join(', ')})` },
    ])
  }
  const scope = resolveConsentScope(policy, form, request)

  try {
    return await deps.db.transaction().execute(async (trx) => {
      const now = deps.clock()
      const subject = await lockSubject(trx, operatorId, subjectId)
      const representatives = request.givenBy ? await representativesOf(trx, operatorId, subjectId) : []
      const givenBy = chooseConsentingParty(policy, form, subject, representatives, request.givenBy, almatyDate(now))
      // Inside the transaction: an SMS code is used up exactly when the consent is recorded.
      const verified = evidence ? await verifyEvidence(trx, deps, { operatorId, subjectId, textHash }, evidence) : undefined
      const eventId = randomUUID()
      const record = buildConsentRecord({
        eventId,
        kind: options.kind,
        policy,
        form,
        language: request.language,
        textHash,
        subject: { id: subjectId, kind: subject.kind },
        givenBy,
        scope,
        expiresAt: options.kind === 'refused' ? null : consentExpiresAt(form.term, now),
        method: verified?.method ?? null,
        evidence: verified?.summary ?? {},
        recordedAt: now,
        effectiveAt: now,
        recordedBy: request.recordedBy,
        sealed: verified ? await sealForSubject(trx, deps.keys, operatorId, subjectId, eventId, verified.sealed) : null,
        ...(options.previousEventIds ? { previousEventIds: options.previousEventIds } : {}),
      })
      const rows = stateRowsOf(record, options.kind === 'refused' ? 'refused' : 'given', scope.foreignPurposes)
      await options.check?.(trx, subject, rows)
      const appended = await appendConsentEvent(trx, operatorId, record)
      await writeConsentState(trx, operatorId, subjectId, rows, now)
      return { ...appended, state: rows }
    })
  } catch (error) {
    // The rollback undid the count of a wrong SMS code's attempt; it must stand (no guessing codes one request at a time).
    await recordFailedSmsAttempt(deps.db, error)
    throw error
  }
}
