import { ApiProblem } from '../api/client.ts'
import { useLanguage, type Localized } from '../i18n/language.tsx'

const FALLBACK: Localized = { kk: 'Сұрау орындалмады', ru: 'Запрос не выполнен', en: 'The request failed' }

/**
 * A failed call shown as the API explained it: the problem's detail and, for
 * invalid input, each field path with its message (docs/errors.md). `role=alert`
 * so a screen reader announces it.
 */
export function ProblemNotice({ error }: { error: unknown }) {
  const { language } = useLanguage()
  if (!error) return null
  const problem = error instanceof ApiProblem ? error.problem : undefined
  return (
    <div className="problem" role="alert">
      <p>
        <strong>{problem?.title ?? FALLBACK[language]}</strong>
        {problem?.detail ? ` — ${problem.detail}` : error instanceof Error && !problem ? ` — ${error.message}` : ''}
      </p>
      {problem?.errors?.length ? (
        <ul>
          {problem.errors.map((e, i) => (
            <li key={i}>
              {e.path ? <code>{e.path}</code> : null} {e.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}
