import { formatCountry, ITEM_KIND_LABELS, SENSITIVITY_LABELS, SOURCE_LABELS, SUBJECT_ROLE_LABELS, t } from '../render/index.ts'
import type { LocalizedText } from '../schema/index.ts'
import { compareList, compareValue, entity, field, pair, recordAdded, recordRemoved, recordSentence, withUsedBy, yesNo, type DiffContext } from './diff-context.ts'
import { inheritedItemChanges } from './inherited-items.ts'

/**
 * Subject kinds, categories and data items (the list, Тізбе): added, removed,
 * renamed, re-sourced. An item that joins a category names the purposes it now
 * serves.
 */
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
  // Purposes taking a category whole gain what joins it: named here once, not repeated by each purpose.
  const fromCategories = inheritedItemChanges(ctx).filter((change) => change.gained)
  const usedBy = (itemId: string) => [...after.purposes.values()].filter((purpose) => purpose.itemIds.includes(itemId)).map((purpose) => purpose.id)
  // More data under a consent means asking again (art. 8(4)(7)), as when a purpose lists the item itself.
  const reconsentNeeded = (itemId: string) => fromCategories.some((change) => change.itemId === itemId && change.purpose.basis === 'consent') || undefined

  const items = pair(before.items.values(), after.items.values())
  for (const item of items.added) {
    const added = t(lang, 'diffAdded', { entity: entity(ctx, 'items', `${text(item.name)} (${categoryName(item.categoryId)})`) })
    recordSentence(ctx, { kind: 'added', area: 'items', id: item.id, reconsentNeeded: reconsentNeeded(item.id) }, withUsedBy(ctx, added, usedBy(item.id)))
  }
  for (const item of items.removed) recordRemoved(ctx, 'items', item.id, `${text(item.name)} (${categoryName(item.categoryId)})`)
  for (const [old, now] of items.kept) {
    const name = text(now.name)
    compareValue(ctx, 'items', now.id, name, 'name', text(old.name), text(now.name), String)
    if (old.categoryId !== now.categoryId) {
      const [was, is] = [categoryName(old.categoryId), categoryName(now.categoryId)]
      const moved = t(lang, 'diffChanged', { entity: entity(ctx, 'items', name), field: field(ctx, 'category'), before: was, after: is })
      const change = { area: 'items', id: now.id, field: 'category', before: was, after: is, reconsentNeeded: reconsentNeeded(now.id) } as const
      recordSentence(ctx, change, withUsedBy(ctx, moved, usedBy(now.id)))
    }
    compareValue(ctx, 'items', now.id, name, 'kind', old.kind, now.kind, (kind: typeof now.kind) => ITEM_KIND_LABELS[kind][lang])
    compareValue(ctx, 'items', now.id, name, 'sensitivity', old.sensitivity ?? 'ordinary', now.sensitivity ?? 'ordinary', (s: NonNullable<typeof now.sensitivity>) => SENSITIVITY_LABELS[s][lang])
    compareList(ctx, 'items', now.id, name, 'sources', old.sources.map((s) => SOURCE_LABELS[s][lang]), now.sources.map((s) => SOURCE_LABELS[s][lang]))
    compareValue(ctx, 'items', now.id, name, 'optional', old.optional ?? false, now.optional ?? false, (v: boolean) => yesNo(ctx, v))
  }
}
