import { Link } from 'react-router'
import { useLanguage, useTexts } from '../i18n/language.tsx'
import type { OperatorSummary } from './portal-app.tsx'
import { usePortalSession } from './portal-session.tsx'

const TEXTS = {
  title: { kk: 'Дербес деректерді өңдеу туралы', ru: 'Об обработке персональных данных', en: 'How your personal data is processed' },
  intro: {
    kk: 'Мұнда сіз оператордың саясатын оқып, өзіңіз туралы қандай деректер сақталатынын көре аласыз, келісімдеріңізді басқарып, өтініш жібере аласыз.',
    ru: 'Здесь вы можете прочитать политику оператора, увидеть, какие данные о вас хранятся, управлять согласиями и направлять обращения.',
    en: 'Here you can read the operator’s policy, see what is held about you, manage your consents and send requests.',
  },
  read: { kk: 'Саясатты оқу', ru: 'Прочитать политику', en: 'Read the notice' },
  signIn: { kk: 'Бір реттік кодпен кіру', ru: 'Войти по одноразовому коду', en: 'Sign in with a one-time code' },
  none: { kk: 'Оператордың жарияланған саясаты жоқ.', ru: 'У оператора нет опубликованной политики.', en: 'The operator has no published policy.' },
}

export function HomePage({ operator }: { operator: OperatorSummary | undefined }) {
  const { operatorId, token } = usePortalSession()
  const { language } = useLanguage()
  const t = useTexts(TEXTS)
  return (
    <>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      {operator && !operator.publishedVersionId ? <p className="muted">{t.none}</p> : null}
      <div className="actions">
        <a href={`/notice/${operatorId}/${language}`}>{t.read}</a>
        {token ? null : <Link to={`/portal/${operatorId}/sign-in`}>{t.signIn}</Link>}
      </div>
    </>
  )
}
