import { useState } from 'react'
import { Link } from 'react-router'
import { useLanguage, useTexts } from '../../i18n/language.tsx'
import { formatDate } from '../../ui/format.ts'
import { Loading } from '../../ui/loading.tsx'
import { ProblemNotice } from '../../ui/problem-notice.tsx'
import { useLoad } from '../../ui/use-load.ts'
import { useConsoleSession } from '../session.tsx'
import { KIND_TEXTS, STATE_TEXTS } from './request-texts.ts'

export interface RequestView {
  requestId: string
  reference: string
  kind: string
  state: string
  subjectId: string | null
  channel: string
  language: 'kk' | 'ru' | 'en'
  receivedAt: string
  dueOn: string
  overdue: boolean
  businessDaysLeft: number | null
  waitingFor: string[]
  hasSealedData: boolean
}

const TEXTS = {
  title: { kk: 'Субъектілердің өтініштері', ru: 'Обращения субъектов', en: 'Data subject requests' },
  show: { kk: 'Көрсету', ru: 'Показать', en: 'Show' },
  open: { kk: 'ашық', ru: 'открытые', en: 'open' },
  overdue: { kk: 'мерзімі өткен', ru: 'просроченные', en: 'overdue' },
  today: { kk: 'бүгін', ru: 'сегодня', en: 'due today' },
  soon: { kk: 'жақында', ru: 'скоро', en: 'due soon' },
  all: { kk: 'барлығы', ru: 'все', en: 'all' },
  reference: { kk: 'Нөмірі', ru: 'Номер', en: 'Reference' },
  kind: { kk: 'Түрі', ru: 'Вид', en: 'Kind' },
  state: { kk: 'Күйі', ru: 'Статус', en: 'State' },
  due: { kk: 'Мерзімі', ru: 'Срок', en: 'Due' },
  left: { kk: 'жұмыс күні қалды', ru: 'раб. дн. осталось', en: 'business days left' },
  late: { kk: 'мерзімі өтті', ru: 'просрочено', en: 'overdue' },
  empty: { kk: 'Өтініштер жоқ.', ru: 'Обращений нет.', en: 'No requests.' },
  register: { kk: 'Қағаз өтінішті тіркеу', ru: 'Зарегистрировать бумажное обращение', en: 'Register a paper request' },
}

const FILTERS = ['open', 'overdue', 'today', 'soon', 'all'] as const

/** Requests with their due dates (issue 4 §3, issue 6 §1): overdue ones are impossible to miss. */
export default function RequestsPage() {
  const { call, operatorId, can } = useConsoleSession()
  const { language } = useLanguage()
  const t = useTexts(TEXTS)
  const [filter, setFilter] = useState<(typeof FILTERS)[number]>('open')
  const query = filter === 'open' ? '?state=open' : filter === 'all' ? '' : `?due=${filter}`
  const list = useLoad(() => call<{ items: RequestView[]; total: number; overdue: number }>(`/requests${query}`), [call, query])
  return (
    <>
      <h1>{t.title}</h1>
      {can('requests:manage') ? <p><Link to={`/console/${operatorId}/requests/new`}>{t.register}</Link></p> : null}
      <div className="actions" role="group" aria-label={t.show}>
        {FILTERS.map((f) => (
          <button key={f} type="button" className={f === filter ? '' : 'secondary'} aria-pressed={f === filter} onClick={() => setFilter(f)}>{t[f]}</button>
        ))}
      </div>
      <ProblemNotice error={list.error} />
      {list.loading && !list.data ? <Loading /> : null}
      {list.data?.items.length === 0 ? <p>{t.empty}</p> : null}
      {list.data?.items.length ? (
        <table>
          <thead><tr><th scope="col">{t.reference}</th><th scope="col">{t.kind}</th><th scope="col">{t.state}</th><th scope="col">{t.due}</th></tr></thead>
          <tbody>
            {list.data.items.map((r) => (
              <tr key={r.requestId}>
                <th scope="row"><Link to={`/console/${operatorId}/requests/${r.requestId}`}>{r.reference}</Link></th>
                <td>{KIND_TEXTS[r.kind]?.[language] ?? r.kind}</td>
                <td>{STATE_TEXTS[r.state]?.[language] ?? r.state}</td>
                <td>
                  {formatDate(r.dueOn, language)}{' '}
                  {r.overdue ? <span className="badge overdue">{t.late}</span> : r.businessDaysLeft !== null ? <span className="muted">({r.businessDaysLeft} {t.left})</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  )
}
