import type { CompiledItem, CompiledPurpose } from '../compiled-policy.ts'
import { SOURCES } from '../schema/index.ts'
import type { Block, Section, TableGroup, TableRow } from './document-model.ts'
import { quote, t } from './format-text.ts'
import { SENSITIVITY_LABELS, SOURCE_LABELS } from './messages/index.ts'
import { purposeNumbers, purposeRefs } from './purpose-refs.ts'
import { local, type RenderContext } from './render-context.ts'

/** The item's name with what sets it apart: its sensitivity, whether giving it is optional. */
function itemLabel(ctx: RenderContext, item: CompiledItem): string {
  const { lang } = ctx
  const marks = [
    item.sensitivity && item.sensitivity !== 'ordinary' ? SENSITIVITY_LABELS[item.sensitivity][lang] : undefined,
    item.optional ? t(lang, 'itemOptional') : undefined,
  ].filter((mark) => mark !== undefined)
  return `${local(ctx, item.name)}${marks.length ? ` (${marks.join(', ')})` : ''}`
}

interface SharedRow {
  readonly items: CompiledItem[]
  readonly using: readonly CompiledPurpose[]
}

/**
 * The items of one category gathered into rows: items with the same sources
 * and the same purposes (hence the same retention) share a row, placed where
 * the first of them stands. A category whose items all agree is one row.
 */
function shareRows(items: readonly CompiledItem[], purposes: readonly CompiledPurpose[]): SharedRow[] {
  const rows = new Map<string, SharedRow>()
  for (const item of items) {
    const using = purposes.filter((purpose) => purpose.itemIds.includes(item.id))
    const sources = SOURCES.filter((source) => item.sources.includes(source))
    const key = JSON.stringify([sources, using.map((purpose) => purpose.id)])
    const row = rows.get(key)
    if (row) row.items.push(item)
    else rows.set(key, { items: [item], using })
  }
  return [...rows.values()]
}

/**
 * The list (Тізбе) as in TTC Appendix 1: for every category its items, their
 * sources, the purposes they serve — cited by their numbers in the purposes
 * section — and how long those purposes keep them (TTC-3.2, art. 25(2)(1)).
 */
export function listSection(ctx: RenderContext): Section {
  const { lang, policy } = ctx
  const purposes = [...policy.purposes.values()]
  const numbers = purposeNumbers(policy)

  const row = ({ items, using }: SharedRow): TableRow => {
    const [first] = items
    const retention = [...new Set(using.map((purpose) => local(ctx, purpose.retentionRule.name)))]
    const labels = items.map((item) => itemLabel(ctx, item))
    return {
      header: labels.length === 1 ? (labels[0] ?? '') : { list: labels },
      cells: [
        { list: (first?.sources ?? []).map((source) => SOURCE_LABELS[source][lang]) },
        using.length ? purposeRefs(numbers, using.map((purpose) => purpose.id)) : t(lang, 'none'),
        retention.length ? { list: retention } : t(lang, 'none'),
      ],
    }
  }

  const groups: TableGroup[] = policy.document.categories.map((category) => ({
    header: category.description ? `${local(ctx, category.name)} — ${local(ctx, category.description)}` : local(ctx, category.name),
    rows: shareRows(
      category.items.map((item) => policy.items.get(item.id) ?? { ...item, categoryId: category.id }),
      purposes,
    ).map(row),
  }))

  const blocks: Block[] = [
    { kind: 'paragraph', content: t(lang, 'listIntro') },
    {
      kind: 'paragraph',
      content: t(lang, 'listPurposeNumbers', { column: quote(lang, t(lang, 'columnPurposes')), section: quote(lang, t(lang, 'sectionPurposes')) }),
    },
    {
      kind: 'table',
      caption: t(lang, 'listCaption'),
      columns: [t(lang, 'columnCategory'), t(lang, 'columnItem'), t(lang, 'columnSource'), t(lang, 'columnPurposes'), t(lang, 'columnRetention')],
      groups,
    },
    // KZK-1.5: the operator's own words on what it holds not to be personal; the linter judges them.
    ...(policy.document.nonPersonalData ?? []).map(
      (statement): Block => ({ kind: 'note', content: [{ strong: `${t(lang, 'nonPersonalStatement')}:` }, ` ${local(ctx, statement.text)}`] }),
    ),
  ]
  return { id: 'list', title: t(lang, 'sectionList'), blocks }
}
