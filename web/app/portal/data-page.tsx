import { Navigate } from 'react-router'
import { useLanguage, useTexts, type Localized } from '../i18n/language.tsx'
import { formatDate } from '../ui/format.ts'
import { Loading } from '../ui/loading.tsx'
import { ProblemNotice } from '../ui/problem-notice.tsx'
import { useLoad } from '../ui/use-load.ts'
import { usePortalSession } from './portal-session.tsx'

interface OwnData {
  values: Array<{ itemId: string; itemName: Localized; valueNo: number; value: string; source: string; purposes: Array<{ purposeId: string; name: Localized }>; collectedAt: string }>
}

const TEXTS = {
  title: { kk: 'Сіз туралы сақталатын деректер', ru: 'Данные о вас, которые хранятся', en: 'What is held about you' },
  item: { kk: 'Дерек', ru: 'Данные', en: 'Item' },
  value: { kk: 'Мәні', ru: 'Значение', en: 'Value' },
  purposes: { kk: 'Мақсаттары', ru: 'Цели', en: 'Purposes' },
  collected: { kk: 'Жиналған күні', ru: 'Дата сбора', en: 'Collected' },
  empty: { kk: 'Сіз туралы деректер сақталмайды.', ru: 'Данные о вас не хранятся.', en: 'Nothing is held about you.' },
}

export function DataPage() {
  const { token, call, forSubject } = usePortalSession()
  const { language } = useLanguage()
  const t = useTexts(TEXTS)
  const data = useLoad(() => (token ? call<OwnData>(forSubject('/data')) : Promise.resolve(undefined)), [token, call, forSubject])
  if (!token) return <Navigate to="../sign-in" relative="path" />
  return (
    <>
      <h1>{t.title}</h1>
      <ProblemNotice error={data.error} />
      {data.loading && !data.data ? <Loading /> : null}
      {data.data && data.data.values.length === 0 ? <p>{t.empty}</p> : null}
      {data.data && data.data.values.length > 0 ? (
        <table>
          <thead>
            <tr><th scope="col">{t.item}</th><th scope="col">{t.value}</th><th scope="col">{t.purposes}</th><th scope="col">{t.collected}</th></tr>
          </thead>
          <tbody>
            {data.data.values.map((v) => (
              <tr key={`${v.itemId}-${v.valueNo}`}>
                <th scope="row">{v.itemName[language]}</th>
                <td>{v.value}</td>
                <td>{v.purposes.map((p) => p.name[language]).join('; ')}</td>
                <td>{formatDate(v.collectedAt, language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  )
}
