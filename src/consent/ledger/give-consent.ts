import type { LedgerDeps } from './ledger-deps.ts'
import { recordConsentDecision, type ConsentRequest, type ConsentResult } from './record-consent-decision.ts'

/**
 * Records a consent given on a form of the operator's published policy: the
 * form's current version and the exact text shown (TTC-1.8), a method the
 * form allows with its verified evidence (TTC-1.6, App.2 §2; KZK-2.3.4),
 * purposes of the form, channels per marketing purpose (ESP-2), recipients
 * and countries (art. 8(4)(4)–(6)), the term (art. 8(5)–(6)), and who
 * consents — the subject, or for a minor or incapable person a
 * representative (KZK-1.13, TW-4.1; ESP-3 attorney). A new 'given' after a
 * withdrawal is a re-consent (ESP-9).
 *
 * @example
 * await giveConsent(deps, {
 *   operatorId: 'esp', subjectId, formId: 'marketing-messages', language: 'kk',
 *   channels: { advertising: ['sms'] }, evidence: { method: 'checkbox', checkedAt: '2026-12-02T10:00:00+05:00' },
 *   recordedBy: 'api_key:crm',
 * })
 */
export async function giveConsent(deps: LedgerDeps, request: ConsentRequest): Promise<ConsentResult> {
  return recordConsentDecision(deps, request, { kind: 'given', evidence: request.evidence })
}
