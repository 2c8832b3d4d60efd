import { describe, expect, it } from 'vitest'
import { LocalKeyFileSigner } from '../../audit/index.ts'
import { RECEIPT_SCHEMA, type ConsentReceipt, type SignedConsentReceipt } from './consent-receipt.ts'
import { readPdf } from './pdf-test-kit.ts'
import { renderReceiptPdf } from './render-receipt-pdf.ts'
import { sampleRecord } from './receipt-test-kit.ts'
import { receiptPayload, verifyReceipt } from './verify-receipt.ts'

// Words that between them carry every letter Kazakh adds to Cyrillic: ә ғ қ ң ө ұ ү һ і.
const KAZAKH_LETTERS = ['ә', 'ғ', 'қ', 'ң', 'ө', 'ұ', 'ү', 'һ', 'і']
const PURPOSE_KK = 'Жиһаз, әуе, ғарыш, қала, өңір, ұлт, үй және іс туралы хабарлау'

async function signedReceipt(): Promise<SignedConsentReceipt> {
  const { sealed: _sealed, ...record } = sampleRecord({ recordId: '6f0e8a52-1f5c-4c39-9a53-0c6b2b4c7a11' })
  const receipt: ConsentReceipt = {
    schema: RECEIPT_SCHEMA,
    operatorId: 'esp',
    eventId: record.recordId,
    record,
    recordHash: 'd'.repeat(64),
    sealedEvidence: true,
    auditEntry: { seq: 42, hash: 'e'.repeat(64) },
    labels: {
      formTitle: { kk: 'Дербес деректерді жинауға, өңдеуге келісім', ru: 'Согласие на сбор и обработку персональных данных', en: 'Consent to the collection and processing of personal data' },
      purposes: { loyalty: { kk: PURPOSE_KK, ru: 'Программа лояльности', en: 'Loyalty programme' }, advertising: { kk: 'Жарнама', ru: 'Реклама', en: 'Advertising' } },
      categories: { identification: { kk: 'Сәйкестендіру деректері', ru: 'Идентификационные данные', en: 'Identification' }, contact: { kk: 'Байланыс деректері', ru: 'Контактные данные', en: 'Contact details' } },
      items: { 'full-name': { kk: 'Тегі, аты, әкесінің аты', ru: 'ФИО', en: 'Full name' }, phone: { kk: 'Телефон нөмірі', ru: 'Номер телефона', en: 'Phone number' } },
      recipients: { 'third-parties-ru': { kk: 'РФ-дағы үшінші тұлғалар', ru: 'Третьи лица в РФ', en: 'Third parties in Russia' } },
    },
    issuedAt: '2026-12-02T05:01:00.000Z',
  }
  const signer = LocalKeyFileSigner.ephemeral()
  return { receipt, signature: await signer.sign(receiptPayload(receipt)), keyId: signer.keyId, algorithm: 'Ed25519' }
}

describe('renderReceiptPdf', () => {
  it('embeds DejaVu Sans and writes the Kazakh letters ә ғ қ ң ө ұ ү һ і as text, not as missing glyphs', async () => {
    const pdf = await renderReceiptPdf(await signedReceipt(), 'kk')
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    const { text, embeddedFonts } = readPdf(pdf)
    expect(embeddedFonts.some((name) => /^[A-Z]{6}\+DejaVuSans$/.test(name))).toBe(true)
    expect(embeddedFonts.some((name) => /^[A-Z]{6}\+DejaVuSans-Bold$/.test(name))).toBe(true)
    for (const letter of KAZAKH_LETTERS) expect(text, letter).toContain(letter)
    const flat = text.replace(/\s+/g, ' ')
    expect(flat).toContain('Дербес деректерді өңдеуге келісім туралы түбіртек')
    expect(flat).toContain('Жиһаз, әуе, ғарыш')
  })

  it('lays out every part of the receipt in Kazakh: operator and BIN, subject, form and version, text hash, purposes, data, recipients and countries, term, method, dates, signature, how to verify', async () => {
    const signed = await signedReceipt()
    const { text } = readPdf(await renderReceiptPdf(signed, 'kk'))
    const flat = text.replace(/\s+/g, ' ')
    for (const expected of [
      '«ЭСПЕРАНС-РК» ЖШС', 'БСН', '220240037922', 'client-1', 'app-1, 1-нұсқа, саясат нұсқасы 2025-1', 'қазақ тілі',
      'Өңдеу мақсаттары', 'Жарнама — Дербес деректер субъектісінің келісімі', 'Сәйкестендіру деректері; Байланыс деректері', 'Телефон нөмірі',
      'РФ-дағы үшінші тұлғалар', 'Трансшекаралық беру', 'Келісімнің қолданылу мерзімі', 'SMS-кодпен растау',
      '2026-12-02 10:00 (Алматы уақыты)', '#42', 'Қолтаңба (Ed25519)', signed.keyId, 'Қалай тексеруге болады', '1/2 бет', '2/2 бет',
    ]) expect(flat, expected).toContain(expected)
    // Hashes and the signature are long and broken across lines; their characters are all there.
    expect(text.replace(/\s+/g, '')).toContain(signed.signature)
    expect(text.replace(/\s+/g, '')).toContain('c'.repeat(64))
    // A 64-digit hash fits on one line.
    expect(text).toContain('d'.repeat(64))
  })

  it('speaks Russian and English too', async () => {
    const signed = await signedReceipt()
    const ru = readPdf(await renderReceiptPdf(signed, 'ru')).text.replace(/\s+/g, ' ')
    expect(ru).toContain('Квитанция о согласии на обработку персональных данных')
    expect(ru).toContain('ТОО «ЭСПЕРАНС-РК»')
    expect(ru).toContain('Программа лояльности')
    expect(ru).toContain('Как проверить')
    const en = readPdf(await renderReceiptPdf(signed, 'en')).text.replace(/\s+/g, ' ')
    expect(en).toContain('Receipt of consent to the processing of personal data')
    expect(en).toContain('Confirmation by SMS code')
    expect(en).toContain('Russia')
  })

  it('gives the same bytes for the same receipt (dated by its issue time)', async () => {
    const signed = await signedReceipt()
    expect((await renderReceiptPdf(signed, 'kk')).equals(await renderReceiptPdf(signed, 'kk'))).toBe(true)
  })

  it('renders a receipt whose signature verifies, and one changed by a letter does not', async () => {
    const signed = await signedReceipt()
    const signer = LocalKeyFileSigner.ephemeral()
    const fresh = { ...signed, signature: await signer.sign(receiptPayload(signed.receipt)), keyId: signer.keyId }
    expect(await verifyReceipt(fresh, signer)).toBe(true)
    const changed = { ...fresh, receipt: { ...fresh.receipt, record: { ...fresh.receipt.record, purposes: [{ id: 'loyalty', basis: 'consent' }] } } }
    expect(await verifyReceipt(changed, signer)).toBe(false)
  })
})
