import { describe, expect, it } from 'vitest'
import { KAZAKH_LETTERS, readPdf } from '../../notify/pdf/index.ts'
import type { SubjectRecord } from './answer-input.ts'
import { espInput, recordsOf } from './answers-test-kit.ts'
import { composeAnswer } from './compose-answer.ts'
import { renderAnswerPdf } from './render-answer-pdf.ts'

function accessAnswer(language: 'kk' | 'ru' | 'en', records: SubjectRecord[] = recordsOf('aliya')) {
  const base = espInput({ language })
  return composeAnswer({
    ...base,
    // һ is rare in Kazakh words; the name carries it so all nine letters are on the page.
    subject: { id: 'subject-aliya', kind: 'client', name: 'Шаһизада Әуезқызы', address: 'Астана қ., Жиһаз көшесі, 7' },
    request: { ...base.request, kind: 'access' },
    outcome: { kind: 'fulfilled', steps: [{ target: 'vault', action: 'export', count: 2 }] },
    records,
  })
}

describe('renderAnswerPdf', () => {
  it('embeds DejaVu Sans and writes the nine Kazakh letters and the reference as text', async () => {
    const pdf = await renderAnswerPdf(accessAnswer('kk'))
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    const { text, embeddedFonts } = readPdf(pdf)
    expect(embeddedFonts.some((name) => /^[A-Z]{6}\+DejaVuSans$/.test(name))).toBe(true)
    expect(embeddedFonts.some((name) => /^[A-Z]{6}\+DejaVuSans-Bold$/.test(name))).toBe(true)
    for (const letter of KAZAKH_LETTERS) expect(text, letter).toContain(letter)
    const flat = text.replace(/\s+/g, ' ')
    expect(flat).toContain('ESP-2026-000123')
    expect(flat).toContain('Дербес деректер субъектісінің өтінішіне жауап')
    expect(flat).toContain('«ЭСПЕРАНС-РК» ЖШС')
    expect(flat).toContain('LC-0001-ҚӨҢ')
    expect(flat).toContain('Жауап тегін беріледі')
  })

  it('speaks Russian and English too', async () => {
    const ru = readPdf(await renderAnswerPdf(accessAnswer('ru'))).text.replace(/\s+/g, ' ')
    expect(ru).toContain('Ответ на обращение субъекта персональных данных')
    expect(ru).toContain('Ответ предоставляется бесплатно')
    const en = readPdf(await renderAnswerPdf(accessAnswer('en'))).text.replace(/\s+/g, ' ')
    expect(en).toContain('Answer to a data subject request')
    expect(en).toContain('This answer is free of charge')
  })

  it('runs a long table over pages, numbering them and repeating its header on each', async () => {
    const many: SubjectRecord[] = Array.from({ length: 150 }, (_, i) => ({ system: 'crm', systemName: 'CRM', table: 'visits', item: 'access-time', value: `визит №${i + 1}`, collectedAt: new Date(Date.UTC(2026, 0, 1 + i)) }))
    const { text } = readPdf(await renderAnswerPdf(accessAnswer('kk', many)))
    const pages = Number(/\d+\/(\d+) бет/.exec(text)?.[1])
    expect(pages).toBeGreaterThan(2)
    expect(text).toContain(`${pages}/${pages} бет`)
    expect(text).toContain('визит №150')
    // The header row "Кесте" of the records table: on the first page it starts on, and again on each following one.
    expect(text.match(/Кесте/g)!.length).toBeGreaterThanOrEqual(pages - 1)
  })

  it('gives the same bytes for the same answer (dated by its issue time)', async () => {
    const answer = accessAnswer('kk')
    expect((await renderAnswerPdf(answer)).equals(await renderAnswerPdf(answer))).toBe(true)
  })
})
