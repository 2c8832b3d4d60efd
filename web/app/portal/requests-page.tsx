import { useState, type FormEvent } from 'react'
import { Link, Navigate, useParams } from 'react-router'
import { useLanguage, useTexts, type Localized } from '../i18n/language.tsx'
import { download } from '../api/client.ts'
import { CorrectionItems, correctionContent, type CorrectionRow } from '../ui/correction-items.tsx'
import { usePublishedPolicy } from '../ui/published-policy.ts'
import { formatDate, formatDateTime } from '../ui/format.ts'
import { Loading } from '../ui/loading.tsx'
import { ProblemNotice } from '../ui/problem-notice.tsx'
import { useLoad } from '../ui/use-load.ts'
import { usePortalSession } from './portal-session.tsx'

interface PortalRequest {
  requestId: string
  reference: string
  kind: string
  kindText: Localized
  state: string
  stateText: Localized
  receivedAt: string
  dueOn: string
  overdue: boolean
  businessDaysLeft: number | null
  waitingFor: Array<{ code: string; text: Localized }>
  answeredAt: string | null
  history?: Array<{ state: string; stateText: Localized; at: string }>
}

/** The kinds a subject submits from the portal; rectify and supplement carry the new values and their documents' hashes. */
const KINDS: Record<string, Localized> = {
  information: { kk: 'Деректерді өңдеу туралы ақпарат', ru: 'Сведения об обработке данных', en: 'Information about the processing' },
  access: { kk: 'Деректерімнің көшірмесі', ru: 'Копия моих данных', en: 'A copy of my data' },
  rectify: { kk: 'Деректерді түзету', ru: 'Исправление данных', en: 'Correct my data' },
  supplement: { kk: 'Деректерді толықтыру', ru: 'Дополнение данных', en: 'Supplement my data' },
  block: { kk: 'Деректерді бұғаттау', ru: 'Блокирование данных', en: 'Block my data' },
  destroy_unlawful: { kk: 'Деректерді жою', ru: 'Уничтожение данных', en: 'Destroy my data' },
  anonymise: { kk: 'Деректерді иесіздендіру', ru: 'Обезличивание данных', en: 'Anonymise my data' },
  stop_unlawful_processing: { kk: 'Заңсыз өңдеуді тоқтату', ru: 'Прекращение незаконной обработки', en: 'Stop unlawful processing' },
  complaint: { kk: 'Шағым', ru: 'Жалоба', en: 'Complaint' },
}

const TEXTS = {
  title: { kk: 'Менің өтініштерім', ru: 'Мои обращения', en: 'My requests' },
  submitTitle: { kk: 'Жаңа өтініш', ru: 'Новое обращение', en: 'New request' },
  kind: { kk: 'Не сұрайсыз', ru: 'О чём вы просите', en: 'What you ask for' },
  text: { kk: 'Өз сөзіңізбен', ru: 'Своими словами', en: 'In your own words' },
  submit: { kk: 'Жіберу', ru: 'Отправить', en: 'Send' },
  corrections: { kk: 'Не түзетілуі немесе толықтырылуы керек', ru: 'Что исправить или дополнить', en: 'What to correct or supplement' },
  idDocument: { kk: 'Жеке куәлік (операторның саясаты талап етеді)', ru: 'Удостоверение личности (требует политика оператора)', en: 'ID document (the operator’s policy asks for it)' },
  idNumber: { kk: 'Нөмірі', ru: 'Номер', en: 'Number' },
  idIssued: { kk: 'Берілген күні', ru: 'Дата выдачи', en: 'Date of issue' },
  idIssuer: { kk: 'Кім берді', ru: 'Кем выдано', en: 'Issued by' },
  submitted: { kk: 'Өтініш қабылданды', ru: 'Обращение принято', en: 'The request has been received' },
  reference: { kk: 'Нөмірі', ru: 'Номер', en: 'Reference' },
  state: { kk: 'Күйі', ru: 'Статус', en: 'State' },
  received: { kk: 'Қабылданды', ru: 'Получено', en: 'Received' },
  due: { kk: 'Жауап беру мерзімі', ru: 'Срок ответа', en: 'Answer due by' },
  overdue: { kk: 'мерзімі өтті', ru: 'просрочено', en: 'overdue' },
  empty: { kk: 'Өтініштер жоқ.', ru: 'Обращений нет.', en: 'No requests.' },
  waiting: { kk: 'Сізден күтілуде', ru: 'Ожидается от вас', en: 'Waiting for you' },
  history: { kk: 'Тарихы', ru: 'История', en: 'History' },
  answer: { kk: 'Жауапты жүктеу (PDF)', ru: 'Скачать ответ (PDF)', en: 'Download the answer (PDF)' },
  acknowledgement: { kk: 'Қабылданғаны туралы растама (PDF)', ru: 'Подтверждение получения (PDF)', en: 'Acknowledgement of receipt (PDF)' },
  back: { kk: 'Барлық өтініштер', ru: 'Все обращения', en: 'All requests' },
}

