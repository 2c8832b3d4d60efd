import { useState } from 'react'
import { ApiProblem, download } from '../../api/client.ts'
import { useLanguage, useTexts, type Localized } from '../../i18n/language.tsx'
import { formatDateTime } from '../../ui/format.ts'
import { ProblemNotice } from '../../ui/problem-notice.tsx'
import { useLoad } from '../../ui/use-load.ts'
import { useConsoleSession } from '../session.tsx'

interface AnswerMeta { reference: string; kind: string; language: string; outcome: string; issuedAt: string; policyVersionId: string; documentSha256: string; delivered: string[] }

const TEXTS = {
  title: { kk: 'Жауап', ru: 'Ответ', en: 'The answer' },
  outcome: { kk: 'Нәтижесі', ru: 'Итог', en: 'Outcome' },
  issued: { kk: 'Берілді', ru: 'Выдан', en: 'Issued' },
  delivered: { kk: 'Жеткізілді', ru: 'Доставлен', en: 'Delivered' },
  hash: { kk: 'Хаты (SHA-256)', ru: 'Письмо (SHA-256)', en: 'Letter (SHA-256)' },
  pdf: { kk: 'Хатты жүктеу (PDF)', ru: 'Скачать письмо (PDF)', en: 'Download the letter (PDF)' },
  json: { kk: 'Деректер (JSON)', ru: 'Данные (JSON)', en: 'Data (JSON)' },
  csv: { kk: 'Деректер (CSV)', ru: 'Данные (CSV)', en: 'Data (CSV)' },
  preparing: { kk: 'Жауап хаты дайындалуда.', ru: 'Письмо с ответом готовится.', en: 'The answer letter is being prepared.' },
  audited: { kk: 'Жүктеу аудит журналына жазылады.', ru: 'Скачивание записывается в журнал аудита.', en: 'Downloading is recorded in the audit log.' },
}

const OUTCOME_TEXTS: Record<string, Localized> = {
  fulfilled: { kk: 'орындалды', ru: 'исполнено', en: 'fulfilled' },
  refused: { kk: 'бас тартылды', ru: 'отказано', en: 'refused' },
  no_data_held: { kk: 'деректер жоқ', ru: 'данных нет', en: 'no data held' },
}

/** The answer sent (issue 4 §7): what it said, when, how it went out; the letter and an access request's export for staff allowed to export. */
export function RequestAnswer({ requestId }: { requestId: string }) {
  const { call, can, token, operatorId } = useConsoleSession()
  const { language } = useLanguage()
  const t = useTexts(TEXTS)
  const meta = useLoad(() => call<AnswerMeta>(`/requests/${encodeURIComponent(requestId)}/answer`), [call, requestId])
  const [error, setError] = useState<unknown>()
  const base = `/v1/operators/${operatorId}/requests/${encodeURIComponent(requestId)}`
  const a = meta.data
  // A refusal's letter is composed by the fulfilment runner shortly after the refusal: until then there is none to show.
  const preparing = meta.error instanceof ApiProblem && meta.error.code === 'DERBES_ANSWER_NOT_FOUND'
  const save = (file: string, name: string) => {
    setError(undefined)
    download(`${base}/${file}`, name, token).catch(setError)
  }
  return (
    <section aria-labelledby="answer-title">
      <h2 id="answer-title">{t.title}</h2>
      {preparing ? <p className="muted">{t.preparing}</p> : <ProblemNotice error={meta.error} />}
      <ProblemNotice error={error} />
      {a ? (
        <>
          <dl>
            <dt>{t.outcome}</dt><dd data-testid="answer-outcome">{OUTCOME_TEXTS[a.outcome]?.[language] ?? a.outcome}</dd>
            <dt>{t.issued}</dt><dd>{formatDateTime(a.issuedAt, language)} ({a.language}, {a.policyVersionId})</dd>
            <dt>{t.delivered}</dt><dd>{a.delivered.join(', ') || '—'}</dd>
            <dt>{t.hash}</dt><dd><code>{a.documentSha256}</code></dd>
          </dl>
          {can('data:export') ? (
            <>
              <div className="actions">
                <button type="button" className="secondary" onClick={() => save('answer.pdf', `${a.reference}.pdf`)}>{t.pdf}</button>
                {a.kind === 'access' && a.outcome === 'fulfilled' ? (
                  <>
                    <button type="button" className="secondary" onClick={() => save('export.json', `${a.reference}-data.json`)}>{t.json}</button>
                    <button type="button" className="secondary" onClick={() => save('export.csv', `${a.reference}-data.csv`)}>{t.csv}</button>
                  </>
                ) : null}
              </div>
              <p className="muted">{t.audited}</p>
            </>
          ) : null}
        </>
      ) : null}
    </section>
  )
}
