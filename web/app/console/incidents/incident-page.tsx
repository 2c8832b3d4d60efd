import { useState, type FormEvent } from 'react'
import { Link, useParams } from 'react-router'
import { download } from '../../api/client.ts'
import { useLanguage, useTexts, type Localized } from '../../i18n/language.tsx'
import { formatDate, formatDateTime } from '../../ui/format.ts'
import { Loading } from '../../ui/loading.tsx'
import { ProblemNotice } from '../../ui/problem-notice.tsx'
import { useAction } from '../../ui/use-action.ts'
import { useLoad } from '../../ui/use-load.ts'
import { useConsoleSession } from '../session.tsx'

interface Incident {
  incidentId: string
  reference: string
  kind: string
  description: string
  discoveredAt: string
  reportedBy: string
  status: 'open' | 'contained' | 'notified' | 'closed'
  measures: { at: string; by: string; text: string }[]
  subjectCount: number
  dueOn: string
  overdue: boolean
  businessDaysLeft: number | null
  authorityNotice: { sentAt: string; channel: string; reference: string | null; late: boolean } | null
}

interface TimelineEntry {
  at: string
  actor: string
  action: string
}

const STATUSES = ['open', 'contained', 'notified', 'closed'] as const
const CHANNELS = ['eotinish', 'email', 'letter', 'courier', 'portal', 'other'] as const

const TEXTS = {
  back: { kk: '← Инциденттер тізілімі', ru: '← Реестр инцидентов', en: '← Breach register' },
  kind: { kk: 'Түрі', ru: 'Вид', en: 'Kind' },
  description: { kk: 'Не болды', ru: 'Что произошло', en: 'What happened' },
  discovered: { kk: 'Табылды', ru: 'Обнаружен', en: 'Discovered' },
  status: { kk: 'Күйі', ru: 'Статус', en: 'Status' },
  subjects: { kk: 'Зардап шеккен субъектілер', ru: 'Затронутые субъекты', en: 'Affected subjects' },
  due: { kk: 'Органға хабарлау мерзімі', ru: 'Срок уведомления органа', en: 'Authority notice due' },
  daysLeft: { kk: 'жұмыс күні қалды', ru: 'рабочих дн. осталось', en: 'working day(s) left' },
  late: { kk: 'мерзімі өтті', ru: 'просрочено', en: 'overdue' },
  notified: { kk: 'Орган хабардар етілді', ru: 'Орган уведомлён', en: 'Authority notified' },
  notifiedLate: { kk: 'кешігіп', ru: 'с опозданием', en: 'late' },
  notice: { kk: 'Органға хабарлама', ru: 'Уведомление органа', en: 'Notice to the authorised body' },
  pdf: { kk: 'PDF жүктеу', ru: 'Скачать PDF', en: 'Download PDF' },
  channel: { kk: 'Арна', ru: 'Канал', en: 'Channel' },
  reference: { kk: 'Тіркеу нөмірі', ru: 'Регистрационный номер', en: 'Reference' },
  record: { kk: 'Жіберілгенін тіркеу', ru: 'Отметить отправку', en: 'Record it sent' },
  measures: { kk: 'Қабылданған шаралар', ru: 'Принятые меры', en: 'Measures taken' },
  addMeasure: { kk: 'Шара қосу', ru: 'Добавить меру', en: 'Add a measure' },
  noMeasures: { kk: 'Шаралар әлі жоқ.', ru: 'Мер пока нет.', en: 'No measures yet.' },
  moveTo: { kk: 'Күйін ауыстыру:', ru: 'Перевести:', en: 'Move to:' },
  timeline: { kk: 'Хронология', ru: 'Хронология', en: 'Timeline' },
  open: { kk: 'ашық', ru: 'открыт', en: 'open' },
  contained: { kk: 'шектелді', ru: 'локализован', en: 'contained' },
  closed: { kk: 'жабылды', ru: 'закрыт', en: 'closed' },
  notifiedStatus: { kk: 'хабарланды', ru: 'уведомлён', en: 'notified' },
}

const KINDS: Record<string, Localized> = {
  unlawful_distribution: { kk: 'заңсыз таратылу', ru: 'незаконное распространение', en: 'unlawful distribution' },
  change: { kk: 'заңсыз өзгерту', ru: 'незаконное изменение', en: 'unlawful alteration' },
  destruction: { kk: 'заңсыз жою', ru: 'незаконное уничтожение', en: 'unlawful destruction' },
  unauthorised_access: { kk: 'рұқсатсыз қол жеткізу', ru: 'несанкционированный доступ', en: 'unauthorised access' },
}

const ACTIONS: Record<string, Localized> = {
  registered: { kk: 'тіркелді', ru: 'зарегистрирован', en: 'registered' },
  measure_added: { kk: 'шара қосылды', ru: 'добавлена мера', en: 'measure added' },
  status_changed: { kk: 'күйі өзгерді', ru: 'изменён статус', en: 'status changed' },
  authority_notified: { kk: 'орган хабардар етілді', ru: 'орган уведомлён', en: 'authority notified' },
  subjects_resolved: { kk: 'субъектілер анықталды', ru: 'определены субъекты', en: 'subjects resolved' },
  subject_notices_queued: { kk: 'субъектілерге хабарламалар жіберуге қойылды', ru: 'уведомления субъектам поставлены в очередь', en: 'subject notices queued' },
  subject_notice_sent: { kk: 'субъектіге хабарлама жіберілді', ru: 'уведомление субъекту отправлено', en: 'subject notice sent' },
}

/**
 * One incident of the breach register (issue 5 §6, issue 6 §1 "incidents"):
 * the one-working-day deadline, the notice to the authorised body (PDF in kk
 * or ru, recorded sent), measures, the status moving forward, the timeline.
 */
