import { useState, type FormEvent } from 'react'
import { useLanguage, useTexts } from '../../i18n/language.tsx'
import { ProblemNotice } from '../../ui/problem-notice.tsx'
import { useAction } from '../../ui/use-action.ts'
import { useConsoleSession } from '../session.tsx'
import { EdsSignatureFields, edsSignatureBody, type EdsFiles } from './eds-signature-fields.tsx'
import { SIGNATURE_TEXTS } from './request-texts.ts'

const TEXTS = {
  title: { kk: 'Жеке басын растау', ru: 'Подтверждение личности', en: 'Identity proof' },
  why: {
    kk: 'Саясат талап ететін деректерді енгізіңіз (ESP-9). Олар шифрланып сақталады; өтініш растау келгенше күтеді, мерзімі кешікпейді.',
    ru: 'Введите то, что требует политика (ESP-9). Данные хранятся зашифрованными; обращение ждёт подтверждения, а не молча просрочивается.',
    en: 'Enter what the policy demands (ESP-9). It is kept sealed; the request waits for it visibly instead of running late silently.',
  },
  missing: { kk: 'Жетіспейді', ru: 'Не хватает', en: 'Missing' },
  number: { kk: 'Жеке куәлік нөмірі', ru: 'Номер удостоверения личности', en: 'ID document number' },
  issued: { kk: 'Берілген күні', ru: 'Дата выдачи', en: 'Date of issue' },
  issuer: { kk: 'Кім берді', ru: 'Кем выдано', en: 'Issued by' },
  signature: { kk: 'Қолтаңба', ru: 'Подпись', en: 'Signature' },
  none: { kk: '— жоқ —', ru: '— нет —', en: '— none —' },
  reference: { kk: 'Тіркелген құжаттың нөмірі', ru: 'Номер зарегистрированного документа', en: 'Registered document number' },
  save: { kk: 'Растауды сақтау', ru: 'Сохранить подтверждение', en: 'Record the proof' },
}

const MISSING_TEXTS: Record<string, { kk: string; ru: string; en: string }> = {
  id_document_number: TEXTS.number,
  id_document_issue_date: TEXTS.issued,
  id_document_issuer: TEXTS.issuer,
}

/** Staff enter the identity proof a request carries (issue 4 §2, ESP-9) — an electronic one's EDS file too, checked by Derbes; the request goes on once nothing is missing. */
export function IdentityProofForm({ requestId, missing, onDone }: { requestId: string; missing: string[]; onDone(): void }) {
  const { call } = useConsoleSession()
  const { language } = useLanguage()
  const t = useTexts(TEXTS)
  const [number, setNumber] = useState('')
  const [issued, setIssued] = useState('')
  const [issuer, setIssuer] = useState('')
  const [signature, setSignature] = useState('')
  const [reference, setReference] = useState('')
  const [eds, setEds] = useState<EdsFiles>({ cms: null, document: null })
  const action = useAction(onDone)

  function save(event: FormEvent) {
    event.preventDefault()
    void action.run(async () => {
      const signed = signature === 'eds' ? await edsSignatureBody(eds) : {}
      const body = {
        ...(number.trim() ? { idDocumentNumber: number.trim() } : {}),
        ...(issued ? { idDocumentIssueDate: issued } : {}),
        ...(issuer.trim() ? { idDocumentIssuer: issuer.trim() } : {}),
        ...(signature ? { signature: { kind: signature, ...(reference.trim() ? { reference: reference.trim() } : {}), ...signed } } : {}),
      }
      await call(`/requests/${encodeURIComponent(requestId)}/identity-proof`, { body })
    })
  }

  const describe = (code: string) => code.split('|').map((part) => MISSING_TEXTS[part]?.[language] ?? SIGNATURE_TEXTS[part]?.[language] ?? part).join(' / ')
  return (
    <section aria-labelledby="proof-title">
      <h2 id="proof-title">{t.title}</h2>
      <p className="muted">{t.why}</p>
      {missing.length ? <p>{t.missing}: {missing.map(describe).join('; ')}</p> : null}
      <ProblemNotice error={action.error} />
      <form onSubmit={save}>
        <label htmlFor="proof-number">{t.number}</label>
        <input id="proof-number" value={number} maxLength={50} autoComplete="off" onChange={(e) => setNumber(e.target.value)} />
        <label htmlFor="proof-issued">{t.issued}</label>
        <input id="proof-issued" type="date" value={issued} onChange={(e) => setIssued(e.target.value)} />
        <label htmlFor="proof-issuer">{t.issuer}</label>
        <input id="proof-issuer" value={issuer} maxLength={200} onChange={(e) => setIssuer(e.target.value)} />
        <label htmlFor="proof-signature">{t.signature}</label>
        <select id="proof-signature" value={signature} onChange={(e) => setSignature(e.target.value)}>
          <option value="">{t.none}</option>
          {Object.entries(SIGNATURE_TEXTS).map(([k, text]) => <option key={k} value={k}>{text[language]}</option>)}
        </select>
        {signature ? (<><label htmlFor="proof-reference">{t.reference}</label><input id="proof-reference" value={reference} maxLength={200} onChange={(e) => setReference(e.target.value)} /></>) : null}
        {signature === 'eds' ? <EdsSignatureFields idPrefix="proof-eds" files={eds} onChange={setEds} /> : null}
        <div className="actions"><button type="submit" disabled={action.busy}>{t.save}</button></div>
      </form>
    </section>
  )
}
