import { useState } from 'react'
import { Link, useParams } from 'react-router'
import { download } from '../../api/client.ts'
import { useLanguage, useTexts } from '../../i18n/language.tsx'
import { formatDate, formatDateTime } from '../../ui/format.ts'
import { Loading } from '../../ui/loading.tsx'
import { ProblemNotice } from '../../ui/problem-notice.tsx'
import { useLoad } from '../../ui/use-load.ts'
import { useConsoleSession } from '../session.tsx'
import type { RequestView } from './requests-page.tsx'
import { IdentityProofForm } from './identity-proof-form.tsx'
import { RefuseForm } from './refuse-form.tsx'
import { RequestContentSection } from './request-content.tsx'
import { RequestAnswer } from './request-answer.tsx'
import { RequestTasks, type RequestTask } from './request-tasks.tsx'
import { CHANNEL_TEXTS, KIND_TEXTS, NEXT_STATES, REFUSAL_GROUND_TEXTS, STATE_TEXTS, WAITING_TEXTS } from './request-texts.ts'

interface RequestDetail extends RequestView {
  answeredAt: string | null
  refusal: { ground?: string; clauses?: string[]; detail?: string } | null
  verification: {
    identityProof?: { required: string[]; given: string[]; missing: string[] }
    eds?: { signedAt: string; certificateFingerprint: string; signer: { matched: 'subject' | 'representative' | 'not_checked' } }
  }
  history: Array<{ seq: number; from: string | null; to: string; at: string; actor: string; note: string | null }>
  tasks: RequestTask[]
}

const OPEN_STATES = ['received', 'verifying', 'in_progress', 'awaiting_systems']

const TEXTS = {
  back: { kk: 'Барлық өтініштер', ru: 'Все обращения', en: 'All requests' },
  state: { kk: 'Күйі', ru: 'Статус', en: 'State' },
  received: { kk: 'Қабылданды', ru: 'Получено', en: 'Received' },
  channel: { kk: 'Арна', ru: 'Канал', en: 'Channel' },
  due: { kk: 'Мерзімі', ru: 'Срок', en: 'Due' },
  late: { kk: 'мерзімі өтті', ru: 'просрочено', en: 'overdue' },
  waiting: { kk: 'Күтілуде', ru: 'Ожидается', en: 'Waiting for' },
  move: { kk: 'Келесі қадам', ru: 'Следующий шаг', en: 'Next step' },
  to: { kk: 'Өткізу:', ru: 'Перевести:', en: 'Move to:' },
  note: { kk: 'Тарихқа ескертпе (дербес деректерсіз)', ru: 'Заметка в историю (без персональных данных)', en: 'Note for the history (no personal data)' },
  refused: { kk: 'Бас тарту негізі', ru: 'Основание отказа', en: 'Refused on' },
  acknowledgement: { kk: 'Қабылданғаны туралы растаманы басып шығару (PDF)', ru: 'Подтверждение получения для печати (PDF)', en: 'Print the acknowledgement of receipt (PDF)' },
  history: { kk: 'Тарихы', ru: 'История', en: 'History' },
  subject: { kk: 'Субъект', ru: 'Субъект', en: 'Subject' },
  eds: { kk: 'ЭЦҚ тексерілді', ru: 'ЭЦП проверена', en: 'EDS checked' },
  signedAt: { kk: 'қол қойылды', ru: 'подписано', en: 'signed' },
  certificate: { kk: 'сертификат', ru: 'сертификат', en: 'certificate' },
}

/** Whom the EDS certificate's IIN matched (ESP-9, TW-4.5). */
const SIGNER_TEXTS = {
  subject: { kk: 'субъектінің өзі', ru: 'сам субъект', en: 'the subject' },
  representative: { kk: 'өкілі', ru: 'представитель', en: 'a representative' },
  not_checked: { kk: 'салыстырылмады: субъектінің ЖСН-і белгісіз', ru: 'не сверен: ИИН субъекта неизвестен', en: 'not compared: the subject’s IIN is not known' },
}

