import type { BusinessCalendar } from '../kz/index.ts'
import type { CompiledPolicy, RetentionRule, RetentionTrigger } from '../policy/index.ts'
import { termCutoff } from './retention-term.ts'

/**
 * What one purpose and one category of data are bound by: the purpose's own
 * rule and every rule written for the category (policy `categories`). The
 * earliest due of them wins — the strictest (issue 5 §1). Worked out once per
 * compiled policy, purpose and category: a sweep asks for every item it reads.
 */
export function rulesFor(policy: CompiledPolicy, purposeId: string, categoryId: string | undefined): readonly RetentionRule[] {
  let byPurpose = RULES.get(policy)
  if (!byPurpose) RULES.set(policy, (byPurpose = new Map()))
  let byCategory = byPurpose.get(purposeId)
  if (!byCategory) byPurpose.set(purposeId, (byCategory = new Map()))
  let rules = byCategory.get(categoryId)
  if (!rules) {
    const own = policy.purposes.get(purposeId)?.retentionRule
    const ofCategory = categoryId === undefined ? [] : [...policy.retention.values()].filter((r) => r.categories?.includes(categoryId))
    rules = Object.freeze(own ? [own, ...ofCategory.filter((r) => r !== own)] : ofCategory)
    byCategory.set(categoryId, rules)
  }
  return rules
}

const RULES = new WeakMap<CompiledPolicy, Map<string, Map<string | undefined, readonly RetentionRule[]>>>()

/** Per trigger, the latest instant a trigger may have happened at and still have run some rule's term out. */
export type RetentionCutoffs = Partial<Record<RetentionTrigger, Date>>

/**
 * The policy's retention rules turned into one date per trigger for one
 * evaluation time, over every rule that binds a purpose and a category: a
 * subject none of whose trigger dates is at or before its trigger's cutoff is
 * due under no rule, whatever its items. The business-day and calendar
 * arithmetic is done here, once per rule, so the sweep's SQL only compares
 * dates with parameters (`termCutoff` is exact: `termEndsAt` is monotonic in
 * the trigger's day).
 */
export function retentionCutoffs(policy: CompiledPolicy, asOf: Date, calendar: BusinessCalendar): RetentionCutoffs {
  const ofRule = new Map<RetentionRule, Date | null>()
  const cutoffs: RetentionCutoffs = {}
  for (const purpose of policy.purposes.values()) {
    for (const categoryId of policy.categories.keys()) {
      for (const rule of rulesFor(policy, purpose.id, categoryId)) {
        if (!ofRule.has(rule)) ofRule.set(rule, rule.keep === 'unlimited' ? null : termCutoff({ keep: rule.keep, unit: rule.keepUnit }, asOf, calendar))
        const cutoff = ofRule.get(rule)
        if (!cutoff) continue
        for (const trigger of rule.triggers) {
          const before = cutoffs[trigger]
          if (before === undefined || before.getTime() < cutoff.getTime()) cutoffs[trigger] = cutoff
        }
      }
    }
  }
  return cutoffs
}
