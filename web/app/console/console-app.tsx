import { lazy, Suspense, useState, type FormEvent } from 'react'
import { Navigate, NavLink, Route, Routes, useNavigate, useParams } from 'react-router'
import { api } from '../api/client.ts'
import { LanguageSwitch, useLanguage, useTexts } from '../i18n/language.tsx'
import { Loading } from '../ui/loading.tsx'
import { useLoad } from '../ui/use-load.ts'
import { CONSOLE_PAGES } from './pages.tsx'
import { IncidentPage } from './incidents/incident-page.tsx'
import { RequestPage } from './requests/request-page.tsx'
import { ConsoleSessionProvider, useConsoleSession } from './session.tsx'
import { SignInPage } from './sign-in-page.tsx'
import { SubjectPage } from './subjects/subject-page.tsx'

const RegisterRequestPage = lazy(() => import('./requests/register-request-page.tsx'))

const TEXTS = {
  console: { kk: 'Derbes — қызметкерлер консолі', ru: 'Derbes — консоль сотрудников', en: 'Derbes — staff console' },
  choose: { kk: 'Операторды таңдаңыз', ru: 'Выберите оператора', en: 'Choose the operator' },
  signOut: { kk: 'Шығу', ru: 'Выйти', en: 'Sign out' },
  menu: { kk: 'Консоль бөлімдері', ru: 'Разделы консоли', en: 'Console sections' },
  operator: { kk: 'Оператор', ru: 'Оператор', en: 'Operator' },
  open: { kk: 'Ашу', ru: 'Открыть', en: 'Open' },
}

/** The staff console (issue 6 §1): /console/ chooses the operator, /console/<operator>/… is its console. */
export default function ConsoleApp() {
  return (
    <Routes>
      <Route index element={<ChooseOperator />} />
      <Route path=":operatorId/*" element={<OperatorConsole />} />
    </Routes>
  )
}

interface OperatorSummary { operatorId: string; name: { kk: string; ru: string; en: string } }

function ChooseOperator() {
  const t = useTexts(TEXTS)
  const { language } = useLanguage()
  const navigate = useNavigate()
  const operators = useLoad(() => api<{ operators: OperatorSummary[] }>('/v1/operators'), [])
  const [chosen, setChosen] = useState(() => localStorage.getItem('derbes.console.last') ?? '')
  const open = (event: FormEvent) => {
    event.preventDefault()
    if (!chosen) return
    localStorage.setItem('derbes.console.last', chosen)
    navigate(`/console/${chosen}/`)
  }
  return (
    <>
      <header className="topbar"><strong>{t.console}</strong><LanguageSwitch /></header>
      <main className="page">
        <h1>{t.choose}</h1>
        <form onSubmit={open}>
          <label htmlFor="operator">{t.operator}</label>
          <select id="operator" value={chosen} onChange={(e) => setChosen(e.target.value)} required>
            <option value="" />
            {(operators.data?.operators ?? []).map((o) => <option key={o.operatorId} value={o.operatorId}>{o.name[language]} ({o.operatorId})</option>)}
          </select>
          <div className="actions"><button type="submit">{t.open}</button></div>
        </form>
      </main>
    </>
  )
}

function OperatorConsole() {
  const { operatorId = '' } = useParams()
  return (
    <ConsoleSessionProvider operatorId={operatorId}>
      <Routes>
        <Route path="sign-in" element={<SignInPage />} />
        <Route path="*" element={<SignedInLayout />} />
      </Routes>
    </ConsoleSessionProvider>
  )
}

function SignedInLayout() {
  const session = useConsoleSession()
  const { language } = useLanguage()
  const t = useTexts(TEXTS)
  if (!session.token || !session.staff) return <Navigate to={`/console/${session.operatorId}/sign-in`} replace />
  // Roles limit what each person sees (issue 6 §1); the API refuses the rest anyway.
  const pages = CONSOLE_PAGES.filter((p) => !p.permission || session.can(p.permission))
  const base = `/console/${session.operatorId}`
  return (
    <div className="layout">
      <nav aria-label={t.menu}>
        <p><strong>{session.operatorId.toUpperCase()}</strong></p>
        {pages.map((p) => <NavLink key={p.path} to={`${base}/${p.path}`} end={p.path === ''}>{p.title[language]}</NavLink>)}
        <hr />
        <p className="muted">{session.staff.displayName}<br />{session.staff.roleId}</p>
        <LanguageSwitch />
        <p><button type="button" className="secondary" onClick={() => void session.signOut()}>{t.signOut}</button></p>
      </nav>
      <main>
        <Suspense fallback={<Loading />}>
          <Routes>
            {pages.map((p) => <Route key={p.path} path={p.path === '' ? undefined : p.path} index={p.path === ''} element={<p.component />} />)}
            {session.can('requests:manage') ? <Route path="requests/new" element={<RegisterRequestPage />} /> : null}
            {session.can('requests:read') ? <Route path="requests/:requestId" element={<RequestPage />} /> : null}
            {session.can('incidents:read') ? <Route path="incidents/:incidentId" element={<IncidentPage />} /> : null}
            {session.can('subjects:read') ? <Route path="subjects/:subjectId" element={<SubjectPage />} /> : null}
            <Route path="*" element={<Navigate to={base + '/'} replace />} />
          </Routes>
        </Suspense>
      </main>
    </div>
  )
}
