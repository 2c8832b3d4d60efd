import { useState, type FormEvent } from 'react'
import { useLanguage, useTexts, type Localized } from '../i18n/language.tsx'

/** The access bases of TTC-7.2 (src/policy/schema/access.ts); the operator's policy says which it accepts. */
const BASES: Record<string, Localized> = {
  job_duties: { kk: 'Лауазымдық міндеттер', ru: 'Должностные обязанности', en: 'Job duties' },
  covering_by_memo: { kk: 'Қызметтік жазба бойынша әріптесті алмастыру', ru: 'Замещение коллеги по служебной записке', en: 'Covering a colleague by memo' },
  management_order: { kk: 'Басшылықтың бұйрығы', ru: 'Приказ руководства', en: 'Management order' },
  assigned_task: { kk: 'Нақты тапсырма', ru: 'Конкретное поручение', en: 'A specific assignment' },
  contractor: { kk: 'Мердігер шарты', ru: 'Договор подряда', en: 'Contractor' },
}

const TEXTS = {
  why: {
    kk: 'Деректерді көрсету үшін саясатта көзделген негізді көрсетіңіз; ол аудит журналына жазылады (TTC-7.2).',
    ru: 'Чтобы показать данные, укажите основание, предусмотренное политикой; оно записывается в журнал аудита (TTC-7.2).',
    en: 'To show the data, give a basis the policy allows; it is recorded in the audit log (TTC-7.2).',
  },
  basis: { kk: 'Негіз', ru: 'Основание', en: 'Basis' },
  reference: { kk: 'Құжаттың нөмірі мен күні (лауазымдық міндеттерден басқа)', ru: 'Номер и дата документа (кроме должностных обязанностей)', en: 'Document number and date (except for job duties)' },
}

/**
 * Asks for the basis of a reading of personal data before it is shown
 * (TTC-7.1, TTC-7.2) and hands it over as the query the API expects
 * (`basis=…&reference=…`); the API checks it against the policy and audits it.
 */
export function AccessBasisForm({ id, submitLabel, onBasis }: { id: string; submitLabel: string; onBasis(query: URLSearchParams): void }) {
  const { language } = useLanguage()
  const t = useTexts(TEXTS)
  const [basis, setBasis] = useState('job_duties')
  const [reference, setReference] = useState('')
  function submit(event: FormEvent) {
    event.preventDefault()
    onBasis(new URLSearchParams({ basis, ...(reference.trim() ? { reference: reference.trim() } : {}) }))
  }
  return (
    <form onSubmit={submit}>
      <p>{t.why}</p>
      <label htmlFor={`${id}-basis`}>{t.basis}</label>
      <select id={`${id}-basis`} value={basis} onChange={(e) => setBasis(e.target.value)}>
        {Object.entries(BASES).map(([k, label]) => <option key={k} value={k}>{label[language]}</option>)}
      </select>
      <label htmlFor={`${id}-reference`}>{t.reference}</label>
      <input id={`${id}-reference`} value={reference} maxLength={200} onChange={(e) => setReference(e.target.value)} />
      <div className="actions"><button type="submit">{submitLabel}</button></div>
    </form>
  )
}
