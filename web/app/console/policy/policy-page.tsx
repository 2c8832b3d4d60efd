import { useState, type FormEvent } from 'react'
import { api } from '../../api/client.ts'
import { useLanguage, useTexts } from '../../i18n/language.tsx'
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx'
import { formatDateTime } from '../../ui/format.ts'
import { Loading } from '../../ui/loading.tsx'
import { ProblemNotice } from '../../ui/problem-notice.tsx'
import { useLoad } from '../../ui/use-load.ts'
import { useConsoleSession } from '../session.tsx'
import { DraftCheck } from './draft-check.tsx'

interface Version { versionId: string; state: string; uploadedAt: string; uploadedBy: string; approval: { by: string; order: string; at: string } | null; published: { by: string; at: string } | null }
interface Finding { ruleId: string; severity: string; message: string; article: string; line?: number; column?: number }
interface Diff { before: string | null; after: string; changes: Array<{ area: string; kind: string; id?: string; summary: string }> }

const TEXTS = {
  title: { kk: 'Саясат нұсқалары', ru: 'Версии политики', en: 'Policy versions' },
  version: { kk: 'Нұсқа', ru: 'Версия', en: 'Version' },
  state: { kk: 'Күйі', ru: 'Статус', en: 'State' },
  uploaded: { kk: 'Жүктелді', ru: 'Загружена', en: 'Uploaded' },
  approval: { kk: 'Бекіту', ru: 'Утверждение', en: 'Approval' },
  open: { kk: 'Қарау', ru: 'Открыть', en: 'Review' },
  findings: { kk: '94-V Заңы бойынша тексеру', ru: 'Проверка по Закону 94-V', en: 'Checked against Law 94-V' },
  noFindings: { kk: 'Ескертулер жоқ.', ru: 'Замечаний нет.', en: 'No findings.' },
  changes: { kk: 'Алдыңғы нұсқамен салыстырғанда не өзгерді', ru: 'Что изменилось по сравнению с предыдущей версией', en: 'What changed since the version before' },
  first: { kk: 'Бірінші нұсқа: салыстыратын ештеңе жоқ.', ru: 'Первая версия: сравнивать не с чем.', en: 'The first version: nothing to compare with.' },
  noChanges: { kk: 'Мазмұнында өзгеріс жоқ:', ru: 'Изменений по существу нет по сравнению с', en: 'No change of substance against' },
  approvedBy: { kk: 'Кім бекітті (аты-жөні, лауазымы)', ru: 'Кем утверждена (ФИО, должность)', en: 'Approved by (name, position)' },
  order: { kk: 'Бұйрық немесе шешім (TTC-3.7)', ru: 'Приказ или решение (TTC-3.7)', en: 'Order or decision (TTC-3.7)' },
  approve: { kk: 'Бекіту', ru: 'Утвердить', en: 'Approve' },
  publish: { kk: 'Жариялау', ru: 'Опубликовать', en: 'Publish' },
  confirmPublish: { kk: 'Бұл нұсқаны жариялау керек пе? Субъектілер оны бірден көреді.', ru: 'Опубликовать эту версию? Субъекты увидят её сразу.', en: 'Publish this version? Subjects see it at once.' },
  cancel: { kk: 'Бас тарту', ru: 'Отмена', en: 'Cancel' },
  upload: { kk: 'Жаңа нұсқа (YAML)', ru: 'Новая версия (YAML)', en: 'A new version (YAML)' },
  uploadButton: { kk: 'Жоба ретінде жүктеу', ru: 'Загрузить как проект', en: 'Upload as a draft' },
  loadPublished: { kk: 'Жарияланған мәтінді алу', ru: 'Взять опубликованный текст', en: 'Start from the published text' },
  done: { kk: 'Дайын.', ru: 'Готово.', en: 'Done.' },
}

