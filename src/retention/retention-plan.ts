import type { BusinessCalendar } from '../kz/index.ts'
import type { CompiledPolicy, RetentionRule, RetentionTrigger } from '../policy/index.ts'
import { termCutoff } from './retention-term.ts'

/**
 * What one purpose and one category of data are bound by: the purpose's own
 * rule and every rule written for the category (policy `categories`). The
 * earliest due of them wins — the strictest (issue 5 §1).
 */
export function rulesFor(policy: CompiledPolicy, purposeId: string, categoryId: string | undefined): RetentionRule[] {
  const own = policy.purposes.get(purposeId)?.retentionRule
  const byCategory = categoryId === undefined ? [] : [...policy.retention.values()].filter((r) => r.categories?.includes(categoryId))
  return own ? [own, ...byCategory.filter((r) => r !== own)] : byCategory
}

/** One row of the plan the sweep's SQL joins with: per purpose and category, the latest trigger instant that is due, per trigger. */
export interface PlanRow {
  purpose_id: string
  category_id: string
  /** Per trigger: a trigger at or before this instant has run its term out (null: the trigger does not end this data). */
  cutoffs: Partial<Record<RetentionTrigger, string>>
  /** A statutory minimum (TTC-4.1.11): counted from `s_from`, still running when that date is after `s_cutoff`. */
  s_from: RetentionTrigger | null
  s_cutoff: string | null
}

export interface RetentionPlan {
  rows: PlanRow[]
  /** item id → category id, from the policy's list (Тізбе). */
  itemCategories: { item_id: string; category_id: string }[]
}

/**
 * The policy's retention rules turned into data for one evaluation time: the
 * business-day and calendar arithmetic is done here, once per rule, so the
 * SQL only compares each subject's trigger dates with parameters.
 */
export function retentionPlan(policy: CompiledPolicy, asOf: Date, calendar: BusinessCalendar): RetentionPlan {
  const cutoffOf = new Map<RetentionRule, string | null>()
  const cutoff = (rule: RetentionRule) => {
    if (!cutoffOf.has(rule)) cutoffOf.set(rule, rule.keep === 'unlimited' ? null : termCutoff({ keep: rule.keep, unit: rule.keepUnit }, asOf, calendar).toISOString())
    return cutoffOf.get(rule) ?? null
  }
  const rows: PlanRow[] = []
  for (const purpose of policy.purposes.values()) {
    for (const categoryId of policy.categories.keys()) {
      const row: PlanRow = { purpose_id: purpose.id, category_id: categoryId, cutoffs: {}, s_from: null, s_cutoff: null }
      for (const rule of rulesFor(policy, purpose.id, categoryId)) {
        const c = cutoff(rule)
        if (c !== null) {
          for (const trigger of rule.triggers) {
            const before = row.cutoffs[trigger]
            if (before === undefined || before < c) row.cutoffs[trigger] = c
          }
        }
        if (rule.statutoryMinimum && row.s_from === null) {
          row.s_from = rule.statutoryMinimum.from
          row.s_cutoff = termCutoff({ keep: rule.statutoryMinimum.keep }, asOf, calendar).toISOString()
        }
      }
      rows.push(row)
    }
  }
  const itemCategories = [...policy.items.values()].map((item) => ({ item_id: item.id, category_id: item.categoryId }))
  return { rows, itemCategories }
}

/** The plan as the flat records `jsonb_to_recordset` reads. */
export function planRecords(plan: RetentionPlan): Record<string, string | null>[] {
  return plan.rows.map((row) => ({
    purpose_id: row.purpose_id,
    category_id: row.category_id,
    c_collection: row.cutoffs.collection ?? null,
    c_relationship_end: row.cutoffs.relationship_end ?? null,
    c_contract_end: row.cutoffs.contract_end ?? null,
    c_account_closed: row.cutoffs.account_closed ?? null,
    c_deletion_request: row.cutoffs.deletion_request ?? null,
    c_consent_withdrawn: row.cutoffs.consent_withdrawn ?? null,
    c_consent_expired: row.cutoffs.consent_expired ?? null,
    c_purpose_achieved: row.cutoffs.purpose_achieved ?? null,
    s_from: row.s_from,
    s_cutoff: row.s_cutoff,
  }))
}
