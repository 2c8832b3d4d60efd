import { useState, type FormEvent } from 'react'
import { useNavigate, useSearchParams } from 'react-router'
import { api } from '../api/client.ts'
import { useLanguage, useTexts } from '../i18n/language.tsx'
import { ProblemNotice } from '../ui/problem-notice.tsx'
import { usePortalSession } from './portal-session.tsx'

const TEXTS = {
  title: { kk: 'Кіру', ru: 'Вход', en: 'Sign in' },
  how: { kk: 'Кодты қайда жіберейік?', ru: 'Куда отправить код?', en: 'Where should we send the code?' },
  phone: { kk: 'Телефон (SMS)', ru: 'Телефон (SMS)', en: 'Phone (SMS)' },
  email: { kk: 'Электрондық пошта', ru: 'Электронная почта', en: 'E-mail' },
  phoneLabel: { kk: 'Телефон нөмірі', ru: 'Номер телефона', en: 'Phone number' },
  emailLabel: { kk: 'Электрондық пошта мекенжайы', ru: 'Адрес электронной почты', en: 'E-mail address' },
  send: { kk: 'Код жіберу', ru: 'Отправить код', en: 'Send the code' },
  sent: { kk: 'Код жіберілді. Ол шектеулі уақыт жарамды.', ru: 'Код отправлен. Он действует ограниченное время.', en: 'The code has been sent. It is valid for a limited time.' },
  code: { kk: '6 таңбалы код', ru: 'Код из 6 цифр', en: '6-digit code' },
  verify: { kk: 'Растау', ru: 'Подтвердить', en: 'Confirm' },
  expired: { kk: 'Сессия аяқталды, қайта кіріңіз.', ru: 'Сеанс завершён, войдите снова.', en: 'Your session has ended; please sign in again.' },
}

type Kind = 'phone' | 'email'

export function SignInPage() {
  const { operatorId, signIn } = usePortalSession()
  const { language } = useLanguage()
  const t = useTexts(TEXTS)
  const navigate = useNavigate()
  const [params] = useSearchParams()
  const [kind, setKind] = useState<Kind>('phone')
  const [value, setValue] = useState('')
  const [challengeId, setChallengeId] = useState<string | null>(null)
  const [code, setCode] = useState('')
  const [error, setError] = useState<unknown>()
  const [busy, setBusy] = useState(false)
  const base = `/v1/operators/${operatorId}/portal`

  async function ask(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    setError(undefined)
    try {
      const challenge = await api<{ challengeId: string }>(`${base}/sign-in`, { body: { identifier: { kind, value }, language } })
      setChallengeId(challenge.challengeId)
    } catch (e) {
      setError(e)
    } finally {
      setBusy(false)
    }
  }

  async function verify(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    setError(undefined)
    try {
      const session = await api<{ token: string }>(`${base}/sign-in/verify`, { body: { challengeId, code } })
      signIn(session.token)
      navigate(`/portal/${operatorId}/consents`)
    } catch (e) {
      setError(e)
    } finally {
      setBusy(false)
    }
  }

  return (
    <>
      <h1>{t.title}</h1>
      {params.get('expired') ? <p className="notice-ok" role="status">{t.expired}</p> : null}
      <ProblemNotice error={error} />
      {challengeId === null ? (
        <form onSubmit={ask}>
          <fieldset>
            <legend>{t.how}</legend>
            {(['phone', 'email'] as const).map((k) => (
              <label key={k} style={{ fontWeight: 'normal' }}>
                <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} style={{ width: 'auto' }} /> {t[k]}
              </label>
            ))}
          </fieldset>
          <label htmlFor="identifier">{kind === 'phone' ? t.phoneLabel : t.emailLabel}</label>
          <input id="identifier" type={kind === 'phone' ? 'tel' : 'email'} autoComplete={kind === 'phone' ? 'tel' : 'email'} required value={value} onChange={(e) => setValue(e.target.value)} />
          <div className="actions">
            <button type="submit" disabled={busy}>{t.send}</button>
          </div>
        </form>
      ) : (
        <form onSubmit={verify}>
          <p role="status">{t.sent}</p>
          <label htmlFor="code">{t.code}</label>
          <input id="code" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9]{6}" maxLength={6} required value={code} onChange={(e) => setCode(e.target.value.trim())} />
          <div className="actions">
            <button type="submit" disabled={busy}>{t.verify}</button>
          </div>
        </form>
      )}
    </>
  )
}