/** Policy as code in the console (issue 2, issue 6 §1): versions, their Law 94-V findings and diff, approval and publication. */
export default function PolicyPage() {
  const { call, can, token, operatorId } = useConsoleSession()
  const { language } = useLanguage()
  const t = useTexts(TEXTS)
  const versions = useLoad(() => call<{ versions: Version[] }>('/policy/versions'), [call])
  const [chosen, setChosen] = useState<string | null>(null)
  const [message, setMessage] = useState<string | null>(null)
  const [error, setError] = useState<unknown>()
  const [draft, setDraft] = useState('')
  const list = [...(versions.data?.versions ?? [])].reverse()

  async function upload(event: FormEvent) {
    event.preventDefault()
    setError(undefined)
    try {
      // The text goes as YAML, exactly as typed: a refusal names its line and column.
      const created = await api<Version>(`/v1/operators/${operatorId}/policy/versions`, { method: 'POST', token, headers: { 'content-type': 'application/yaml' }, rawBody: draft })
      setMessage(`${t.done} ${created.versionId}`)
      setChosen(created.versionId)
      versions.reload()
    } catch (e) {
      setError(e)
    }
  }
  async function loadPublished() {
    try {
      setDraft(await api<string>(`/v1/operators/${operatorId}/policy?format=yaml`, { headers: { accept: 'application/yaml' } }))
    } catch (e) {
      setError(e)
    }
  }

  return (
    <>
      <h1>{t.title}</h1>
      {message ? <p className="notice-ok" role="status">{message}</p> : null}
      <ProblemNotice error={error ?? versions.error} />
      {versions.loading && !versions.data ? <Loading /> : null}
      {list.length ? (
        <table>
          <thead><tr><th scope="col">{t.version}</th><th scope="col">{t.state}</th><th scope="col">{t.uploaded}</th><th scope="col">{t.approval}</th><th scope="col"><span className="visually-hidden">{t.open}</span></th></tr></thead>
          <tbody>
            {list.map((v) => (
              <tr key={v.versionId}>
                <th scope="row">{v.versionId}</th>
                <td>{v.state}</td>
                <td>{formatDateTime(v.uploadedAt, language)} · {v.uploadedBy}</td>
                <td>{v.approval ? `${v.approval.by} · ${v.approval.order}` : '—'}</td>
                <td><button type="button" className="secondary" aria-label={`${t.open} ${v.versionId}`} onClick={() => setChosen(v.versionId)}>{t.open}</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {chosen ? <VersionReview key={chosen} version={list.find((v) => v.versionId === chosen)} onChanged={() => { setMessage(t.done); versions.reload() }} /> : null}
      {can('policy:manage') ? (
        <form onSubmit={upload}>
          <h2>{t.upload}</h2>
          <div className="actions"><button type="button" className="secondary" onClick={() => void loadPublished()}>{t.loadPublished}</button></div>
          <label htmlFor="policy-text">{t.upload}</label>
          <textarea id="policy-text" rows={16} spellCheck={false} value={draft} onChange={(e) => setDraft(e.target.value)} style={{ maxWidth: '100%', fontFamily: 'monospace' }} />
          <div className="actions"><button type="submit" disabled={!draft.trim()}>{t.uploadButton}</button></div>
          <DraftCheck source={draft} />
        </form>
      ) : null}
    </>
  )
}

function VersionReview({ version, onChanged }: { version: Version | undefined; onChanged(): void }) {
  const { call, can } = useConsoleSession()
  const { language } = useLanguage()
  const t = useTexts(TEXTS)
  const id = version?.versionId ?? ''
  const lint = useLoad(() => call<{ findings: Finding[] }>(`/policy/versions/${encodeURIComponent(id)}/lint`), [call, id])
  const diff = useLoad(() => call<Diff>(`/policy/versions/${encodeURIComponent(id)}/diff?lang=${language}`), [call, id, language])
  const [approvedBy, setApprovedBy] = useState('')
  const [order, setOrder] = useState('')
  const [confirming, setConfirming] = useState(false)
  const [error, setError] = useState<unknown>()
  if (!version) return null
  async function act(path: string, body: unknown) {
    setError(undefined)
    try {
      await call(`/policy/versions/${encodeURIComponent(id)}/${path}`, { body })
      onChanged()
    } catch (e) {
      setError(e)
    }
  }
  const changes = diff.data?.changes ?? []
  const changeList = changes.length ? (
    <ul>{changes.map((c, i) => <li key={i}>{c.summary}</li>)}</ul>
  ) : diff.data?.before ? <p>{t.noChanges} {diff.data.before}.</p> : <p>{t.first}</p>
  return (
    <section aria-labelledby="review">
      <h2 id="review">{t.version} {id} — {version.state}</h2>
      <ProblemNotice error={error ?? lint.error ?? diff.error} />
      <h3>{t.changes}</h3>
      {diff.data ? changeList : <Loading />}
      <h3>{t.findings}</h3>
      {lint.data ? (
        lint.data.findings.length ? (
          <ul>{lint.data.findings.map((f, i) => <li key={i}><code>{f.line ?? 1}:{f.column ?? 1}</code> <strong>{f.severity}</strong> {f.ruleId} — {f.message} ({f.article})</li>)}</ul>
        ) : <p>{t.noFindings}</p>
      ) : <Loading />}
      {version.state === 'draft' && can('policy:approve') ? (
        <form onSubmit={(e) => { e.preventDefault(); void act('approve', { approvedBy, order }) }}>
          <label htmlFor="approved-by">{t.approvedBy}</label>
          <input id="approved-by" required value={approvedBy} onChange={(e) => setApprovedBy(e.target.value)} />
          <label htmlFor="order">{t.order}</label>
          <input id="order" required value={order} onChange={(e) => setOrder(e.target.value)} />
          <div className="actions"><button type="submit">{t.approve}</button></div>
        </form>
      ) : null}
      {version.state === 'approved' && can('policy:approve') ? (
        <div className="actions"><button type="button" onClick={() => setConfirming(true)}>{t.publish}</button></div>
      ) : null}
      {confirming ? (
        <ConfirmDialog
          title={`${t.publish}: ${id}`}
          onClose={() => setConfirming(false)}
          actions={<><button type="button" onClick={() => { setConfirming(false); void act('publish', {}) }}>{t.publish}</button><button type="button" className="secondary" onClick={() => setConfirming(false)}>{t.cancel}</button></>}
        >
          <p>{t.confirmPublish}</p>
          {changeList}
        </ConfirmDialog>
      ) : null}
    </section>
  )
}
