import { useState, type FormEvent } from 'react'
import { useNavigate } from 'react-router'
import { useTexts } from '../../i18n/language.tsx'
import { ProblemNotice } from '../../ui/problem-notice.tsx'
import { useConsoleSession } from '../session.tsx'

const TEXTS = {
  title: { kk: 'Субъектіні табу', ru: 'Найти субъекта', en: 'Find a subject' },
  kind: { kk: 'Идентификатор түрі', ru: 'Вид идентификатора', en: 'Identifier' },
  iin: { kk: 'ЖСН', ru: 'ИИН', en: 'IIN' },
  phone: { kk: 'Телефон', ru: 'Телефон', en: 'Phone' },
  email: { kk: 'Электрондық пошта', ru: 'Электронная почта', en: 'E-mail' },
  value: { kk: 'Мәні', ru: 'Значение', en: 'Value' },
  find: { kk: 'Іздеу', ru: 'Найти', en: 'Find' },
  why: {
    kk: 'Іздеу соқыр индекс арқылы жүреді: идентификатор сақталмайды және журналға түспейді.',
    ru: 'Поиск идёт по слепому индексу: идентификатор не хранится и не попадает в журналы.',
    en: 'The search goes through a blind index: the identifier is neither stored nor logged.',
  },
}

/** Search by IIN, phone or e-mail (issue 3 §1): the identifier travels in the body, never in a URL. */
export default function SubjectsPage() {
  const { call, operatorId } = useConsoleSession()
  const t = useTexts(TEXTS)
  const navigate = useNavigate()
  const [kind, setKind] = useState<'iin' | 'phone' | 'email'>('iin')
  const [value, setValue] = useState('')
  const [error, setError] = useState<unknown>()
  async function find(event: FormEvent) {
    event.preventDefault()
    setError(undefined)
    try {
      const found = await call<{ subjectId: string }>('/subjects/lookup', { body: { kind, value } })
      navigate(`/console/${operatorId}/subjects/${found.subjectId}`)
    } catch (e) {
      setError(e)
    }
  }
  return (
    <>
      <h1>{t.title}</h1>
      <p className="muted">{t.why}</p>
      <ProblemNotice error={error} />
      <form onSubmit={find}>
        <label htmlFor="id-kind">{t.kind}</label>
        <select id="id-kind" value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
          <option value="iin">{t.iin}</option>
          <option value="phone">{t.phone}</option>
          <option value="email">{t.email}</option>
        </select>
        <label htmlFor="id-value">{t.value}</label>
        <input id="id-value" required value={value} onChange={(e) => setValue(e.target.value)} autoComplete="off" />
        <div className="actions"><button type="submit">{t.find}</button></div>
      </form>
    </>
  )
}
