/**
 * The subject's portal API (issue 4 item 2, issue 6 item 2): sign-in with a
 * one-time code sent to a registered phone (SMS outbox) or e-mail (e-mail
 * outbox), subject sessions (`dss.` tokens), and what a signed-in subject —
 * or its representative — does for itself: see its data, submit and follow
 * requests, give and withdraw consents with the consequences shown first.
 * Other modules use it through this file.
 */
export { portalRoutes, type PortalOptions } from './portal-routes.ts'
export type { PortalDeps } from './portal-deps.ts'
export type { PortalTables, PortalSignInCodesTable, PortalSessionsTable, SignInIdentifierKind } from './portal-tables.ts'
export { startSignIn, type SignInStart, type SignInChallenge } from './start-sign-in.ts'
export { verifySignIn, type SignInVerification } from './verify-sign-in.ts'
export { verifySubjectSession, endSubjectSession, SUBJECT_SESSION_IDLE_MS, SUBJECT_SESSION_LIFETIME_MS, type SubjectSession, type OpenedSubjectSession } from './subject-sessions.ts'
export { requireSubjectSession, subjectSessionOf } from './subject-session-guard.ts'
export { SIGN_IN_CODE_TTL_MINUTES, SIGN_IN_MAX_ATTEMPTS, SIGN_IN_MAX_PER_HOUR } from './sign-in-code.ts'
export { previewWithdrawal, type WithdrawalPreview } from './withdrawal-preview.ts'
