import { useState, type FormEvent } from 'react'
import { useLanguage, useTexts } from '../../i18n/language.tsx'
import { ProblemNotice } from '../../ui/problem-notice.tsx'
import { useAction } from '../../ui/use-action.ts'
import { useConsoleSession } from '../session.tsx'
import { REFUSAL_GROUND_TEXTS } from './request-texts.ts'

const TEXTS = {
  title: { kk: 'Бас тарту', ru: 'Отказ', en: 'Refuse' },
  why: {
    kk: 'Бас тарту негізі мен сілтеме жасалатын тармақтар субъектіге жауапта көрсетіледі.',
    ru: 'Основание отказа и пункты, на которые он опирается, указываются в ответе субъекту.',
    en: 'The ground and the clauses it rests on are stated in the answer to the subject.',
  },
  ground: { kk: 'Бас тарту негізі', ru: 'Основание отказа', en: 'Ground of the refusal' },
  clauses: { kk: 'Тармақтар немесе баптар (үтір арқылы)', ru: 'Пункты или статьи (через запятую)', en: 'Clauses or articles (comma-separated)' },
  detail: { kk: 'Субъектіге түсіндірме (дербес деректерсіз)', ru: 'Пояснение субъекту (без персональных данных)', en: 'Explanation to the subject (no personal data)' },
  refuse: { kk: 'Бас тарту', ru: 'Отказать', en: 'Refuse' },
}

/** Refusing a request with its reasons, each citing the clause or article (issue 4 §4: TTC-9.1, KZK-2.3.5, art. 8(2), ESP-9). */
export function RefuseForm({ requestId, onDone }: { requestId: string; onDone(): void }) {
  const { call } = useConsoleSession()
  const { language } = useLanguage()
  const t = useTexts(TEXTS)
  const [ground, setGround] = useState('obligation_unfulfilled')
  const [clauses, setClauses] = useState('')
  const [detail, setDetail] = useState('')
  const action = useAction(onDone)

  function refuse(event: FormEvent) {
    event.preventDefault()
    const cited = clauses.split(/[,;]/).map((c) => c.trim()).filter(Boolean)
    const body = { ground, clauses: cited, ...(detail.trim() ? { detail: detail.trim() } : {}) }
    void action.run(() => call(`/requests/${encodeURIComponent(requestId)}/refuse`, { body }))
  }

  return (
    <section aria-labelledby="refuse-title">
      <h2 id="refuse-title">{t.title}</h2>
      <p className="muted">{t.why}</p>
      <ProblemNotice error={action.error} />
      <form onSubmit={refuse}>
        <label htmlFor="refusal-ground">{t.ground}</label>
        <select id="refusal-ground" value={ground} onChange={(e) => setGround(e.target.value)}>
          {Object.entries(REFUSAL_GROUND_TEXTS).map(([g, text]) => <option key={g} value={g}>{text[language]}</option>)}
        </select>
        <label htmlFor="refusal-clauses">{t.clauses}</label>
        <input id="refusal-clauses" value={clauses} required placeholder="TTC-9.1, art. 8(2)" onChange={(e) => setClauses(e.target.value)} />
        <label htmlFor="refusal-detail">{t.detail}</label>
        <textarea id="refusal-detail" rows={3} maxLength={2000} value={detail} onChange={(e) => setDetail(e.target.value)} />
        <div className="actions"><button type="submit" className="danger" disabled={action.busy}>{t.refuse}</button></div>
      </form>
    </section>
  )
}
