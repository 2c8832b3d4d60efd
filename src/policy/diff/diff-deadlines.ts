import type { EffectiveDeadline } from '../compiled-policy.ts'
import { describeDeadline, REQUEST_KIND_LABELS, t } from '../render/index.ts'
import { REQUEST_KINDS } from '../schema/index.ts'
import { entity, recordAdded, recordRemoved, recordSentence, same, type DiffContext } from './diff-context.ts'

/** Shorter is stricter; deadlines in different units, or several binding at once, are only "changed". */
function direction(before: EffectiveDeadline, after: EffectiveDeadline): 'tightened' | 'loosened' | 'changed' {
  const [b, ...moreBefore] = before.binding
  const [a, ...moreAfter] = after.binding
  if (!a || !b || moreBefore.length > 0 || moreAfter.length > 0 || a.unit !== b.unit) return 'changed'
  return a.days < b.days ? 'tightened' : 'loosened'
}

/** The binding deadline of every request kind, as `compiled.deadlines` has it (the stricter of law and policy). */
export function diffDeadlines(ctx: DiffContext): void {
  const { lang } = ctx
  for (const kind of REQUEST_KINDS) {
    const before = ctx.before.deadlines.get(kind)
    const after = ctx.after.deadlines.get(kind)
    const name = REQUEST_KIND_LABELS[kind][lang]
    if (!before && after) recordAdded(ctx, 'deadlines', kind, name, { after: describeDeadline(lang, after).value })
    else if (before && !after) recordRemoved(ctx, 'deadlines', kind, name, { before: describeDeadline(lang, before).value })
    else if (before && after && !same(before.binding.map(({ days, unit }) => ({ days, unit })), after.binding.map(({ days, unit }) => ({ days, unit })))) {
      const b = describeDeadline(lang, before).value
      const a = describeDeadline(lang, after).value
      const way = direction(before, after)
      const key = way === 'tightened' ? 'diffDeadlineTightened' : way === 'loosened' ? 'diffDeadlineLoosened' : 'diffDeadlineChanged'
      recordSentence(ctx, { area: 'deadlines', id: kind, field: 'deadline', before: b, after: a }, t(lang, key, { entity: entity(ctx, 'deadlines', name), before: b, after: a }))
    }
  }
}
