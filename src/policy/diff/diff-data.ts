import { formatCountry, formatRetention, ITEM_KIND_LABELS, SENSITIVITY_LABELS, SOURCE_LABELS, SUBJECT_ROLE_LABELS } from '../render/index.ts'
import type { LocalizedText } from '../schema/index.ts'
import { compareList, compareValue, pair, recordAdded, recordRemoved, yesNo, type DiffContext } from './diff-context.ts'

/** Subject kinds, categories and data items (the list, Тізбе): added, removed, renamed, re-sourced. */
export function diffData(ctx: DiffContext): void {
  const { lang, before, after } = ctx
  const text = (value: LocalizedText) => value[lang]

  const kinds = pair(before.subjectKinds.values(), after.subjectKinds.values())
  for (const kind of kinds.added) recordAdded(ctx, 'subject_kinds', kind.id, text(kind.name))
  for (const kind of kinds.removed) recordRemoved(ctx, 'subject_kinds', kind.id, text(kind.name))
  for (const [old, now] of kinds.kept) {
    const name = text(now.name)
    compareValue(ctx, 'subject_kinds', now.id, name, 'name', text(old.name), text(now.name), String)
    compareValue(ctx, 'subject_kinds', now.id, name, 'role', old.role, now.role, (role: NonNullable<typeof now.role>) => SUBJECT_ROLE_LABELS[role][lang])
    compareValue(ctx, 'subject_kinds', now.id, name, 'min_age', old.minAge, now.minAge, String)
    compareValue(ctx, 'subject_kinds', now.id, name, 'minor', old.minor, now.minor, (v: boolean) => yesNo(ctx, v))
    compareList(ctx, 'subject_kinds', now.id, name, 'citizenship', old.citizenship?.map((c) => formatCountry(lang, c)), now.citizenship?.map((c) => formatCountry(lang, c)))
  }

  const categories = pair(before.categories.values(), after.categories.values())
  for (const category of categories.added) recordAdded(ctx, 'categories', category.id, text(category.name))
  for (const category of categories.removed) recordRemoved(ctx, 'categories', category.id, text(category.name))
  for (const [old, now] of categories.kept) compareValue(ctx, 'categories', now.id, text(now.name), 'name', text(old.name), text(now.name), String)

  const categoryName = (id: string) => {
    const category = after.categories.get(id) ?? before.categories.get(id)
    return category ? text(category.name) : id
  }
  const items = pair(before.items.values(), after.items.values())
  for (const item of items.added) recordAdded(ctx, 'items', item.id, `${text(item.name)} (${categoryName(item.categoryId)})`)
  for (const item of items.removed) recordRemoved(ctx, 'items', item.id, `${text(item.name)} (${categoryName(item.categoryId)})`)
  for (const [old, now] of items.kept) {
    const name = text(now.name)
    compareValue(ctx, 'items', now.id, name, 'name', text(old.name), text(now.name), String)
    compareValue(ctx, 'items', now.id, name, 'category', old.categoryId, now.categoryId, categoryName)
    compareValue(ctx, 'items', now.id, name, 'kind', old.kind, now.kind, (kind: typeof now.kind) => ITEM_KIND_LABELS[kind][lang])
    compareValue(ctx, 'items', now.id, name, 'sensitivity', old.sensitivity ?? 'ordinary', now.sensitivity ?? 'ordinary', (s: NonNullable<typeof now.sensitivity>) => SENSITIVITY_LABELS[s][lang])
    compareList(ctx, 'items', now.id, name, 'sources', old.sources.map((s) => SOURCE_LABELS[s][lang]), now.sources.map((s) => SOURCE_LABELS[s][lang]))
    compareValue(ctx, 'items', now.id, name, 'optional', old.optional ?? false, now.optional ?? false, (v: boolean) => yesNo(ctx, v))
  }
}

/**
 * Retention rules added or removed. A changed rule is told through each purpose
 * that uses it (diff-purposes.ts), which is what the reader cares about; only a
 * rule no purpose uses is reported here.
 */
export function diffRetentionRules(ctx: DiffContext): void {
  const { lang, before, after } = ctx
  const rules = pair(before.retention.values(), after.retention.values())
  for (const rule of rules.added) recordAdded(ctx, 'retention', rule.id, rule.name[lang], { after: formatRetention(lang, rule) })
  for (const rule of rules.removed) recordRemoved(ctx, 'retention', rule.id, rule.name[lang], { before: formatRetention(lang, rule) })
  const used = new Set([...after.purposes.values()].map((purpose) => purpose.retention))
  for (const [old, now] of rules.kept) {
    if (used.has(now.id)) continue
    compareValue(ctx, 'retention', now.id, now.name[lang], 'retention', formatRetention(lang, old), formatRetention(lang, now), String)
  }
}
