import type { CompiledPurpose } from '../compiled-policy.ts'
import { decapitalize, formatDuration, formatRetention, retentionAfter, t } from '../render/index.ts'
import type { RetentionRule } from '../schema/index.ts'
import { compareValue, entity, pair, recordAdded, recordRemoved, recordSentence, same, withUsedBy, type DiffContext } from './diff-context.ts'

/** True when two rules differ in their period alone, so "kept 10 years → 5 years after …" says it all. */
function onlyPeriodMoved(a: RetentionRule, b: RetentionRule): boolean {
  const rest = (rule: RetentionRule) => ({ ...rule, keep: null, id: null, name: null, clauses: null })
  return same(rest(a), rest(b)) && a.keep !== 'unlimited' && b.keep !== 'unlimited'
}

/** A rule's words inside a sentence: "kept 10 years after …, then destroyed". */
function inSentence(text: string): string {
  return decapitalize(text).replace(/\.$/, '')
}

/**
 * Retention rules added, removed or changed (art. 12(2), 18). A changed rule is
 * told once, in area `retention`, naming the purposes that use it — not once
 * for each of them.
 *
 * @example
 * // TW's one rule goes from P0D to P30D:
 * // "Retention rule “Until the user withdraws consent …”: kept 0 days → 30 days after …; used by purposes “A”, “B” …"
 */
export function diffRetentionRules(ctx: DiffContext): void {
  const { lang, before, after } = ctx
  const rules = pair(before.retention.values(), after.retention.values())
  for (const rule of rules.added) recordAdded(ctx, 'retention', rule.id, rule.name[lang], { after: formatRetention(lang, rule) })
  for (const rule of rules.removed) recordRemoved(ctx, 'retention', rule.id, rule.name[lang], { before: formatRetention(lang, rule) })
  for (const [old, now] of rules.kept) {
    const name = now.name[lang]
    compareValue(ctx, 'retention', now.id, name, 'name', old.name[lang], name, String)
    const was = formatRetention(lang, old)
    const is = formatRetention(lang, now)
    if (was === is) continue
    const change = onlyPeriodMoved(old, now)
      ? t(lang, 'diffRetentionKeep', {
          entity: entity(ctx, 'retention', name),
          before: formatDuration(lang, old.keep),
          after: formatDuration(lang, now.keep),
          after_trigger: retentionAfter(lang, now.triggers),
        })
      : t(lang, 'diffChangedTo', { entity: entity(ctx, 'retention', name), before: inSentence(was), after: inSentence(is) })
    const usedBy = [...after.purposes.values()].filter((purpose) => purpose.retention === now.id).map((purpose) => purpose.id)
    recordSentence(ctx, { area: 'retention', id: now.id, field: 'retention', before: was, after: is }, withUsedBy(ctx, change, usedBy))
  }
}

/**
 * A purpose moved to another retention rule, with both rules in words. A rule
 * that changes under its purposes is diffRetentionRules' to tell.
 */
export function diffPurposeRetention(ctx: DiffContext, old: CompiledPurpose, now: CompiledPurpose): void {
  const { lang } = ctx
  if (old.retention === now.retention) return
  const a = old.retentionRule
  const b = now.retentionRule
  const before = formatRetention(lang, a)
  const after = formatRetention(lang, b)
  // Another rule in the same words changes nothing a subject reads.
  if (before === after) return
  const name = now.name[lang]
  if (!onlyPeriodMoved(a, b)) {
    compareValue(ctx, 'purposes', now.id, name, 'retention', before, after, String)
    return
  }
  const summary = t(lang, 'diffRetentionKeep', {
    entity: entity(ctx, 'purposes', name),
    before: formatDuration(lang, a.keep),
    after: formatDuration(lang, b.keep),
    after_trigger: retentionAfter(lang, b.triggers),
  })
  recordSentence(ctx, { area: 'purposes', id: now.id, field: 'retention', before, after }, summary)
}
