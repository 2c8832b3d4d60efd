import { createRequire } from 'node:module'
import PDFDocument from 'pdfkit'

const require = createRequire(import.meta.url)
// DejaVu Sans covers the Kazakh letters (ә ғ қ ң ө ұ ү һ і) that the PDF standard fonts lack.
export const DEJAVU_SANS = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')
export const DEJAVU_SANS_BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')

/**
 * A pdfkit document with DejaVu Sans embedded as fonts `body` and `bold`
 * (subset, with a ToUnicode map, so the text can be searched and copied), and
 * the finished file as a Buffer once `doc.end()` is called. Give `info`
 * fixed dates to make equal content give equal bytes.
 *
 * @example
 * const { doc, done } = newPdfDocument({ size: 'A4', margin: 56, lang: 'kk' })
 * doc.font('bold').text('Жауап')
 * doc.end()
 * const pdf = await done
 */
export function newPdfDocument(options: PDFKit.PDFDocumentOptions): { doc: PDFKit.PDFDocument; done: Promise<Buffer> } {
  const doc = new PDFDocument(options)
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
  doc.registerFont('body', DEJAVU_SANS)
  doc.registerFont('bold', DEJAVU_SANS_BOLD)
  return { doc, done }
}
