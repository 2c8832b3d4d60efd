import { newPdfDocument } from '../notify/pdf/index.ts'
import type { AuthorityNotice } from './compose-authority-notice.ts'

const MARGIN = 56

/**
 * The notice to the authorised body as a PDF (A4, DejaVu Sans embedded for
 * ә ғ қ ң ө ұ ү һ і): the title, then each section's label and lines.
 * Dated by `at`, so the same notice at the same time gives the same bytes.
 *
 * @example
 * const pdf = await renderAuthorityNoticePdf(await authorityNotice(deps, 'kzk', incidentId, 'kk'), clock())
 */
export async function renderAuthorityNoticePdf(notice: AuthorityNotice, at: Date): Promise<Buffer> {
  const { doc, done } = newPdfDocument({
    size: 'A4',
    margin: MARGIN,
    lang: notice.language,
    info: { Title: `${notice.title} ${notice.reference}`, Creator: 'Derbes', CreationDate: at, ModDate: at },
  })
  const width = doc.page.width - 2 * MARGIN
  doc.font('bold').fontSize(14).fillColor('black').text(notice.title, MARGIN, MARGIN, { width, align: 'center' })
  doc.moveDown(0.3).font('body').fontSize(10).text(notice.reference, { width, align: 'center' })
  doc.moveDown(1)
  for (const section of notice.sections) {
    if (doc.y + 50 > doc.page.height - MARGIN) doc.addPage()
    doc.font('bold').fontSize(10.5).text(section.label, MARGIN, doc.y, { width })
    doc.moveDown(0.2).font('body').fontSize(10).text(section.lines.join('\n'), MARGIN + 12, doc.y, { width: width - 12 })
    doc.moveDown(0.6)
  }
  doc.end()
  return done
}
