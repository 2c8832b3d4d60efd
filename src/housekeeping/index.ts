/**
 * Housekeeping: what Derbes keeps only to work — sessions, one-time codes,
 * sent service mail, delivered events — removed once past keeping, per
 * operator, audited. The policy's own data is retention/'s.
 */
export { DEFAULT_HOUSEKEEPING_PERIODS, housekeepingPeriods, type HousekeepingPeriods } from './housekeeping-periods.ts'
export { PRUNABLE_KINDS, type PrunableKind } from './prunable.ts'
export { pruneOperator, runHousekeeping, type HousekeepingDeps, type HousekeepingOutcome } from './run-housekeeping.ts'
export { startHousekeepingJob, HOUSEKEEPING_ACTOR } from './start-housekeeping-job.ts'
