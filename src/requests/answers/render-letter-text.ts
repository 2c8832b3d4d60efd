import type { AnswerLetter, LetterSection } from './answer-document.ts'

function sectionText(section: LetterSection): string[] {
  const lines: string[] = []
  if (section.heading) lines.push(section.heading, '-'.repeat([...section.heading].length))
  for (const paragraph of section.paragraphs ?? []) lines.push(paragraph, '')
  for (const item of section.list ?? []) lines.push(`• ${item}`)
  if (section.list?.length) lines.push('')
  // A table in a plain-text e-mail: one block per row, each cell under its column's name.
  if (section.table) {
    const [first, ...rest] = section.table.columns
    for (const row of section.table.rows) {
      lines.push(`• ${first ?? ''}: ${row[0] ?? ''}`)
      rest.forEach((column, i) => lines.push(`  ${column}: ${row[i + 1] ?? ''}`))
    }
    lines.push('')
  }
  return lines
}

/**
 * The letter as the plain-text part of the e-mail: letterhead, date and
 * reference, addressee, title, greeting, sections, signature.
 *
 * @example
 * renderLetterText(composeAnswer(input).letter).startsWith('«ЭСПЕРАНС-РК» ЖШС')
 */
export function renderLetterText(letter: AnswerLetter): string {
  const lines = [
    ...letter.letterhead,
    '',
    letter.date,
    letter.reference,
    '',
    ...(letter.addressee.length > 0 ? [...letter.addressee, ''] : []),
    letter.title.toLocaleUpperCase(),
    '',
    letter.greeting,
    '',
    ...letter.sections.flatMap(sectionText),
    ...letter.signature,
  ]
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`
}
