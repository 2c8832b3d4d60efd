/**
 * Consent evidence (issue 3 item 4): how a consent was obtained and its
 * proof — a ticked box, registration or continued use (TTC-1.6), an SMS code
 * Derbes sends and checks itself (ESP-4, KZK-2.3.4), an EDS-signed document
 * (CMS, TTC-1.6, App.2 §2), a signed paper form's scan hash, a recorded
 * call's reference, a state or non-state service (art. 8(1)).
 */
export { EvidenceInputSchema, type EvidenceInput, type VerifiedEvidence } from './evidence-input.ts'
export { verifyEvidence, type EvidenceDeps } from './verify-evidence.ts'
export { consentText, consentTextHash } from './consent-text.ts'
export { checkEvidenceShape } from './check-evidence-shape.ts'
export { createSmsChallenge, SMS_CODE_TTL_MINUTES, SMS_MAX_ATTEMPTS, SMS_MAX_PER_HOUR, type SmsChallenge, type SmsChallengeRequest } from './create-sms-challenge.ts'
export { SmsCodeWrongError, recordFailedSmsAttempt, countFailedSmsAttempts } from './sms-code-wrong-error.ts'
export { outboxSmsGateway, type SmsGateway, type SmsMessage } from './sms-gateway.ts'
export { pendingSmsMessages, markSmsSent, type PendingSms } from './sms-outbox.ts'
export { matchSigner, type SignerMatch } from './eds-signer-match.ts'
export { loadEdsTrustDirectory, edsTrustFromEnvironment, DEFAULT_EDS_TRUST_DIR, type EdsTrustStore } from '../../eds/eds-trust-store.ts'
export { evidenceRoutes } from './evidence-routes.ts'
