import { describe, expect, it } from 'vitest'
import { newPdfDocument } from './new-pdf-document.ts'
import { readPdf } from './pdf-test-kit.ts'

async function render(text: string): Promise<Buffer> {
  const { doc, done } = newPdfDocument({ size: 'A4', margin: 56 })
  doc.font('bold').fontSize(16).text(text, { width: 400, align: 'center' })
  doc.font('body').fontSize(10).text(text, { width: 400 })
  doc.end()
  return done
}

describe('newPdfDocument', () => {
  it('embeds DejaVu Sans, so the Kazakh letters are there and searchable', async () => {
    const { text, embeddedFonts } = readPdf(await render('ә ғ қ ң ө ұ ү һ і'))
    expect(text.replace(/\s+/g, ' ')).toContain('ә ғ қ ң ө ұ ү һ і')
    expect(embeddedFonts.some((name) => name.includes('DejaVuSans'))).toBe(true)
  })

  it('keeps every letter searchable in a later document that shares the parsed font', async () => {
    // The first document's composite letters leave their parts in the shared glyph cache without code points.
    await render('Дербес деректерді өңдеуге келісім туралы түбіртек ә ө ү і ы')
    const later = readPdf(await render('Квитанция о согласии на обработку персональных данных'))
    expect(later.text.replace(/\s+/g, ' ')).toContain('Квитанция о согласии на обработку персональных данных')
  })
})
