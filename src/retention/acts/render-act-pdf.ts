import { almatyDate, almatyOffsetMinutes } from '../../kz/index.ts'
import { newPdfDocument } from '../../notify/pdf/index.ts'
import type { Language } from '../../policy/index.ts'
import type { ActContent } from './act-content.ts'
import { ACT_TEXTS, fillActText } from './act-texts.ts'

const MARGIN = 48

/** What the PDF shows besides the content: how the run was started and the signature. */
export interface ActPdfInput {
  content: ActContent
  contentHash: string
  run: { bySchedule: boolean; startedBy: string }
  /** Who signed (as people read it: a name and their actor id) and when; null while unsigned. */
  signature: { signer: string; signedAt: Date; eds?: { subject: string; fingerprint: string; issuer: string } } | null
}

/** `2026-12-04 20:00` in Asia/Almaty, as people in Kazakhstan read a time. */
function almatyDateTime(at: Date): string {
  const local = new Date(at.getTime() + almatyOffsetMinutes(at) * 60_000)
  return `${almatyDate(at)} ${local.toISOString().slice(11, 16)}`
}

/**
 * A destruction act as a PDF (issue 5 §3), in kk, ru or en (A4, DejaVu Sans
 * for ә ғ қ ң ө ұ ү һ і): the operator and its BIN, the act's number and
 * date, the run (as-of, by the schedule or by whom), the rules with their
 * clauses, every subject id with its step, rule and data, the systems with
 * their outcome and the manual ones, the totals, the content hash, and the
 * signature block (signed by whom and when, or not signed yet). Dated by the
 * act's creation, so the same act and signature give the same bytes.
 *
 * @example
 * const pdf = await renderActPdf({ content, contentHash, run, signature: null }, 'kk')
 */
export async function renderActPdf(input: ActPdfInput, language: Language): Promise<Buffer> {
  const { content } = input
  const t = (key: keyof typeof ACT_TEXTS, values: Record<string, string | number> = {}) => fillActText(ACT_TEXTS[key][language], values)
  const created = new Date(content.createdAt)
  const { doc, done } = newPdfDocument({
    size: 'A4',
    margin: MARGIN,
    lang: language,
    info: { Title: `${t('title')} ${content.number}`, Creator: 'Derbes', CreationDate: created, ModDate: input.signature?.signedAt ?? created },
  })
  const width = doc.page.width - 2 * MARGIN
  const bottom = () => doc.page.height - MARGIN
  const line = (label: string, value: string) => {
    doc.font('bold').fontSize(9.5).text(`${label}: `, MARGIN, doc.y, { continued: true, width }).font('body').text(value)
  }
  const heading = (text: string) => {
    if (doc.y + 60 > bottom()) doc.addPage()
    doc.moveDown(0.6).font('bold').fontSize(11).text(text, MARGIN, doc.y, { width })
    doc.moveDown(0.3)
  }
  /** A table whose columns take the given shares of the width; the header repeats on each new page. */
  const table = (shares: number[], header: string[], rows: string[][]) => {
    const widths = shares.map((s) => (s * width) / shares.reduce((a, b) => a + b, 0))
    const row = (cells: string[], font: 'body' | 'bold') => {
      doc.font(font).fontSize(8)
      const height = Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: widths[i]! - 4 }))) + 4
      if (doc.y + height > bottom()) {
        doc.addPage()
        if (font === 'body') row(header, 'bold')
        doc.font(font).fontSize(8)
      }
      const y = doc.y
      let x = MARGIN
      cells.forEach((c, i) => {
        doc.text(c, x + 2, y + 2, { width: widths[i]! - 4 })
        x += widths[i]!
      })
      doc.moveTo(MARGIN, y + height).lineTo(MARGIN + width, y + height).lineWidth(0.3).strokeColor('#999999').stroke()
      doc.x = MARGIN
      doc.y = y + height
    }
    row(header, 'bold')
    for (const r of rows) row(r, 'body')
  }

  doc.font('bold').fontSize(13).fillColor('black').text(t('title'), MARGIN, MARGIN, { width, align: 'center' })
  doc.moveDown(0.2).font('body').fontSize(10).text(t('number', { number: content.number, date: almatyDate(created) }), { width, align: 'center' })
  doc.moveDown(0.8)
  line(t('operator'), content.operatorName[language])
  line(t('bin'), content.operatorBin ?? '—')
  line(t('actId'), content.actId)
  line(t('run'), content.runId)
  line(t('asOf'), almatyDateTime(new Date(content.asOf)))
  line(t('startedBy'), input.run.bySchedule ? t('bySchedule') : t('byHand', { actor: input.run.startedBy }))
  line(t('created'), almatyDateTime(created))
  doc.moveDown(0.4).font('body').fontSize(8.5).text(t('basis'), MARGIN, doc.y, { width })

  heading(t('rulesHeading'))
  table([3, 2, 4, 1.5], [t('colRule'), t('colStep'), t('colClauses'), t('colSubjects')],
    content.rules.map((r) => [r.ruleId, stepText(r.step, language), r.clauses.join(', '), String(r.subjects)]))

  heading(t('subjectsHeading'))
  const clausesOf = new Map(content.rules.map((r) => [`${r.ruleId} ${r.step}`, r.clauses.join(', ')]))
  table([0.6, 5, 1.5, 2, 2.2, 2], [t('colNo'), t('colSubject'), t('colStep'), t('colRule'), t('colClauses'), t('colItems')],
    content.subjects.map((s, i) => [String(i + 1), s.subjectId, stepText(s.step, language), s.ruleId, clausesOf.get(`${s.ruleId} ${s.step}`) ?? '', s.items === 'all' ? t('allItems') : s.items.join(', ')]))

  heading(t('systemsHeading'))
  table([4, 1.5, 1.5, 2], [t('colSystem'), t('colSubjects'), t('colRows'), t('colOutcome')], [
    [t('vault'), String(content.counts.subjects), '—', t('done')],
    ...content.systems.map((s) => [s.systemId, String(s.subjects), String(s.rows), t('done')]),
  ])
  if (content.manualSystems.length > 0) doc.moveDown(0.3).font('body').fontSize(8.5).text(t('manual', { systems: content.manualSystems.join(', ') }), MARGIN, doc.y, { width })

  doc.moveDown(0.8).font('bold').fontSize(9.5).text(t('totals', content.counts), MARGIN, doc.y, { width })
  heading(t('signature'))
  line(t('hash'), input.contentHash)
  doc.moveDown(0.3).font('bold').fontSize(10.5)
    .text(input.signature ? t('signedBy', { signer: input.signature.signer, date: almatyDateTime(input.signature.signedAt) }) : t('notSigned'), MARGIN, doc.y, { width })
  if (input.signature?.eds) doc.moveDown(0.3).font('body').fontSize(8.5).text(t('eds', input.signature.eds), MARGIN, doc.y, { width })
  doc.end()
  return done
}

function stepText(step: string, language: Language): string {
  return step === 'destroy' || step === 'anonymise' ? ACT_TEXTS[step][language] : step
}
