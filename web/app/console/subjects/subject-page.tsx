import { useState } from 'react'
import { useParams } from 'react-router'
import { useLanguage, useTexts } from '../../i18n/language.tsx'
import { AccessBasisForm } from '../access-basis-form.tsx'
import { formatDate, formatDateTime } from '../../ui/format.ts'
import { Loading } from '../../ui/loading.tsx'
import { ProblemNotice } from '../../ui/problem-notice.tsx'
import { useLoad } from '../../ui/use-load.ts'
import { useConsoleSession } from '../session.tsx'

interface SubjectView { subjectId: string; kind: string; status: string; ageBand: string; relationshipStartedAt: string | null; relationshipEndedAt: string | null; identifierKinds: string[]; representatives: Array<{ representativeId: string; relation: string }> }
interface ConsentRow { purposeId: string; channel: string; status: string; formId: string; givenAt: string | null; withdrawalEffectiveAt: string | null }
interface ConsentEvent { eventId: string; kind: string; occurredAt?: string; recordedAt?: string; purposes?: string[] }
interface SubjectData { values: Array<{ itemId: string; valueNo: number; value: string; purposes: string[]; collectedAt: string }> }

const TEXTS = {
  subject: { kk: 'Субъект', ru: 'Субъект', en: 'Subject' },
  kind: { kk: 'Түрі', ru: 'Вид', en: 'Kind' },
  status: { kk: 'Күйі', ru: 'Статус', en: 'Status' },
  age: { kk: 'Жас тобы', ru: 'Возрастная группа', en: 'Age band' },
  since: { kk: 'Қарым-қатынас басталды', ru: 'Отношения начались', en: 'Relationship started' },
  ended: { kk: 'Қарым-қатынас аяқталды', ru: 'Отношения завершились', en: 'Relationship ended' },
  ids: { kk: 'Идентификаторлар (тек түрлері)', ru: 'Идентификаторы (только виды)', en: 'Identifiers (kinds only)' },
  consents: { kk: 'Келісімдер', ru: 'Согласия', en: 'Consents' },
  purpose: { kk: 'Мақсат', ru: 'Цель', en: 'Purpose' },
  channel: { kk: 'Арна', ru: 'Канал', en: 'Channel' },
  given: { kk: 'Берілген', ru: 'Дано', en: 'Given' },
  form: { kk: 'Нысан', ru: 'Форма', en: 'Form' },
  history: { kk: 'Келісімдер тарихы', ru: 'История согласий', en: 'Consent history' },
  data: { kk: 'Дербес деректер', ru: 'Персональные данные', en: 'Personal data' },

  show: { kk: 'Деректерді көрсету', ru: 'Показать данные', en: 'Show the data' },
  item: { kk: 'Дерек', ru: 'Данные', en: 'Item' },
  value: { kk: 'Мәні', ru: 'Значение', en: 'Value' },
  collected: { kk: 'Жиналды', ru: 'Собрано', en: 'Collected' },
  none: { kk: 'Рөліңізге көрінетін деректер жоқ.', ru: 'Нет данных, видимых вашей роли.', en: 'No data your role may see.' },
}

/** A subject: metadata and consents without values; values only after a recorded basis (TTC-7.1, TTC-7.2). */
export function SubjectPage() {
  const { call, can } = useConsoleSession()
  const { subjectId = '' } = useParams()
  const { language } = useLanguage()
  const t = useTexts(TEXTS)
  const subject = useLoad(() => call<SubjectView>(`/subjects/${encodeURIComponent(subjectId)}`), [call, subjectId])
  const consents = useLoad(() => (can('consents:read') ? call<{ state: ConsentRow[]; history: ConsentEvent[] }>(`/subjects/${encodeURIComponent(subjectId)}/consents`) : Promise.resolve(undefined)), [call, subjectId])
  const s = subject.data
  return (
    <>
      <h1>{t.subject} {subjectId}</h1>
      <ProblemNotice error={subject.error ?? consents.error} />
      {subject.loading && !s ? <Loading /> : null}
      {s ? (
        <dl>
          <dt>{t.kind}</dt><dd>{s.kind}</dd>
          <dt>{t.status}</dt><dd>{s.status}</dd>
          <dt>{t.age}</dt><dd>{s.ageBand}</dd>
          <dt>{t.since}</dt><dd>{formatDate(s.relationshipStartedAt, language)}</dd>
          <dt>{t.ended}</dt><dd>{formatDate(s.relationshipEndedAt, language)}</dd>
          <dt>{t.ids}</dt><dd>{s.identifierKinds.join(', ') || '—'}</dd>
        </dl>
      ) : null}
      {consents.data ? (
        <section aria-labelledby="consents">
          <h2 id="consents">{t.consents}</h2>
          <table>
            <thead><tr><th scope="col">{t.purpose}</th><th scope="col">{t.channel}</th><th scope="col">{t.status}</th><th scope="col">{t.given}</th><th scope="col">{t.form}</th></tr></thead>
            <tbody>
              {consents.data.state.map((c) => (
                <tr key={`${c.purposeId}-${c.channel}`}>
                  <th scope="row">{c.purposeId}</th><td>{c.channel || '—'}</td><td>{c.status}</td><td>{formatDateTime(c.givenAt, language)}</td><td>{c.formId}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>{t.history}</h3>
          <ol>{consents.data.history.map((e) => <li key={e.eventId}>{formatDateTime(e.occurredAt ?? e.recordedAt, language)} — {e.kind}{e.purposes?.length ? `: ${e.purposes.join(', ')}` : ''}</li>)}</ol>
        </section>
      ) : null}
      {can('data:read') ? <DataBehindBasis subjectId={subjectId} /> : null}
    </>
  )
}

function DataBehindBasis({ subjectId }: { subjectId: string }) {
  const { call } = useConsoleSession()
  const { language } = useLanguage()
  const t = useTexts(TEXTS)
  const [data, setData] = useState<SubjectData | null>(null)
  const [error, setError] = useState<unknown>()
  async function show(query: URLSearchParams) {
    setError(undefined)
    try {
      setData(await call<SubjectData>(`/subjects/${encodeURIComponent(subjectId)}/data?${query}`))
    } catch (e) {
      setError(e)
    }
  }
  return (
    <section aria-labelledby="data">
      <h2 id="data">{t.data}</h2>
      <ProblemNotice error={error} />
      {data ? (
        data.values.length ? (
          <table>
            <thead><tr><th scope="col">{t.item}</th><th scope="col">{t.value}</th><th scope="col">{t.purpose}</th><th scope="col">{t.collected}</th></tr></thead>
            <tbody>{data.values.map((v) => <tr key={`${v.itemId}-${v.valueNo}`}><th scope="row">{v.itemId}</th><td>{v.value}</td><td>{v.purposes.join(', ')}</td><td>{formatDate(v.collectedAt, language)}</td></tr>)}</tbody>
          </table>
        ) : <p>{t.none}</p>
      ) : (
        <AccessBasisForm id="data" submitLabel={t.show} onBasis={(query) => void show(query)} />
      )}
    </section>
  )
}
