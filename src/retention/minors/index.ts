/**
 * Minors (issue 5 §4): subjects under the policy's minimum age without a
 * representative's consent are flagged and handled as the policy says —
 * TTC-10.4 deleted as soon as possible, KZK-1.13 blocked until a parent
 * consents. Retention runs take the due destructions from `findMinorsDue`.
 */
export { scanMinors, type MinorsScanResult } from './scan-minors.ts'
export { findMinorsDue, AGE_RULES_RULE_ID } from './find-minors-due.ts'
export { listMinorFlags, type MinorFlagView, type MinorFlagPage, type ListMinorFlagsQuery } from './list-minor-flags.ts'
export { minorRules, MINOR_FLAG_REASONS, MINOR_FLAG_HANDLINGS, MINOR_FLAG_CLEARED_REASONS, type MinorRules } from './minor-rules.ts'
export { minorsRoutes } from './minors-routes.ts'
export { startMinorsScanJob, MINORS_SCAN_ACTOR } from './start-minors-scan-job.ts'
export type { MinorsDeps } from './minors-deps.ts'
export type { MinorsTables } from './minors-tables.ts'
