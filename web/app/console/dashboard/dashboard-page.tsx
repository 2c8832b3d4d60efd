import { Link } from 'react-router'
import { useTexts } from '../../i18n/language.tsx'
import { ProblemNotice } from '../../ui/problem-notice.tsx'
import { useLoad } from '../../ui/use-load.ts'
import { useConsoleSession } from '../session.tsx'
import { ConsentChart } from './consent-chart.tsx'

interface Summary { open: number; overdue: number; dueToday: number; dueSoon: number; waiting: number }

const TEXTS = {
  title: { kk: 'Шолу', ru: 'Обзор', en: 'Overview' },
  overdue: { kk: 'Мерзімі өткен өтініштер', ru: 'Просроченные обращения', en: 'Overdue requests' },
  today: { kk: 'Бүгін жауап беру керек', ru: 'Ответить сегодня', en: 'Due today' },
  soon: { kk: 'Жақында жауап беру керек', ru: 'Скоро срок', en: 'Due soon' },
  open: { kk: 'Ашық өтініштер', ru: 'Открытые обращения', en: 'Open requests' },
  incidents: { kk: 'Ашық инциденттер', ru: 'Открытые инциденты', en: 'Open incidents' },
  see: { kk: 'Қарау', ru: 'Смотреть', en: 'View' },
}

/** What needs attention today (issue 6 §1): deadlines first, cards only for what the role may see. */
export default function DashboardPage() {
  const { call, can, operatorId } = useConsoleSession()
  const t = useTexts(TEXTS)
  const requests = useLoad(() => (can('requests:read') ? call<Summary>('/requests/overdue/summary') : Promise.resolve(undefined)), [call])
  const incidents = useLoad(() => (can('incidents:read') ? call<{ incidents: unknown[] }>('/incidents?status=open') : Promise.resolve(undefined)), [call])
  const base = `/console/${operatorId}`
  const card = (label: string, figure: number | undefined, to: string, urgent = false) => (
    <div className="card">
      <div className="muted">{label}</div>
      <div className={`figure${urgent && figure ? ' badge overdue' : ''}`} aria-label={`${label}: ${figure ?? '—'}`}>{figure ?? '—'}</div>
      <Link to={to}>{t.see}</Link>
    </div>
  )
  return (
    <>
      <h1>{t.title}</h1>
      <ProblemNotice error={requests.error ?? incidents.error} />
      <div className="cards">
        {can('requests:read') ? (
          <>
            {card(t.overdue, requests.data?.overdue, `${base}/requests`, true)}
            {card(t.today, requests.data?.dueToday, `${base}/requests`)}
            {card(t.soon, requests.data?.dueSoon, `${base}/requests`)}
            {card(t.open, requests.data?.open, `${base}/requests`)}
          </>
        ) : null}
        {can('incidents:read') ? card(t.incidents, incidents.data?.incidents.length, `${base}/incidents`) : null}
      </div>
      {can('consents:read') ? <ConsentChart /> : null}
    </>
  )
}