export function RequestsPage() {
  const { token, call, operatorId, forSubject, onBehalfOf } = usePortalSession()
  const { language } = useLanguage()
  const t = useTexts(TEXTS)
  const list = useLoad(() => (token ? call<{ items: PortalRequest[] }>(forSubject('/requests')) : Promise.resolve(undefined)), [token, call, forSubject])
  const policy = usePublishedPolicy(operatorId)
  const [kind, setKind] = useState('information')
  const [text, setText] = useState('')
  const [rows, setRows] = useState<CorrectionRow[]>([{ itemId: '', value: '', documents: [] }])
  const [idDocument, setIdDocument] = useState({ number: '', issueDate: '', issuer: '' })
  const corrects = kind === 'rectify' || kind === 'supplement'
  // ESP-9 asks for the ID document's number, date and issuer besides the signature (the portal login stands for it).
  const asksIdDocument = policy.identityProof.some((p) => p.startsWith('id_document_'))
  const [error, setError] = useState<unknown>()
  const [sent, setSent] = useState<PortalRequest | null>(null)
  if (!token) return <Navigate to="../sign-in" relative="path" />

  async function submit(event: FormEvent) {
    event.preventDefault()
    setError(undefined)
    try {
      const content = {
        ...(corrects ? { items: await correctionContent(rows) } : {}),
        ...(kind === 'complaint' || text.trim() ? { text: text.trim() || '—' } : {}),
      }
      const id = { ...(idDocument.number.trim() ? { number: idDocument.number.trim() } : {}), ...(idDocument.issueDate ? { issueDate: idDocument.issueDate } : {}), ...(idDocument.issuer.trim() ? { issuer: idDocument.issuer.trim() } : {}) }
      const body = {
        kind,
        language,
        ...(onBehalfOf ? { onBehalfOf } : {}),
        ...(Object.keys(content).length ? { content } : {}),
        ...(Object.keys(id).length ? { idDocument: id } : {}),
      }
      setSent(await call<PortalRequest>('/requests', { body }))
      setText('')
      setRows([{ itemId: '', value: '', documents: [] }])
      list.reload()
    } catch (e) {
      setError(e)
    }
  }

  const items = list.data?.items ?? []
  return (
    <>
      <h1>{t.title}</h1>
      <ProblemNotice error={list.error} />
      {list.loading && !list.data ? <Loading /> : null}
      {list.data && items.length === 0 ? <p>{t.empty}</p> : null}
      {items.length > 0 ? (
        <table>
          <thead>
            <tr><th scope="col">{t.reference}</th><th scope="col">{t.kind}</th><th scope="col">{t.state}</th><th scope="col">{t.received}</th><th scope="col">{t.due}</th></tr>
          </thead>
          <tbody>
            {items.map((r) => (
              <tr key={r.requestId}>
                <th scope="row"><Link to={`/portal/${operatorId}/requests/${r.requestId}`}>{r.reference}</Link></th>
                <td>{r.kindText[language]}</td>
                <td>{r.stateText[language]}</td>
                <td>{formatDate(r.receivedAt, language)}</td>
                <td>{formatDate(r.dueOn, language)} {r.overdue ? <span className="badge overdue">{t.overdue}</span> : null}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <h2>{t.submitTitle}</h2>
      {sent ? <p className="notice-ok" role="status">{t.submitted}: {sent.reference}. {t.due}: {formatDate(sent.dueOn, language)}</p> : null}
      <ProblemNotice error={error} />
      <form onSubmit={submit}>
        <label htmlFor="request-kind">{t.kind}</label>
        <select id="request-kind" value={kind} onChange={(e) => setKind(e.target.value)}>
          {Object.entries(KINDS).map(([k, label]) => <option key={k} value={k}>{label[language]}</option>)}
        </select>
        {corrects ? (<><h3>{t.corrections}</h3><CorrectionItems items={policy.items} rows={rows} onChange={setRows} /></>) : null}
        {asksIdDocument ? (
          <fieldset>
            <legend>{t.idDocument}</legend>
            <label htmlFor="id-number">{t.idNumber}</label>
            <input id="id-number" value={idDocument.number} maxLength={50} autoComplete="off" onChange={(e) => setIdDocument({ ...idDocument, number: e.target.value })} />
            <label htmlFor="id-issued">{t.idIssued}</label>
            <input id="id-issued" type="date" value={idDocument.issueDate} onChange={(e) => setIdDocument({ ...idDocument, issueDate: e.target.value })} />
            <label htmlFor="id-issuer">{t.idIssuer}</label>
            <input id="id-issuer" value={idDocument.issuer} maxLength={200} onChange={(e) => setIdDocument({ ...idDocument, issuer: e.target.value })} />
          </fieldset>
        ) : null}
        <label htmlFor="request-text">{t.text}</label>
        <textarea id="request-text" rows={4} value={text} required={kind === 'complaint'} onChange={(e) => setText(e.target.value)} />
        <div className="actions"><button type="submit">{t.submit}</button></div>
      </form>
    </>
  )
}

export function RequestPage() {
  const { token, call, operatorId } = usePortalSession()
  const { requestId = '' } = useParams()
  const { language } = useLanguage()
  const t = useTexts(TEXTS)
  const one = useLoad(() => (token ? call<PortalRequest>(`/requests/${encodeURIComponent(requestId)}`) : Promise.resolve(undefined)), [token, call, requestId])
  const [error, setError] = useState<unknown>()
  if (!token) return <Navigate to="../../sign-in" relative="path" />
  const r = one.data
  return (
    <>
      <p><Link to={`/portal/${operatorId}/requests`}>{t.back}</Link></p>
      <ProblemNotice error={one.error ?? error} />
      {one.loading && !r ? <Loading /> : null}
      {r ? (
        <>
          <h1>{r.kindText[language]} — {r.reference}</h1>
          <dl>
            <dt>{t.state}</dt><dd>{r.stateText[language]}</dd>
            <dt>{t.received}</dt><dd>{formatDateTime(r.receivedAt, language)}</dd>
            <dt>{t.due}</dt><dd>{formatDate(r.dueOn, language)} {r.overdue ? <span className="badge overdue">{t.overdue}</span> : null}</dd>
          </dl>
          {r.waitingFor.length ? (<><h2>{t.waiting}</h2><ul>{r.waitingFor.map((w) => <li key={w.code}>{w.text[language]}</li>)}</ul></>) : null}
          <div className="actions">
            {r.answeredAt ? (
              <button type="button" onClick={() => download(`/v1/operators/${operatorId}/portal/requests/${r.requestId}/answer.pdf`, `${r.reference}.pdf`, token).catch(setError)}>{t.answer}</button>
            ) : null}
            <button type="button" className="secondary" onClick={() => download(`/v1/operators/${operatorId}/portal/requests/${r.requestId}/acknowledgement.pdf?language=${language}`, `${r.reference}-acknowledgement.pdf`, token).catch(setError)}>{t.acknowledgement}</button>
          </div>
          <h2>{t.history}</h2>
          <ol>{(r.history ?? []).map((h, i) => <li key={i}>{formatDateTime(h.at, language)} — {h.stateText[language]}</li>)}</ol>
        </>
      ) : null}
    </>
  )
}
