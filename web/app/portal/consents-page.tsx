import { useState } from 'react'
import { Navigate } from 'react-router'
import { download } from '../api/client.ts'
import { useLanguage, useTexts, type Localized } from '../i18n/language.tsx'
import { ConfirmDialog } from '../ui/confirm-dialog.tsx'
import { formatDate } from '../ui/format.ts'
import { Loading } from '../ui/loading.tsx'
import { ProblemNotice } from '../ui/problem-notice.tsx'
import { useLoad } from '../ui/use-load.ts'
import { usePortalSession } from './portal-session.tsx'

interface ConsentRow {
  purposeId: string
  purposeName: Localized
  channel: string
  status: string
  formId: string | null
  givenAt: string | null
  expiresAt: string | null
  withdrawalEffectiveAt: string | null
  eventId: string | null
}
interface ConsentForm { formId: string; version: number; title: string; textHash: string; purposes: string[]; givenOnline: boolean }
interface Consents { consents: ConsentRow[]; forms: ConsentForm[] }
interface Preview {
  outcome: 'withdrawn' | 'scheduled' | 'refused' | 'not_online' | string
  outcomeText: Localized
  effectiveAt: string | null
  withdraws: Array<{ purposeName: Localized; channel: string }>
  channels: Array<{ channel: string; label: Localized }>
  address: Localized | null
  email: string | null
  blockers: Array<{ clause: string; text: Localized }>
  consequences: Array<{ code: string; text: Localized }>
  consequencesText: Localized | null
  clauses: string[]
}

const TEXTS = {
  title: { kk: 'Менің келісімдерім', ru: 'Мои согласия', en: 'My consents' },
  purpose: { kk: 'Мақсат', ru: 'Цель', en: 'Purpose' },
  channel: { kk: 'Арна', ru: 'Канал', en: 'Channel' },
  status: { kk: 'Күйі', ru: 'Статус', en: 'Status' },
  since: { kk: 'Берілген күні', ru: 'Дано', en: 'Given on' },
  action: { kk: 'Әрекет', ru: 'Действие', en: 'Action' },
  withdraw: { kk: 'Кері қайтарып алу', ru: 'Отозвать', en: 'Withdraw' },
  give: { kk: 'Келісім беру', ru: 'Дать согласие', en: 'Give consent' },
  confirmTitle: { kk: 'Келісімді кері қайтарып алу', ru: 'Отзыв согласия', en: 'Withdrawing your consent' },
  consequences: { kk: 'Салдары', ru: 'Последствия', en: 'What follows' },
  none: { kk: 'Ерекше салдары жоқ.', ru: 'Особых последствий нет.', en: 'Nothing else follows.' },
  blockers: { kk: 'Неге қазір мүмкін емес', ru: 'Почему сейчас нельзя', en: 'Why not now' },
  how: { kk: 'Қалай жіберуге болады', ru: 'Как направить', en: 'How to send it' },
  effective: { kk: 'Күшіне енеді', ru: 'Вступит в силу', en: 'Takes effect on' },
  confirm: { kk: 'Растаймын, кері қайтарып алу', ru: 'Подтверждаю отзыв', en: 'Confirm the withdrawal' },
  cancel: { kk: 'Бас тарту', ru: 'Отмена', en: 'Cancel' },
  done: { kk: 'Келісім кері қайтарып алынды.', ru: 'Согласие отозвано.', en: 'The consent has been withdrawn.' },
  scheduled: { kk: 'Келісімді кері қайтарып алу жоспарланды.', ru: 'Отзыв согласия запланирован.', en: 'The withdrawal is scheduled.' },
  given: { kk: 'Келісім берілді.', ru: 'Согласие дано.', en: 'The consent has been given.' },
  empty: { kk: 'Келісімдер жоқ.', ru: 'Согласий нет.', en: 'No consents.' },
  receipt: { kk: 'Түбіртек (PDF)', ru: 'Квитанция (PDF)', en: 'Receipt (PDF)' },
}

const STATUS: Record<string, Localized> = {
  given: { kk: 'берілген', ru: 'дано', en: 'given' },
  withdrawn: { kk: 'кері қайтарып алынған', ru: 'отозвано', en: 'withdrawn' },
  withdrawal_pending: { kk: 'кері қайтарып алу күтілуде', ru: 'ожидает отзыва', en: 'withdrawal pending' },
  refused: { kk: 'бас тартылған', ru: 'отказано', en: 'refused' },
  expired: { kk: 'мерзімі өткен', ru: 'истекло', en: 'expired' },
  none: { kk: 'берілмеген', ru: 'не дано', en: 'not given' },
}

