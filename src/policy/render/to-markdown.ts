import type { Block, Cell, Rich, RenderedDocument, Section, TableGroup } from './document-model.ts'
import { isSafeHref } from './to-html.ts'

/**
 * Escapes text so a CommonMark reader shows it literally: emphasis, links,
 * raw HTML (`<script>` becomes `\<script>`), table pipes, entity references and
 * line-start markers (headings, lists, quotes) lose their meaning.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`)
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&')
    .replace(/^(\s*)(#{1,6}(?=\s|$)|[+-](?=\s|$)|\d{1,9}[.)](?=\s|$)|[-=]{2,}\s*$)/gm, (_, space: string, marker: string) =>
      /^\d/.test(marker) ? `${space}${marker.slice(0, -1)}\\${marker.slice(-1)}` : `${space}\\${marker}`,
    )
}

const BLANK = '_'.repeat(40)

function rich(content: Rich): string {
  if (typeof content === 'string') return escapeMarkdown(content)
  return content
    .map((part) => {
      if (typeof part === 'string') return escapeMarkdown(part)
      if ('strong' in part) return `**${rich(part.strong)}**`
      // A `#purpose-…` link shows its text: Markdown headings carry none of our ids to land on.
      return isSafeHref(part.href) && !/[<>\s]/.test(part.href) ? `[${escapeMarkdown(part.text)}](<${part.href}>)` : escapeMarkdown(part.text)
    })
    .join('')
}

/** One line: table cells and list items cannot hold a line break. */
function inline(content: Rich): string {
  return rich(content).replace(/\s*\n\s*/g, ' ')
}

function cell(content: Cell): string {
  // Sentences already end with a stop; bare phrases are separated by semicolons.
  if (typeof content === 'object' && 'list' in content)
    return content.list.map(inline).reduce((text, item) => (text === '' ? item : `${text}${/[.!?]$/.test(text) ? ' ' : '; '}${item}`), '')
  return inline(content)
}

function tableRows(group: TableGroup, hasGroups: boolean): string[] {
  return group.rows.map((row, index) => {
    const cells = [...(hasGroups ? [index === 0 && group.header !== undefined ? inline(group.header) : ''] : []), cell(row.header), ...row.cells.map(cell)]
    return `| ${cells.join(' | ')} |`
  })
}

function block(b: Block, level: number): string {
  switch (b.kind) {
    case 'paragraph':
      return rich(b.content)
    case 'note':
      return `> ${rich(b.content).replace(/\n/g, '\n> ')}`
    case 'list':
      return b.items.map((item, i) => `${b.ordered ? `${i + 1}.` : '-'} ${inline(item)}`).join('\n')
    case 'facts':
      return b.rows.map(([term, value]) => `- **${inline(term)}:** ${cell(value)}`).join('\n')
    case 'table': {
      const hasGroups = b.groups.some((group) => group.header !== undefined)
      const head = `| ${b.columns.map(inline).join(' | ')} |`
      const rule = `|${b.columns.map(() => ' --- |').join('')}`
      return [`*${inline(b.caption)}*`, '', head, rule, ...b.groups.flatMap((group) => tableRows(group, hasGroups))].join('\n')
    }
    case 'subsection':
      return section({ id: b.id, title: b.title, blocks: b.blocks }, level + 1)
    case 'fields':
      // A run of underscores between a space and the line end is literal text in CommonMark.
      return b.fields.map((label) => `${inline(label)}: ${BLANK}  `).join('\n')
  }
}

/** A heading's text: after the `#`s a number such as "1." cannot start a list, so it needs no backslash. */
function heading(title: string): string {
  return inline(title).replace(/^(\d{1,9})\\([.)])/, '$1$2')
}

function section(s: Section, level: number): string {
  return [`${'#'.repeat(level)} ${heading(s.title)}`, ...s.blocks.map((b) => block(b, level))].join('\n\n')
}

/** CommonMark with GFM tables. */
export function toMarkdown(doc: RenderedDocument): string {
  const parts = [`# ${inline(doc.title)}`, ...doc.lead.map(rich), ...doc.sections.map((s) => section(s, 2))]
  if (doc.footer.length > 0) parts.push('---', ...doc.footer.map(rich))
  return `${parts.join('\n\n')}\n`
}
