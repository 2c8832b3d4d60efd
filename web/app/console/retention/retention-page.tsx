import { useState } from 'react'
import { useLanguage, useTexts } from '../../i18n/language.tsx'
import { formatDateTime } from '../../ui/format.ts'
import { Loading } from '../../ui/loading.tsx'
import { ProblemNotice } from '../../ui/problem-notice.tsx'
import { useLoad } from '../../ui/use-load.ts'
import { useConsoleSession } from '../session.tsx'
import { DestructionActs } from './destruction-acts.tsx'

interface Run {
  runId: string
  asOf: string
  dryRun: boolean
  status: string
  startedBy: string
  counts: { subjects: number; block: number; anonymise: number; destroy: number; failed: number }
  error: string | null
  actId: string | null
}

const TEXTS = {
  title: { kk: 'Сақтау мерзімдері: іске қосулар', ru: 'Сроки хранения: запуски', en: 'Retention runs' },
  dry: { kk: 'Сынақ іске қосу (ештеңе өзгермейді)', ru: 'Пробный запуск (ничего не меняет)', en: 'Dry run (changes nothing)' },
  when: { kk: 'Күні', ru: 'На дату', en: 'As of' },
  kind: { kk: 'Түрі', ru: 'Вид', en: 'Kind' },
  dryKind: { kk: 'сынақ', ru: 'пробный', en: 'dry run' },
  realKind: { kk: 'нақты', ru: 'реальный', en: 'real' },
  status: { kk: 'Күйі', ru: 'Статус', en: 'Status' },
  by: { kk: 'Кім бастады', ru: 'Кто запустил', en: 'Started by' },
  subjects: { kk: 'Субъектілер', ru: 'Субъекты', en: 'Subjects' },
  outcome: { kk: 'Бұғат. / иесізд. / жою / қате', ru: 'Блок. / обезл. / уничт. / ошибки', en: 'Block / anonymise / destroy / failed' },
  act: { kk: 'Жою актісі', ru: 'Акт уничтожения', en: 'Destruction act' },
  empty: { kk: 'Іске қосулар әлі жоқ.', ru: 'Запусков ещё не было.', en: 'No runs yet.' },
  started: { kk: 'Сынақ іске қосу аяқталды.', ru: 'Пробный запуск завершён.', en: 'The dry run has finished.' },
}

/** Retention runs (issue 5 §2): the nightly sweep's record, a dry run on demand, and the destruction acts to sign (§3). */
export default function RetentionPage() {
  const { call, can } = useConsoleSession()
  const { language } = useLanguage()
  const t = useTexts(TEXTS)
  const runs = useLoad(() => call<{ runs: Run[] }>('/retention/runs?limit=50'), [call])
  const [error, setError] = useState<unknown>()
  const [message, setMessage] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  async function dryRun() {
    setBusy(true)
    setError(undefined)
    setMessage(null)
    try {
      await call('/retention/runs', { body: { dryRun: true } })
      setMessage(t.started)
      runs.reload()
    } catch (e) {
      setError(e)
    } finally {
      setBusy(false)
    }
  }
  const list = runs.data?.runs ?? []
  return (
    <>
      <h1>{t.title}</h1>
      {can('retention:run') ? <div className="actions"><button type="button" onClick={() => void dryRun()} disabled={busy}>{t.dry}</button></div> : null}
      {message ? <p className="notice-ok" role="status">{message}</p> : null}
      <ProblemNotice error={error ?? runs.error} />
      {runs.loading && !runs.data ? <Loading /> : null}
      {runs.data && list.length === 0 ? <p>{t.empty}</p> : null}
      {list.length ? (
        <table>
          <thead><tr><th scope="col">{t.when}</th><th scope="col">{t.kind}</th><th scope="col">{t.status}</th><th scope="col">{t.by}</th><th scope="col">{t.subjects}</th><th scope="col">{t.outcome}</th><th scope="col">{t.act}</th></tr></thead>
          <tbody>
            {list.map((r) => (
              <tr key={r.runId}>
                <th scope="row">{formatDateTime(r.asOf, language)}</th>
                <td>{r.dryRun ? t.dryKind : t.realKind}</td>
                <td>{r.status}{r.error ? ` — ${r.error}` : ''}</td>
                <td>{r.startedBy}</td>
                <td>{r.counts.subjects}</td>
                <td>{r.counts.block} / {r.counts.anonymise} / {r.counts.destroy} / {r.counts.failed}</td>
                <td>{r.actId ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <DestructionActs />
    </>
  )
}
