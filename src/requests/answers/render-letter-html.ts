import type { Language } from '../../policy/index.ts'
import { escapeHtml } from '../../policy/render/index.ts'
import type { AnswerLetter, LetterSection } from './answer-document.ts'

const STYLE = [
  'body{font-family:"DejaVu Sans",Arial,sans-serif;font-size:14px;line-height:1.45;color:#111;max-width:48em;margin:1.5em auto;padding:0 1em}',
  '.letterhead{color:#444;border-bottom:1px solid #999;padding-bottom:.6em}',
  '.letterhead strong{color:#111;font-size:1.1em}',
  'h1{font-size:1.3em;margin:1.2em 0 .8em}',
  'h2{font-size:1.05em;margin:1.4em 0 .4em}',
  'table{border-collapse:collapse;width:100%;margin:.4em 0 1em}',
  'th,td{border:1px solid #bbb;padding:.3em .5em;text-align:left;vertical-align:top}',
  'th{background:#f0f0f0}',
].join('')

const lines = (values: readonly string[]) => values.map(escapeHtml).join('<br>')

function sectionHtml(section: LetterSection): string {
  const parts: string[] = []
  if (section.heading) parts.push(`<h2>${escapeHtml(section.heading)}</h2>`)
  for (const paragraph of section.paragraphs ?? []) parts.push(`<p>${escapeHtml(paragraph)}</p>`)
  if (section.list?.length) parts.push(`<ul>${section.list.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`)
  if (section.table) {
    const head = section.table.columns.map((column) => `<th scope="col">${escapeHtml(column)}</th>`).join('')
    const body = section.table.rows.map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`).join('')
    parts.push(`<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`)
  }
  return `<section>${parts.join('')}</section>`
}

/**
 * The letter as the HTML part of the e-mail, a whole document in the
 * letter's language. Every text is escaped — names, addresses, record values
 * and refusal details come from outside and may hold anything.
 *
 * @example
 * renderLetterHtml(letter, 'kk', subjectLine) // '<!doctype html><html lang="kk">…'
 */
export function renderLetterHtml(letter: AnswerLetter, language: Language, title: string): string {
  const [operator, ...head] = letter.letterhead
  return [
    `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body>`,
    `<header class="letterhead"><strong>${escapeHtml(operator ?? '')}</strong><br>${lines(head)}</header>`,
    `<p>${escapeHtml(letter.date)}<br>${escapeHtml(letter.reference)}</p>`,
    letter.addressee.length > 0 ? `<address>${lines(letter.addressee)}</address>` : '',
    `<h1>${escapeHtml(letter.title)}</h1>`,
    `<p>${escapeHtml(letter.greeting)}</p>`,
    ...letter.sections.map(sectionHtml),
    `<footer><p>${lines(letter.signature)}</p></footer>`,
    '</body></html>',
  ].join('\n')
}
