import { newPdfDocument } from '../../notify/pdf/index.ts'
import type { AnswerDocument, LetterSection, LetterTable } from './answer-document.ts'
import { answerText } from './answer-messages.ts'

const MARGIN = 56
const GREY = '#555555'
const CELL_PADDING = 4
const TABLE_FONT = 8.5

type Doc = PDFKit.PDFDocument

const bottom = (doc: Doc) => doc.page.height - MARGIN

function ensureRoom(doc: Doc, height: number): void {
  if (doc.y + height > bottom(doc)) doc.addPage()
}

/** Column widths in proportion to their longest text (capped), so a value column gets the room and a date column does not. */
function columnWidths(table: LetterTable, width: number): number[] {
  const weights = table.columns.map((column, i) => {
    const longest = Math.max([...column].length, ...table.rows.map((row) => [...(row[i] ?? '')].length))
    return Math.min(Math.max(longest, 8), 40)
  })
  const total = weights.reduce((a, b) => a + b, 0)
  return weights.map((w) => (w / total) * width)
}

function rowHeight(doc: Doc, cells: readonly string[], widths: number[], header: boolean): number {
  doc.font(header ? 'bold' : 'body').fontSize(TABLE_FONT)
  return Math.max(...widths.map((w, i) => doc.heightOfString(cells[i] ?? '', { width: w - 2 * CELL_PADDING }))) + 2 * CELL_PADDING
}

function drawRow(doc: Doc, cells: readonly string[], widths: number[], header: boolean, height: number): void {
  const top = doc.y
  let x = MARGIN
  widths.forEach((w, i) => {
    if (header) doc.rect(x, top, w, height).fillColor('#eeeeee').fill()
    doc.rect(x, top, w, height).lineWidth(0.5).strokeColor('#999999').stroke()
    doc.font(header ? 'bold' : 'body').fontSize(TABLE_FONT).fillColor('black').text(cells[i] ?? '', x + CELL_PADDING, top + CELL_PADDING, { width: w - 2 * CELL_PADDING })
    x += w
  })
  doc.x = MARGIN
  doc.y = top + height
}

/** A table whose header row is repeated on every page it runs onto, so each page can be read alone. */
function table(doc: Doc, content: LetterTable, width: number): void {
  const widths = columnWidths(content, width)
  const headerHeight = rowHeight(doc, content.columns, widths, true)
  ensureRoom(doc, headerHeight + 20)
  drawRow(doc, content.columns, widths, true, headerHeight)
  for (const row of content.rows) {
    const height = rowHeight(doc, row, widths, false)
    if (doc.y + height > bottom(doc)) {
      doc.addPage()
      drawRow(doc, content.columns, widths, true, headerHeight)
    }
    drawRow(doc, row, widths, false, height)
  }
  doc.moveDown(0.6)
}

function section(doc: Doc, content: LetterSection, width: number): void {
  if (content.heading) {
    ensureRoom(doc, 60)
    doc.moveDown(0.5).font('bold').fontSize(11).fillColor('black').text(content.heading, MARGIN, doc.y, { width })
    doc.moveDown(0.3)
  }
  for (const paragraph of content.paragraphs ?? []) {
    doc.font('body').fontSize(10).fillColor('black').text(paragraph, MARGIN, doc.y, { width, align: 'justify' })
    doc.moveDown(0.4)
  }
  if (content.list?.length) {
    doc.font('body').fontSize(10).fillColor('black').list([...content.list], MARGIN + 6, doc.y, { width: width - 12, bulletRadius: 1.5, textIndent: 12, bulletIndent: 0, paragraphGap: 2 })
    doc.moveDown(0.4)
  }
  if (content.table) table(doc, content.table, width)
  doc.x = MARGIN
}

/**
 * The answer as a PDF letter (A4, DejaVu Sans embedded for ә ғ қ ң ө ұ ү һ і):
 * letterhead, date and reference, addressee, title, greeting, the sections
 * with their lists and tables, signature; page numbers in the footer. Dated by
 * the answer's issue time, so the same answer gives the same bytes.
 *
 * @example
 * const pdf = await renderAnswerPdf(composeAnswer(input))
 * await enqueueEmail(trx, deps, { …, attachments: [{ filename: `${reference}.pdf`, contentType: 'application/pdf', content: pdf }] })
 */
export async function renderAnswerPdf(document: AnswerDocument): Promise<Buffer> {
  const { letter, language } = document
  const issued = new Date(document.issuedAt)
  const { doc, done } = newPdfDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    lang: language,
    info: { Title: document.subjectLine, Author: letter.letterhead[0] ?? '', Creator: 'Derbes', CreationDate: issued, ModDate: issued },
  })
  const width = doc.page.width - 2 * MARGIN

  const [operator, ...head] = letter.letterhead
  doc.font('bold').fontSize(12).fillColor('black').text(operator ?? '', MARGIN, MARGIN, { width })
  doc.font('body').fontSize(8.5).fillColor(GREY).text(head.join('\n'), { width })
  doc.moveTo(MARGIN, doc.y + 4).lineTo(MARGIN + width, doc.y + 4).lineWidth(0.5).strokeColor('#999999').stroke()
  doc.moveDown(1).font('body').fontSize(10).fillColor('black').text(`${letter.date}\n${letter.reference}`, MARGIN, doc.y, { width, align: 'right' })
  if (letter.addressee.length > 0) doc.moveDown(0.6).text(letter.addressee.join('\n'), MARGIN, doc.y, { width })
  doc.moveDown(1).font('bold').fontSize(14).text(letter.title, MARGIN, doc.y, { width, align: 'center' })
  doc.moveDown(0.8).font('body').fontSize(10).text(letter.greeting, MARGIN, doc.y, { width })
  for (const part of letter.sections) section(doc, part, width)
  ensureRoom(doc, 80)
  doc.moveDown(0.8).font('body').fontSize(10).fillColor('black').text(letter.signature.join('\n'), MARGIN, doc.y, { width })

  const range = doc.bufferedPageRange()
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i)
    // Writing into the bottom margin would otherwise start a new page.
    doc.page.margins.bottom = 0
    const footer = `${letter.reference} · ${answerText(language, 'page', { page: i + 1, pages: range.count })}`
    doc.font('body').fontSize(8).fillColor(GREY).text(footer, MARGIN, doc.page.height - MARGIN + 16, { width, align: 'right', lineBreak: false })
  }
  doc.end()
  return done
}
