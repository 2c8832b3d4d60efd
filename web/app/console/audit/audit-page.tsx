import { useState } from 'react'
import { useLanguage, useTexts } from '../../i18n/language.tsx'
import { formatDateTime } from '../../ui/format.ts'
import { Loading } from '../../ui/loading.tsx'
import { ProblemNotice } from '../../ui/problem-notice.tsx'
import { useLoad } from '../../ui/use-load.ts'
import { useConsoleSession } from '../session.tsx'

interface Entry { seq: number; at: string; actor: string; action: string; subjectId: string | null; basis: string | null; purpose: string | null }
type Verification =
  | { ok: true; entries: number; headSeq: number; headHash: string; checkpoints: number }
  | { ok: false; entries: number; firstBroken: { seq: number; reason: string; detail: string } }

const TEXTS = {
  title: { kk: 'Аудит журналы', ru: 'Журнал аудита', en: 'Audit log' },
  verify: { kk: 'Тізбекті тексеру', ru: 'Проверить цепочку', en: 'Verify the chain' },
  intact: { kk: 'Тізбек бүтін', ru: 'Цепочка не нарушена', en: 'The chain is intact' },
  broken: { kk: 'Тізбек бұзылған', ru: 'Цепочка нарушена', en: 'The chain is broken' },
  entries: { kk: 'жазба', ru: 'записей', en: 'entries' },
  checkpoints: { kk: 'қол қойылған бақылау нүктесі', ru: 'подписанных контрольных точек', en: 'signed checkpoints' },
  at: { kk: 'Уақыты', ru: 'Время', en: 'Time' },
  actor: { kk: 'Кім', ru: 'Кто', en: 'Who' },
  action: { kk: 'Әрекет', ru: 'Действие', en: 'Action' },
  subject: { kk: 'Субъект', ru: 'Субъект', en: 'Subject' },
  basis: { kk: 'Негіз', ru: 'Основание', en: 'Basis' },
  subjectFilter: { kk: 'Субъект бойынша сүзу (id)', ru: 'Фильтр по субъекту (id)', en: 'Filter by subject (id)' },
  more: { kk: 'Тағы', ru: 'Ещё', en: 'More' },
}

/** The hash-chained audit log (issue 3), newest pages on demand, and the proof nothing was altered or removed. */
export default function AuditPage() {
  const { call } = useConsoleSession()
  const { language } = useLanguage()
  const t = useTexts(TEXTS)
  const [subjectId, setSubjectId] = useState('')
  const [after, setAfter] = useState(0)
  const page = useLoad(
    () => call<{ entries: Entry[]; nextAfter: number | null }>(`/audit/entries?limit=50&after=${after}${subjectId.trim() ? `&subjectId=${encodeURIComponent(subjectId.trim())}` : ''}`),
    [call, after, subjectId],
  )
  const [verification, setVerification] = useState<Verification | null>(null)
  const [error, setError] = useState<unknown>()
  const [busy, setBusy] = useState(false)
  async function verify() {
    setBusy(true)
    setError(undefined)
    try {
      setVerification(await call<Verification>('/audit/verify'))
    } catch (e) {
      setError(e)
    } finally {
      setBusy(false)
    }
  }
  return (
    <>
      <h1>{t.title}</h1>
      <div className="actions"><button type="button" onClick={() => void verify()} disabled={busy}>{t.verify}</button></div>
      <ProblemNotice error={error ?? page.error} />
      {verification ? (
        verification.ok ? (
          <p className="notice-ok" role="status">{t.intact}: {verification.entries} {t.entries}, {verification.checkpoints} {t.checkpoints}. <code>{verification.headHash.slice(0, 16)}…</code></p>
        ) : (
          <div className="problem" role="alert">{t.broken}: #{verification.firstBroken.seq} — {verification.firstBroken.reason} ({verification.firstBroken.detail})</div>
        )
      ) : null}
      <label htmlFor="audit-subject">{t.subjectFilter}</label>
      <input id="audit-subject" value={subjectId} onChange={(e) => { setSubjectId(e.target.value); setAfter(0) }} />
      {page.loading && !page.data ? <Loading /> : null}
      {page.data ? (
        <table>
          <thead><tr><th scope="col">#</th><th scope="col">{t.at}</th><th scope="col">{t.actor}</th><th scope="col">{t.action}</th><th scope="col">{t.subject}</th><th scope="col">{t.basis}</th></tr></thead>
          <tbody>
            {page.data.entries.map((e) => (
              <tr key={e.seq}><th scope="row">{e.seq}</th><td>{formatDateTime(e.at, language)}</td><td>{e.actor}</td><td>{e.action}</td><td>{e.subjectId ?? '—'}</td><td>{e.basis ?? '—'}</td></tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {page.data?.nextAfter ? <div className="actions"><button type="button" className="secondary" onClick={() => setAfter(page.data!.nextAfter!)}>{t.more}</button></div> : null}
    </>
  )
}
