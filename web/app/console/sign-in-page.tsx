import { useState, type FormEvent } from 'react'
import { useNavigate, useSearchParams } from 'react-router'
import { api } from '../api/client.ts'
import { LanguageSwitch, useTexts } from '../i18n/language.tsx'
import { ProblemNotice } from '../ui/problem-notice.tsx'
import { useConsoleSession, type StaffView } from './session.tsx'

const TEXTS = {
  title: { kk: 'Консольге кіру', ru: 'Вход в консоль', en: 'Sign in to the console' },
  login: { kk: 'Логин', ru: 'Логин', en: 'Login' },
  password: { kk: 'Құпиясөз', ru: 'Пароль', en: 'Password' },
  signIn: { kk: 'Кіру', ru: 'Войти', en: 'Sign in' },
  totp: { kk: 'Аутентификатор қолданбасындағы код', ru: 'Код из приложения-аутентификатора', en: 'Code from your authenticator app' },
  confirm: { kk: 'Растау', ru: 'Подтвердить', en: 'Confirm' },
  second: { kk: 'Екінші фактор қажет.', ru: 'Нужен второй фактор.', en: 'A second factor is needed.' },
  expired: { kk: 'Сессия аяқталды, қайта кіріңіз.', ru: 'Сеанс завершён, войдите снова.', en: 'Your session has ended; please sign in again.' },
}

/** Password, then the TOTP code when the person has one (issue 3 §3, issue 6 §1). */
export function SignInPage() {
  const session = useConsoleSession()
  const t = useTexts(TEXTS)
  const navigate = useNavigate()
  const [params] = useSearchParams()
  const [login, setLogin] = useState('')
  const [password, setPassword] = useState('')
  const [code, setCode] = useState('')
  const [pending, setPending] = useState<string | null>(null)
  const [error, setError] = useState<unknown>()
  const [busy, setBusy] = useState(false)
  const base = `/v1/operators/${session.operatorId}`

  async function finish(token: string) {
    const current = await api<{ staff: StaffView }>(`${base}/sessions/current`, { token })
    session.signedIn(token, current.staff)
    navigate(`/console/${session.operatorId}/`)
  }
  async function submit(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    setError(undefined)
    try {
      if (pending) {
        await api(`${base}/sessions/current/second-factor`, { body: { code }, token: pending })
        await finish(pending)
      } else {
        const started = await api<{ token: string; state: string }>(`${base}/sessions`, { body: { login, password } })
        if (started.state === 'second_factor_pending') setPending(started.token)
        else await finish(started.token)
      }
    } catch (e) {
      setError(e)
    } finally {
      setBusy(false)
    }
  }
  return (
    <>
      <header className="topbar"><strong>Derbes · {session.operatorId.toUpperCase()}</strong><LanguageSwitch /></header>
      <main className="page">
        <h1>{t.title}</h1>
        {params.get('expired') ? <p className="notice-ok" role="status">{t.expired}</p> : null}
        <ProblemNotice error={error} />
        <form onSubmit={submit}>
          {pending ? (
            <>
              <p role="status">{t.second}</p>
              <label htmlFor="totp">{t.totp}</label>
              <input id="totp" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9]{6}" maxLength={6} required value={code} onChange={(e) => setCode(e.target.value.trim())} />
              <div className="actions"><button type="submit" disabled={busy}>{t.confirm}</button></div>
            </>
          ) : (
            <>
              <label htmlFor="login">{t.login}</label>
              <input id="login" autoComplete="username" required value={login} onChange={(e) => setLogin(e.target.value)} />
              <label htmlFor="password">{t.password}</label>
              <input id="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
              <div className="actions"><button type="submit" disabled={busy}>{t.signIn}</button></div>
            </>
          )}
        </form>
      </main>
    </>
  )
}