export function IncidentPage() {
  const { operatorId, call, can, token } = useConsoleSession()
  const { language } = useLanguage()
  const t = useTexts(TEXTS)
  const { incidentId = '' } = useParams()
  const incident = useLoad(() => call<Incident>(`/incidents/${incidentId}`), [call, incidentId])
  const timeline = useLoad(() => call<{ entries: TimelineEntry[] }>(`/incidents/${incidentId}/timeline`), [call, incidentId])
  const [measure, setMeasure] = useState('')
  const [channel, setChannel] = useState<(typeof CHANNELS)[number]>('eotinish')
  const [reference, setReference] = useState('')
  const { busy, error, run: act } = useAction(() => {
    incident.reload()
    timeline.reload()
  })
  const manage = can('incidents:manage')
  const statusName = (s: Incident['status']) => (s === 'notified' ? t.notifiedStatus : t[s])

  const addMeasure = (event: FormEvent) => {
    event.preventDefault()
    void act(async () => {
      await call(`/incidents/${incidentId}/measures`, { body: { text: measure } })
      setMeasure('')
    })
  }
  const recordNotice = (event: FormEvent) => {
    event.preventDefault()
    void act(() => call(`/incidents/${incidentId}/authority-notice`, { body: { channel, ...(reference ? { reference } : {}) } }))
  }
  const pdf = (lang: 'kk' | 'ru') => act(() => download(`/v1/operators/${operatorId}/incidents/${incidentId}/authority-notice.pdf?lang=${lang}`, `${i?.reference ?? incidentId}-${lang}.pdf`, token))

  const i = incident.data
  const next = i ? STATUSES.slice(STATUSES.indexOf(i.status) + 1) : []
  return (
    <>
      <p><Link to={`/console/${operatorId}/incidents`}>{t.back}</Link></p>
      <ProblemNotice error={error ?? incident.error} />
      {incident.loading && !i ? <Loading /> : null}
      {i ? (
        <>
          <h1>{i.reference}</h1>
          <dl>
            <dt>{t.kind}</dt><dd>{KINDS[i.kind]?.[language] ?? i.kind}</dd>
            <dt>{t.description}</dt><dd>{i.description}</dd>
            <dt>{t.discovered}</dt><dd>{formatDateTime(i.discoveredAt, language)}</dd>
            <dt>{t.status}</dt><dd data-testid="incident-status">{statusName(i.status)}</dd>
            <dt>{t.subjects}</dt><dd>{i.subjectCount}</dd>
            <dt>{t.due}</dt>
            <dd>
              {formatDate(i.dueOn, language)}{' '}
              {i.authorityNotice ? (
                <span className="badge ok">{t.notified}{i.authorityNotice.late ? ` (${t.notifiedLate})` : ''}</span>
              ) : i.overdue ? (
                <span className="badge overdue">{t.late}</span>
              ) : i.businessDaysLeft !== null ? (
                <span className="muted">{i.businessDaysLeft} {t.daysLeft}</span>
              ) : null}
            </dd>
          </dl>

          <h2>{t.notice}</h2>
          <div className="actions">
            <button type="button" className="secondary" onClick={() => void pdf('kk')} disabled={busy}>{t.pdf} (қазақша)</button>
            <button type="button" className="secondary" onClick={() => void pdf('ru')} disabled={busy}>{t.pdf} (русский)</button>
          </div>
          {i.authorityNotice ? (
            <p>{t.notified}: {formatDateTime(i.authorityNotice.sentAt, language)}, {i.authorityNotice.channel}{i.authorityNotice.reference ? `, ${i.authorityNotice.reference}` : ''}</p>
          ) : manage ? (
            <form onSubmit={recordNotice}>
              <label>
                {t.channel}
                <select value={channel} onChange={(e) => setChannel(e.target.value as (typeof CHANNELS)[number])}>
                  {CHANNELS.map((c) => <option key={c} value={c}>{c}</option>)}
                </select>
              </label>
              <label>
                {t.reference}
                <input value={reference} onChange={(e) => setReference(e.target.value)} maxLength={200} />
              </label>
              <button type="submit" disabled={busy}>{t.record}</button>
            </form>
          ) : null}

          <h2>{t.measures}</h2>
          {i.measures.length ? (
            <ul>{i.measures.map((m, k) => <li key={k}>{formatDateTime(m.at, language)} — {m.text}</li>)}</ul>
          ) : <p>{t.noMeasures}</p>}
          {manage ? (
            <form onSubmit={addMeasure}>
              <label>
                {t.addMeasure}
                <textarea value={measure} onChange={(e) => setMeasure(e.target.value)} rows={2} maxLength={2000} />
              </label>
              <button type="submit" disabled={busy || measure.trim().length === 0}>{t.addMeasure}</button>
            </form>
          ) : null}
          {manage && next.length ? (
            <div className="actions">
              <span>{t.moveTo}</span>
              {next.map((s) => (
                <button key={s} type="button" className="secondary" disabled={busy} onClick={() => void act(() => call(`/incidents/${incidentId}/status`, { body: { to: s } }))}>
                  {statusName(s)}
                </button>
              ))}
            </div>
          ) : null}

          <h2>{t.timeline}</h2>
          <ol>
            {(timeline.data?.entries ?? []).map((e, k) => (
              <li key={k} data-action={e.action}><time dateTime={e.at}>{formatDateTime(e.at, language)}</time> — {ACTIONS[e.action]?.[language] ?? e.action} ({e.actor})</li>
            ))}
          </ol>
        </>
      ) : null}
    </>
  )
}