/** My consents (issue 6 §2): withdrawal shows its consequences before it is confirmed (art. 8(2), TTC-9.4, PS-7.1). */
export function ConsentsPage() {
  const { token, call, forSubject, onBehalfOf, operatorId } = usePortalSession()
  const { language } = useLanguage()
  const t = useTexts(TEXTS)
  const list = useLoad(() => (token ? call<Consents>(forSubject(`/consents?language=${language}`)) : Promise.resolve(undefined)), [token, call, forSubject, language])
  const [asking, setAsking] = useState<{ row: ConsentRow; preview: Preview } | null>(null)
  const [error, setError] = useState<unknown>()
  const [message, setMessage] = useState<string | null>(null)
  if (!token) return <Navigate to="../sign-in" relative="path" />

  const choice = (row: ConsentRow) => (row.channel ? `channels=${encodeURIComponent(row.channel)}` : '')
  async function ask(row: ConsentRow) {
    setError(undefined)
    setMessage(null)
    try {
      const q = choice(row)
      setAsking({ row, preview: await call<Preview>(forSubject(`/consents/${row.purposeId}/withdraw/preview${q ? `?${q}` : ''}`)) })
    } catch (e) {
      setError(e)
    }
  }
  async function withdraw(row: ConsentRow) {
    try {
      const done = await call<Preview>(`/consents/${row.purposeId}/withdraw`, { body: { ...(row.channel ? { channels: [row.channel] } : {}), language, ...(onBehalfOf ? { onBehalfOf } : {}) } })
      setMessage(done.outcome === 'scheduled' ? t.scheduled : t.done)
      setAsking(null)
      list.reload()
    } catch (e) {
      setAsking(null)
      setError(e)
    }
  }
  function receipt(row: ConsentRow) {
    setError(undefined)
    const path = forSubject(`/v1/operators/${operatorId}/portal/consents/receipts/${encodeURIComponent(row.eventId!)}.pdf?language=${language}`)
    download(path, `consent-receipt-${row.purposeId}.pdf`, token).catch(setError)
  }
  async function give(row: ConsentRow, form: ConsentForm) {
    setError(undefined)
    setMessage(null)
    try {
      await call(`/consents/${row.purposeId}/give`, { body: { formId: form.formId, formVersion: form.version, textHash: form.textHash, language, ...(row.channel ? { channels: [row.channel] } : {}), ...(onBehalfOf ? { onBehalfOf } : {}) } })
      setMessage(t.given)
      list.reload()
    } catch (e) {
      setError(e)
    }
  }

  const rows = list.data?.consents ?? []
  return (
    <>
      <h1>{t.title}</h1>
      {message ? <p className="notice-ok" role="status">{message}</p> : null}
      <ProblemNotice error={error ?? list.error} />
      {list.loading && !list.data ? <Loading /> : null}
      {list.data && rows.length === 0 ? <p>{t.empty}</p> : null}
      {rows.length > 0 ? (
        <table>
          <thead>
            <tr><th scope="col">{t.purpose}</th><th scope="col">{t.channel}</th><th scope="col">{t.status}</th><th scope="col">{t.since}</th><th scope="col">{t.action}</th></tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const form = list.data!.forms.find((f) => f.givenOnline && f.purposes.includes(row.purposeId))
              return (
                <tr key={`${row.purposeId}-${row.channel}`}>
                  <th scope="row">{row.purposeName[language]}</th>
                  <td>{row.channel || '—'}</td>
                  <td>{STATUS[row.status]?.[language] ?? row.status}</td>
                  <td>{formatDate(row.givenAt, language)}</td>
                  <td>
                    {row.status === 'given' ? (
                      <button type="button" className="secondary" onClick={() => void ask(row)} aria-label={`${t.withdraw}: ${row.purposeName[language]}${row.channel ? ` (${row.channel})` : ''}`}>{t.withdraw}</button>
                    ) : form && row.status !== 'withdrawal_pending' ? (
                      <button type="button" className="secondary" onClick={() => void give(row, form)} aria-label={`${t.give}: ${row.purposeName[language]}${row.channel ? ` (${row.channel})` : ''}`}>{t.give}</button>
                    ) : null}
                    {row.eventId ? (
                      <button type="button" className="secondary" onClick={() => receipt(row)} aria-label={`${t.receipt}: ${row.purposeName[language]}${row.channel ? ` (${row.channel})` : ''}`}>{t.receipt}</button>
                    ) : null}
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      ) : null}
      {asking ? <WithdrawalQuestion {...asking} onCancel={() => setAsking(null)} onConfirm={() => void withdraw(asking.row)} /> : null}
    </>
  )
}

function WithdrawalQuestion({ row, preview, onCancel, onConfirm }: { row: ConsentRow; preview: Preview; onCancel(): void; onConfirm(): void }) {
  const { language } = useLanguage()
  const t = useTexts(TEXTS)
  const possible = preview.outcome === 'withdrawn' || preview.outcome === 'scheduled'
  return (
    <ConfirmDialog
      title={`${t.confirmTitle}: ${row.purposeName[language]}`}
      onClose={onCancel}
      actions={
        <>
          {possible ? <button type="button" className="danger" onClick={onConfirm}>{t.confirm}</button> : null}
          <button type="button" className="secondary" onClick={onCancel}>{t.cancel}</button>
        </>
      }
    >
      <p><strong>{preview.outcomeText[language]}</strong></p>
      {preview.effectiveAt ? <p>{t.effective}: {formatDate(preview.effectiveAt, language)}</p> : null}
      <h3>{t.consequences}</h3>
      {preview.consequences.length ? (
        <ul>{preview.consequences.map((c) => <li key={c.code}>{c.text[language]}</li>)}</ul>
      ) : <p>{t.none}</p>}
      {preview.consequencesText ? <p>{preview.consequencesText[language]}</p> : null}
      {preview.blockers.length ? (
        <>
          <h3>{t.blockers}</h3>
          <ul>{preview.blockers.map((b, i) => <li key={i}>{b.text[language]} ({b.clause})</li>)}</ul>
        </>
      ) : null}
      {preview.outcome === 'not_online' ? (
        <>
          <h3>{t.how}</h3>
          <ul>{preview.channels.map((c) => <li key={c.channel}>{c.label[language]}</li>)}</ul>
          {preview.address ? <p>{preview.address[language]}</p> : null}
          {preview.email ? <p>{preview.email}</p> : null}
        </>
      ) : null}
      {preview.clauses.length ? <p className="muted">{preview.clauses.join(', ')}</p> : null}
    </ConfirmDialog>
  )
}
