import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { create, type Font } from 'fontkit'
import PDFDocument from 'pdfkit'

const require = createRequire(import.meta.url)
// DejaVu Sans covers the Kazakh letters (ә ғ қ ң ө ұ ү һ і) that the PDF standard fonts lack.
export const DEJAVU_SANS = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')
export const DEJAVU_SANS_BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')

/**
 * The two faces, read and parsed once per process. Given a path, pdfkit reads
 * and parses the 700 KB font again for every document, which cost ~70 ms of a
 * one-line PDF; each document subsets a shared font itself.
 */
let faces: { body: Font; bold: Font } | undefined
function dejaVuFaces(): { body: Font; bold: Font } {
  faces ??= { body: parseFace(DEJAVU_SANS), bold: parseFace(DEJAVU_SANS_BOLD) }
  return faces
}

/**
 * fontkit caches a glyph with the code points it was first asked for, and a
 * subset asks for the parts of composite letters (ә, ө, ы …) with none; a later
 * document laying out such a part as a letter of its own would then get no
 * ToUnicode entry — its text could no longer be searched or copied. The code
 * points the layout knows are kept on the cached glyph.
 */
function parseFace(path: string): Font {
  const font = create(readFileSync(path)) as Font
  const getGlyph = font.getGlyph.bind(font)
  font.getGlyph = (glyphId: number, codePoints?: number[]) => {
    const glyph = getGlyph(glyphId, codePoints)
    if (glyph && glyph.codePoints.length === 0 && codePoints?.length) glyph.codePoints = codePoints
    return glyph
  }
  return font
}

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
  const { body, bold } = dejaVuFaces()
  // pdfkit takes a parsed fontkit font as well as a path (PDFFontFactory.open), though its types name only paths.
  doc.registerFont('body', body as unknown as string)
  doc.registerFont('bold', bold as unknown as string)
  return { doc, done }
}
