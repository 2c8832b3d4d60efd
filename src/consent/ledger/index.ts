/**
 * The consent ledger: what other modules call. Records are ISO/IEC TS 27560
 * and art. 8(4) records, hashed into the audit log; `consent_state` is the
 * projection decisions read (one row per subject, purpose and channel).
 */
export type { LedgerDeps } from './ledger-deps.ts'
export { giveConsent } from './give-consent.ts'
export { refuseConsent, type RefusalRequest } from './refuse-consent.ts'
export type { ConsentRequest, ConsentResult } from './record-consent-decision.ts'
export { withdrawConsent, type WithdrawalRequest, type WithdrawalResult } from './withdraw-consent.ts'
export { withdrawalBlockers, withdrawalEffectiveAt, type WithdrawalRefusalReason } from './withdrawal-rules.ts'
export { reaffirmConsent, type ReaffirmRequest } from './reaffirm-consent.ts'
export { applyDueWithdrawals } from './apply-due-withdrawals.ts'
export { expireConsents } from './expire-consents.ts'
export { importConsents, type ImportConsentInput } from './import-consents.ts'
export { openObligation, fulfilObligation, listObligations, type Obligation, type ObligationInput } from './obligations.ts'
export { recordCookieConsent, currentCookieConsent, type CookieChoice, type CookieChoiceInput } from './cookie-consent.ts'
export { getConsentEvent, listSubjectConsents, type ConsentEventView, type SubjectConsents } from './read-consents.ts'
export { readConsentState, type ConsentStateRow } from './project-consent-state.ts'
export { buildConsentRecord, serializeConsentRecord, consentRecordHash, type SerializedRecord } from './build-consent-record.ts'
export { canonicalRecordJson } from './canonical-record-json.ts'
export { isPerChannel } from './consent-scope.ts'
