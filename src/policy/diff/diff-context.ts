import { canonicalJson } from '../canonical-json.ts'
import type { CompiledPolicy } from '../compiled-policy.ts'
import type { LawProfile } from '../law-profile.ts'
import { capitalize, CHANGE_ENTITIES, CHANGE_FIELD_LABELS, fill, joinWords, quote, t } from '../render/index.ts'
import type { Language, LocalizedText } from '../schema/index.ts'
import type { ChangeArea, ChangeField, PolicyChange } from './policy-change.ts'

/** The two versions compared, the language of the summaries, and the changes found so far. */
export interface DiffContext {
  readonly before: CompiledPolicy
  readonly after: CompiledPolicy
  readonly lang: Language
  readonly law: LawProfile
  readonly changes: PolicyChange[]
}

/** Flags a change may carry besides its words. */
export type ChangeFlags = Pick<PolicyChange, 'reconsentNeeded' | 'crossBorder'>

export function same(a: unknown, b: unknown): boolean {
  return canonicalJson(a ?? null) === canonicalJson(b ?? null)
}

/** "purpose «Marketing»", "the operator" — what a change is about, in the summary's language. */
export function entity(ctx: DiffContext, area: ChangeArea, name = ''): string {
  return fill(CHANGE_ENTITIES[area][ctx.lang], { name })
}

export function field(ctx: DiffContext, key: ChangeField): string {
  return CHANGE_FIELD_LABELS[key][ctx.lang]
}

/** A yes/no field, or "—" when absent. */
export function yesNo(ctx: DiffContext, value: boolean | undefined): string {
  return value === undefined ? t(ctx.lang, 'none') : t(ctx.lang, value ? 'yes' : 'no')
}

export function shown(ctx: DiffContext, value: string | undefined): string {
  return value === undefined || value === '' ? t(ctx.lang, 'none') : value
}

export function recordAdded(ctx: DiffContext, area: ChangeArea, id: string, name: string, flags: ChangeFlags & { after?: string } = {}): void {
  ctx.changes.push({ kind: 'added', area, id, summary: capitalize(t(ctx.lang, 'diffAdded', { entity: entity(ctx, area, name) })), ...flags })
}

export function recordRemoved(ctx: DiffContext, area: ChangeArea, id: string, name: string, flags: ChangeFlags & { before?: string } = {}): void {
  ctx.changes.push({ kind: 'removed', area, id, summary: capitalize(t(ctx.lang, 'diffRemoved', { entity: entity(ctx, area, name) })), ...flags })
}

/** A change told in a sentence of the caller's making. */
export function recordSentence(
  ctx: DiffContext,
  change: Omit<PolicyChange, 'summary' | 'kind'> & { kind?: PolicyChange['kind'] },
  summary: string,
): void {
  ctx.changes.push({ kind: 'changed', ...change, summary: capitalize(summary) })
}

/** Records "<entity>: <field>: before → after" when the two values differ. */
export function compareValue(
  ctx: DiffContext,
  area: ChangeArea,
  id: string,
  name: string,
  key: ChangeField,
  before: unknown,
  after: unknown,
  show: (value: never) => string,
  flags: ChangeFlags = {},
): void {
  if (same(before, after)) return
  const b = before === undefined ? t(ctx.lang, 'none') : show(before as never)
  const a = after === undefined ? t(ctx.lang, 'none') : show(after as never)
  const summary = t(ctx.lang, 'diffChanged', { entity: entity(ctx, area, name), field: field(ctx, key), before: b, after: a })
  ctx.changes.push({ kind: 'changed', area, id, field: key, summary: capitalize(summary), before: b, after: a, ...flags })
}

/**
 * Records which entries of a list field were added and removed; a mere
 * reordering is no change. Lists of references compare ids and `show` names
 * them, so renaming a purpose or an item is told once, where it happens, not
 * again by every list that refers to it.
 */
export function compareList(
  ctx: DiffContext,
  area: ChangeArea,
  id: string,
  name: string,
  key: ChangeField,
  before: readonly string[] | undefined,
  after: readonly string[] | undefined,
  flags: ChangeFlags | ((added: readonly string[], removed: readonly string[]) => ChangeFlags) = {},
  show: (value: string) => string = (value) => value,
): void {
  const b = before ?? []
  const a = after ?? []
  const added = a.filter((value) => !b.includes(value)).map(show)
  const removed = b.filter((value) => !a.includes(value)).map(show)
  if (added.length === 0 && removed.length === 0) return
  const { lang } = ctx
  const delta = [
    added.length ? t(lang, 'diffPlus', { items: joinWords(lang, added) }) : undefined,
    removed.length ? t(lang, 'diffMinus', { items: joinWords(lang, removed) }) : undefined,
  ]
    .filter((part) => part !== undefined)
    .join('; ')
  const summary = t(lang, 'diffListChanged', { entity: entity(ctx, area, name), field: field(ctx, key), delta })
  ctx.changes.push({
    kind: 'changed',
    area,
    id,
    field: key,
    summary: capitalize(summary),
    before: shown(ctx, b.map(show).join(', ')),
    after: shown(ctx, a.map(show).join(', ')),
    ...(typeof flags === 'function' ? flags(added, removed) : flags),
  })
}

/** The name of a purpose, item, category or subject kind in the summary's language: as the new version calls it, or the old one if it is gone. */
export function nameOf(ctx: DiffContext, from: 'purposes' | 'items' | 'categories' | 'subjectKinds'): (id: string) => string {
  return (id) => {
    const found: { name: LocalizedText } | undefined = ctx.after[from].get(id) ?? ctx.before[from].get(id)
    return found ? found.name[ctx.lang] : id
  }
}

/** "…; used by purposes “A” and “B”": the purposes a change reaches, named once with it instead of a change for each. */
export function withUsedBy(ctx: DiffContext, change: string, purposeIds: readonly string[]): string {
  if (purposeIds.length === 0) return change
  const { lang } = ctx
  const purposes = joinWords(lang, purposeIds.map((id) => quote(lang, nameOf(ctx, 'purposes')(id))))
  return t(lang, purposeIds.length === 1 ? 'diffUsedByOne' : 'diffUsedByMany', { change, purposes })
}

/** Entries of two lists keyed by id: what is only in the old, only in the new, and in both. */
export function pair<T extends { id: string }>(before: Iterable<T>, after: Iterable<T>) {
  const old = new Map([...before].map((entry) => [entry.id, entry]))
  const now = new Map([...after].map((entry) => [entry.id, entry]))
  return {
    removed: [...old.values()].filter((entry) => !now.has(entry.id)),
    added: [...now.values()].filter((entry) => !old.has(entry.id)),
    kept: [...now.values()].flatMap((entry) => {
      const previous = old.get(entry.id)
      return previous ? [[previous, entry] as const] : []
    }),
  }
}
