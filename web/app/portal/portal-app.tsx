import { NavLink, Route, Routes, useParams } from 'react-router'
import { api } from '../api/client.ts'
import { LanguageSwitch, useLanguage, useTexts } from '../i18n/language.tsx'
import { useLoad } from '../ui/use-load.ts'
import { ActingForSwitch } from './acting-for-switch.tsx'
import { ConsentsPage } from './consents-page.tsx'
import { DataPage } from './data-page.tsx'
import { HomePage } from './home-page.tsx'
import { PortalSessionProvider, usePortalSession } from './portal-session.tsx'
import { RequestPage, RequestsPage } from './requests-page.tsx'
import { SignInPage } from './sign-in-page.tsx'

export interface OperatorSummary {
  operatorId: string
  name: { kk: string; ru: string; en: string }
  publishedVersionId: string | null
}

const TEXTS = {
  portal: { kk: 'Дербес деректер бойынша жеке кабинет', ru: 'Личный кабинет по персональным данным', en: 'Your personal data' },
  notice: { kk: 'Саясат', ru: 'Политика', en: 'Notice' },
  data: { kk: 'Менің деректерім', ru: 'Мои данные', en: 'My data' },
  consents: { kk: 'Менің келісімдерім', ru: 'Мои согласия', en: 'My consents' },
  requests: { kk: 'Менің өтініштерім', ru: 'Мои обращения', en: 'My requests' },
  signIn: { kk: 'Кіру', ru: 'Войти', en: 'Sign in' },
  signOut: { kk: 'Шығу', ru: 'Выйти', en: 'Sign out' },
  sections: { kk: 'Бөлімдер', ru: 'Разделы', en: 'Sections' },
}

/** The subjects' portal (issue 6 §2): /portal/<operator>/…, public notice first, the rest after a one-time code. */
export default function PortalApp() {
  const { operatorId = '' } = useParams()
  return (
    <PortalSessionProvider operatorId={operatorId}>
      <PortalLayout />
    </PortalSessionProvider>
  )
}

function PortalLayout() {
  const { operatorId, token, signOut } = usePortalSession()
  const { language } = useLanguage()
  const t = useTexts(TEXTS)
  const operator = useLoad(() => api<OperatorSummary>(`/v1/operators/${operatorId}`), [operatorId])
  const base = `/portal/${operatorId}`
  return (
    <>
      <header className="topbar">
        <div>
          <strong>{operator.data?.name[language] ?? operatorId}</strong>
          <div className="muted">{t.portal}</div>
        </div>
        <LanguageSwitch />
      </header>
      <nav className="topbar" aria-label={t.sections}>
        <div className="actions">
          <NavLink to={`${base}/`} end>{t.notice}</NavLink>
          {token ? (
            <>
              <NavLink to={`${base}/data`}>{t.data}</NavLink>
              <NavLink to={`${base}/consents`}>{t.consents}</NavLink>
              <NavLink to={`${base}/requests`}>{t.requests}</NavLink>
            </>
          ) : null}
        </div>
        {token ? (
          <button type="button" className="secondary" onClick={() => void signOut()}>{t.signOut}</button>
        ) : (
          <NavLink to={`${base}/sign-in`}>{t.signIn}</NavLink>
        )}
      </nav>
      <main className="page">
        {token ? <ActingForSwitch /> : null}
        <Routes>
          <Route index element={<HomePage operator={operator.data} />} />
          <Route path="sign-in" element={<SignInPage />} />
          <Route path="data" element={<DataPage />} />
          <Route path="consents" element={<ConsentsPage />} />
          <Route path="requests" element={<RequestsPage />} />
          <Route path="requests/:requestId" element={<RequestPage />} />
        </Routes>
      </main>
    </>
  )
}