/** One request: its deadline, identity proof, tasks, answer, history and the steps its state allows (issue 4 §2–§7). */
export function RequestPage() {
  const { call, operatorId, can, token } = useConsoleSession()
  const { requestId = '' } = useParams()
  const { language } = useLanguage()
  const t = useTexts(TEXTS)
  const one = useLoad(() => call<RequestDetail>(`/requests/${encodeURIComponent(requestId)}`), [call, requestId])
  const [note, setNote] = useState('')
  const [error, setError] = useState<unknown>()
  const [busy, setBusy] = useState(false)
  const r = one.data
  const manage = can('requests:manage')

  async function move(to: string) {
    setBusy(true)
    setError(undefined)
    try {
      await call(`/requests/${encodeURIComponent(requestId)}/transitions`, { body: { to, ...(note.trim() ? { note: note.trim() } : {}) } })
      setNote('')
      one.reload()
    } catch (e) {
      setError(e)
    } finally {
      setBusy(false)
    }
  }

  return (
    <>
      <p><Link to={`/console/${operatorId}/requests`}>{t.back}</Link></p>
      <ProblemNotice error={one.error ?? error} />
      {one.loading && !r ? <Loading /> : null}
      {r ? (
        <>
          <h1>{r.reference} — {KIND_TEXTS[r.kind]?.[language] ?? r.kind}</h1>
          <dl>
            <dt>{t.state}</dt><dd data-testid="request-state">{STATE_TEXTS[r.state]?.[language] ?? r.state}</dd>
            <dt>{t.due}</dt><dd>{formatDate(r.dueOn, language)} {r.overdue ? <span className="badge overdue">{t.late}</span> : null}</dd>
            <dt>{t.received}</dt><dd>{formatDateTime(r.receivedAt, language)}</dd>
            <dt>{t.channel}</dt><dd>{CHANNEL_TEXTS[r.channel]?.[language] ?? r.channel}</dd>
            {r.subjectId ? (<><dt>{t.subject}</dt><dd>{can('subjects:read') ? <Link to={`/console/${operatorId}/subjects/${r.subjectId}`}>{r.subjectId}</Link> : r.subjectId}</dd></>) : null}
            {r.waitingFor.length ? (<><dt>{t.waiting}</dt><dd data-testid="request-waiting">{r.waitingFor.map((w) => WAITING_TEXTS[w]?.[language] ?? w).join(', ')}</dd></>) : null}
            {r.verification.eds ? (
              <><dt>{t.eds}</dt><dd data-testid="request-eds">{SIGNER_TEXTS[r.verification.eds.signer.matched][language]} — {t.signedAt} {formatDateTime(r.verification.eds.signedAt, language)}, {t.certificate} <code>{r.verification.eds.certificateFingerprint.slice(0, 16)}…</code></dd></>
            ) : null}
            {r.refusal ? (<><dt>{t.refused}</dt><dd>{REFUSAL_GROUND_TEXTS[r.refusal.ground ?? '']?.[language] ?? r.refusal.ground} — {(r.refusal.clauses ?? []).join(', ')}{r.refusal.detail ? `: ${r.refusal.detail}` : ''}</dd></>) : null}
          </dl>
          <div className="actions">
            <button type="button" className="secondary" onClick={() => download(`/v1/operators/${operatorId}/requests/${r.requestId}/acknowledgement.pdf?language=${r.language}`, `${r.reference}-acknowledgement.pdf`, token).catch(setError)}>{t.acknowledgement}</button>
          </div>
          {manage && r.hasSealedData ? <RequestContentSection requestId={r.requestId} /> : null}
          {manage && r.waitingFor.includes('identity_proof') ? <IdentityProofForm requestId={r.requestId} missing={r.verification.identityProof?.missing ?? []} onDone={one.reload} /> : null}
          {manage && NEXT_STATES[r.state]?.length ? (
            <section aria-labelledby="next-step">
              <h2 id="next-step">{t.move}</h2>
              <label htmlFor="note">{t.note}</label>
              <input id="note" value={note} onChange={(e) => setNote(e.target.value)} maxLength={1000} />
              <div className="actions">
                {NEXT_STATES[r.state]!.map((to) => (
                  <button key={to} type="button" disabled={busy} onClick={() => void move(to)}>{t.to} {STATE_TEXTS[to]?.[language] ?? to}</button>
                ))}
              </div>
            </section>
          ) : null}
          <RequestTasks requestId={r.requestId} tasks={r.tasks} onDone={one.reload} />
          {r.answeredAt || r.state === 'refused' ? <RequestAnswer requestId={r.requestId} /> : null}
          {manage && OPEN_STATES.includes(r.state) ? <RefuseForm requestId={r.requestId} onDone={one.reload} /> : null}
          <h2>{t.history}</h2>
          <ol>{r.history.map((h) => <li key={h.seq}>{formatDateTime(h.at, language)} — {STATE_TEXTS[h.to]?.[language] ?? h.to} ({h.actor}){h.note ? `: ${h.note}` : ''}</li>)}</ol>
        </>
      ) : null}
    </>
  )
}
