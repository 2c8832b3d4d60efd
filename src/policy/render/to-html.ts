import type { Block, Cell, Rich, RenderedDocument, Section, TableGroup } from './document-model.ts'
import { t } from './format-text.ts'

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Escapes text for HTML content and attribute values. Non-ASCII letters (ә ғ қ ң ө ұ ү һ і) stay as they are. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c)
}

/** Only web and mail links become anchors; a `javascript:` URI in a policy stays inert text. */
export function isSafeHref(href: string): boolean {
  return /^(https?:\/\/|mailto:)/i.test(href)
}

/** A link to a place in the same document (`#purpose-contract`): nothing to run, nothing to leave for. */
export function isFragmentHref(href: string): boolean {
  return /^#[A-Za-z][A-Za-z0-9_-]*$/.test(href)
}

function rich(content: Rich): string {
  if (typeof content === 'string') return escapeHtml(content)
  return content
    .map((part) => {
      if (typeof part === 'string') return escapeHtml(part)
      if ('strong' in part) return `<strong${part.tone ? ` class="${part.tone}"` : ''}>${rich(part.strong)}</strong>`
      return isSafeHref(part.href) || isFragmentHref(part.href) ? `<a href="${escapeHtml(part.href)}">${escapeHtml(part.text)}</a>` : escapeHtml(part.text)
    })
    .join('')
}

function cell(content: Cell): string {
  if (typeof content === 'object' && 'list' in content) {
    if (content.list.length === 0) return ''
    if (content.list.length === 1) return rich(content.list[0] ?? '')
    return `<ul>${content.list.map((item) => `<li>${rich(item)}</li>`).join('')}</ul>`
  }
  return rich(content)
}

function tableGroup(group: TableGroup): string {
  const rows = group.rows.map((row, index) => {
    const groupHeader =
      group.header !== undefined && index === 0 ? `<th scope="rowgroup" rowspan="${group.rows.length}">${rich(group.header)}</th>` : ''
    const tone = row.tone ? ` class="${row.tone}"` : ''
    return `<tr${tone}>${groupHeader}<th scope="row">${cell(row.header)}</th>${row.cells.map((c) => `<td>${cell(c)}</td>`).join('')}</tr>`
  })
  return `<tbody>\n${rows.join('\n')}\n</tbody>`
}

function block(b: Block, level: number): string {
  switch (b.kind) {
    case 'paragraph':
      return `<p>${rich(b.content)}</p>`
    case 'note':
      return `<p class="note">${rich(b.content)}</p>`
    case 'list': {
      const tag = b.ordered ? 'ol' : 'ul'
      return `<${tag}>\n${b.items.map((item) => `<li>${rich(item)}</li>`).join('\n')}\n</${tag}>`
    }
    case 'facts':
      return `<dl>\n${b.rows.map(([term, value]) => `<div><dt>${escapeHtml(term)}</dt><dd>${cell(value)}</dd></div>`).join('\n')}\n</dl>`
    case 'table': {
      const head = b.columns.map((column) => `<th scope="col">${escapeHtml(column)}</th>`).join('')
      return `<div class="table-wrap"><table>\n<caption>${escapeHtml(b.caption)}</caption>\n<thead><tr>${head}</tr></thead>\n${b.groups.map(tableGroup).join('\n')}\n</table></div>`
    }
    case 'subsection':
      return section({ id: b.id, title: b.title, blocks: b.blocks }, level + 1)
    case 'fields': {
      const fields = b.fields.map((label) => `<div class="field"><span class="blank"></span><span class="label">${escapeHtml(label)}</span></div>`)
      return `<div class="fields${b.inline ? ' inline' : ''}">\n${fields.join('\n')}\n</div>`
    }
  }
}

function section(s: Section, level: number): string {
  const id = escapeHtml(s.id)
  const heading = `<h${level} id="${id}">${escapeHtml(s.title)}</h${level}>`
  return `<section aria-labelledby="${id}">\n${heading}\n${s.blocks.map((b) => block(b, level)).join('\n')}\n</section>`
}

/** A standalone, accessible HTML5 document. */
export function toHtml(doc: RenderedDocument, css: string): string {
  const toc = doc.toc
    ? `<nav class="toc" aria-labelledby="toc-title"><h2 id="toc-title">${escapeHtml(t(doc.lang, 'contents'))}</h2><ol>${doc.sections
        .map((s) => `<li><a href="#${escapeHtml(s.id)}">${escapeHtml(s.title)}</a></li>`)
        .join('')}</ol></nav>\n`
    : ''
  return [
    '<!DOCTYPE html>',
    `<html lang="${doc.lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="Derbes">',
    `<title>${escapeHtml(doc.title)}</title>`,
    `<style>${css}</style>`,
    '</head>',
    '<body>',
    `<a class="skip-link" href="#content">${escapeHtml(t(doc.lang, 'skipToContent'))}</a>`,
    '<header>',
    `<h1>${escapeHtml(doc.title)}</h1>`,
    ...doc.lead.map((line) => `<p class="lead">${rich(line)}</p>`),
    '</header>',
    `${toc}<main id="content">`,
    ...doc.sections.map((s) => section(s, 2)),
    '</main>',
    `<footer>${doc.footer.map((line) => `<p>${rich(line)}</p>`).join('')}</footer>`,
    '</body>',
    '</html>',
    '',
  ].join('\n')
}
