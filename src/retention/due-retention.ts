import type { RetentionTrigger } from '../policy/index.ts'

/**
 * What retention does to a subject's data when its term ends (TW-9.8: block,
 * then destroy within a limit; PS-6.2: anonymise, then destroy; TTC-6.5:
 * destroy or anonymise).
 */
export const RETENTION_STEPS = ['block', 'anonymise', 'destroy'] as const
export type RetentionStep = (typeof RETENTION_STEPS)[number]

/**
 * One step of retention that is due for a subject at the evaluation time:
 * the evaluation (`find-due-retention.ts`) produces it, a run executes it.
 * Without `itemIds` the step concerns the whole subject; with them, only those
 * items of the list, because other purposes still need the rest.
 */
export interface DueRetention {
  subjectId: string
  /** The policy's retention rule that decided it (the strictest that applies). */
  ruleId: string
  step: RetentionStep
  /** The trigger whose clock ran out, and when that trigger happened. */
  trigger: RetentionTrigger
  triggeredAt: Date
  /** When the step became due. */
  dueAt: Date
  itemIds?: string[]
  /**
   * By when the step must be done, where the policy says: TW-9.7 destroy within
   * 15 days of the purpose; TW-9.8 once blocked, destroy within 6 months.
   */
  deadlineAt?: Date
  /** The clauses of the rule, for the run's record and the destruction act. */
  clauses: string[]
}

/** Why data whose term has ended is kept anyway; a hold is visible with its reason. */
export const HOLD_REASONS = ['unfulfilled_obligation', 'dispute', 'statutory', 'open_request', 'manual'] as const
export type HoldReason = (typeof HOLD_REASONS)[number]
