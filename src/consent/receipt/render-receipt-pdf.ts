import { newPdfDocument } from '../../notify/pdf/index.ts'
import type { Language } from '../../policy/index.ts'
import type { SignedConsentReceipt } from './consent-receipt.ts'
import { receiptDocument, type ReceiptSection } from './receipt-document.ts'
import { receiptText } from './receipt-messages.ts'

const MARGIN = 56
const LABEL_WIDTH = 170
const GREY = '#555555'

function section(doc: PDFKit.PDFDocument, content: ReceiptSection, width: number): void {
  if (doc.y > doc.page.height - MARGIN - 80) doc.addPage()
  doc.moveDown(0.6).font('bold').fontSize(11).fillColor('black').text(content.heading, MARGIN, doc.y, { width })
  doc.moveTo(MARGIN, doc.y + 2).lineTo(MARGIN + width, doc.y + 2).lineWidth(0.5).strokeColor('#999999').stroke()
  doc.moveDown(0.4)
  for (const row of content.rows ?? []) {
    if (doc.y > doc.page.height - MARGIN - 30) doc.addPage()
    const top = doc.y
    const page = doc.page
    if (row.label) doc.font('body').fontSize(9).fillColor(GREY).text(row.label, MARGIN, top, { width: LABEL_WIDTH - 8 })
    const labelBottom = doc.y
    const x = row.label ? MARGIN + LABEL_WIDTH : MARGIN
    doc.font('body').fontSize(row.code ? 7.5 : 10).fillColor('black').text(row.value, x, top, { width: MARGIN + width - x })
    // A value that ran onto the next page leaves the label's bottom behind on the previous one.
    doc.y = (doc.page === page ? Math.max(doc.y, labelBottom) : doc.y) + 3
  }
  if (content.list?.length) {
    doc.font('body').fontSize(10).fillColor('black').list(content.list, MARGIN + 6, doc.y, { width: width - 12, listType: 'numbered', textIndent: 14, bulletIndent: 0, paragraphGap: 2 })
  }
  doc.x = MARGIN
}

/**
 * The receipt as a PDF document in Kazakh, Russian or English (A4, DejaVu
 * Sans embedded): title and event, then operator and BIN, subject, form and
 * text hash, purposes with their names from the policy, data, recipients and
 * countries, term, method and evidence, dates, and the integrity block — record
 * hash, audit entry, signature, key id and how to verify. Page numbers in the
 * footer. Dated by the receipt's issue time, so equal receipts give equal PDFs.
 *
 * @example
 * const pdf = await renderReceiptPdf(await buildReceipt(deps, 'esp', eventId), 'kk')
 */
export async function renderReceiptPdf(signed: SignedConsentReceipt, language: Language): Promise<Buffer> {
  const content = receiptDocument(signed, language)
  const issued = new Date(signed.receipt.issuedAt)
  // DejaVu Sans (fonts 'body' and 'bold') covers the Kazakh letters the PDF standard fonts lack.
  const { doc, done } = newPdfDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    lang: language,
    info: { Title: content.title, Subject: content.subtitle, Author: signed.receipt.record.operator.name[language], Creator: 'Derbes', CreationDate: issued, ModDate: issued },
  })
  const width = doc.page.width - 2 * MARGIN

  doc.font('bold').fontSize(16).text(content.title, MARGIN, MARGIN, { width, align: 'center' })
  doc.moveDown(0.3).font('body').fontSize(10).fillColor(GREY).text(content.subtitle, { width, align: 'center' })
  for (const part of content.sections) section(doc, part, width)
  doc.moveDown(1).font('body').fontSize(8).fillColor(GREY).text(content.howToVerify, MARGIN, doc.y, { width })

  const range = doc.bufferedPageRange()
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i)
    // Writing into the bottom margin would otherwise start a new page.
    doc.page.margins.bottom = 0
    const footer = receiptText(language, 'page', { page: i + 1, pages: range.count })
    doc.font('body').fontSize(8).fillColor(GREY).text(footer, MARGIN, doc.page.height - MARGIN + 16, { width, align: 'right', lineBreak: false })
  }
  doc.end()
  return done
}
