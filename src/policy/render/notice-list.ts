import type { CompiledItem } from '../compiled-policy.ts'
import type { Block, Section, TableGroup, TableRow } from './document-model.ts'
import { t } from './format-text.ts'
import { SENSITIVITY_LABELS, SOURCE_LABELS } from './messages/index.ts'
import { local, type RenderContext } from './render-context.ts'

/**
 * The list (Тізбе) as in TTC Appendix 1: for every category its items, their
 * sources, the purposes they serve and how long those purposes keep them
 * (TTC-3.2, art. 25(2)(1)).
 */
export function listSection(ctx: RenderContext): Section {
  const { lang, policy } = ctx
  const purposes = [...policy.purposes.values()]

  const row = (item: CompiledItem): TableRow => {
    const using = purposes.filter((purpose) => purpose.itemIds.includes(item.id))
    const marks = [
      item.sensitivity && item.sensitivity !== 'ordinary' ? SENSITIVITY_LABELS[item.sensitivity][lang] : undefined,
      item.optional ? t(lang, 'itemOptional') : undefined,
    ].filter((mark) => mark !== undefined)
    const retention = [...new Set(using.map((purpose) => local(ctx, purpose.retentionRule.name)))]
    return {
      header: `${local(ctx, item.name)}${marks.length ? ` (${marks.join(', ')})` : ''}`,
      cells: [
        { list: item.sources.map((source) => SOURCE_LABELS[source][lang]) },
        using.length ? { list: using.map((purpose) => local(ctx, purpose.name)) } : t(lang, 'none'),
        retention.length ? { list: retention } : t(lang, 'none'),
      ],
    }
  }

  const groups: TableGroup[] = policy.document.categories.map((category) => ({
    header: category.description ? `${local(ctx, category.name)} — ${local(ctx, category.description)}` : local(ctx, category.name),
    rows: category.items.map((item) => row(policy.items.get(item.id) ?? { ...item, categoryId: category.id })),
  }))

  const blocks: Block[] = [
    { kind: 'paragraph', content: t(lang, 'listIntro') },
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
