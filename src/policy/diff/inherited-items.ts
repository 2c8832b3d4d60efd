import type { CompiledPurpose } from '../compiled-policy.ts'
import type { DiffContext } from './diff-context.ts'

/** A purpose that gained or lost a data item only because the item joined or left a category the purpose takes whole. */
export interface InheritedItemChange {
  readonly purpose: CompiledPurpose
  readonly itemId: string
  readonly gained: boolean
}

/**
 * What purposes that take whole categories (no `items` of their own) gained
 * or lost because a category's items changed. The item's own change (added,
 * removed, moved to another category) tells it once and names these purposes;
 * diff-purposes.ts leaves them out, so one new item in a category used by five
 * purposes is one change, not six.
 */
export function inheritedItemChanges(ctx: Pick<DiffContext, 'before' | 'after'>): InheritedItemChange[] {
  const { before, after } = ctx
  return [...after.purposes.values()].flatMap((now): InheritedItemChange[] => {
    const old = before.purposes.get(now.id)
    if (!old || old.items !== undefined || now.items !== undefined) return []
    // A category the purpose took whole in both versions: whatever it gained or lost there came from the category.
    const kept = (categoryId: string | undefined) => categoryId !== undefined && old.categories.includes(categoryId) && now.categories.includes(categoryId)
    const gained = now.itemIds.filter((id) => !old.itemIds.includes(id) && kept(after.items.get(id)?.categoryId))
    const lost = old.itemIds.filter((id) => !now.itemIds.includes(id) && kept(before.items.get(id)?.categoryId))
    return [...gained.map((itemId) => ({ purpose: now, itemId, gained: true })), ...lost.map((itemId) => ({ purpose: now, itemId, gained: false }))]
  })
}
