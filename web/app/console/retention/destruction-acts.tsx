import { useState } from 'react'
import { download } from '../../api/client.ts'
import { useLanguage, useTexts } from '../../i18n/language.tsx'
import { cmsBase64 } from '../../ui/cms-file.ts'
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx'
import { formatDateTime } from '../../ui/format.ts'
import { ProblemNotice } from '../../ui/problem-notice.tsx'
import { useAction } from '../../ui/use-action.ts'
import { useLoad } from '../../ui/use-load.ts'
import { useConsoleSession } from '../session.tsx'

interface Act {
  actId: string
  number: number
  createdAt: string
  contentHash: string
  signedBy: string | null
  signedAt: string | null
  edsSigned?: boolean
  counts: { subjects: number; anonymised: number; destroyed: number; failed: number }
}

const TEXTS = {
  title: { kk: 'Жою актілері', ru: 'Акты уничтожения', en: 'Destruction acts' },
  number: { kk: 'Нөмірі', ru: 'Номер', en: 'Number' },
  created: { kk: 'Жасалды', ru: 'Составлен', en: 'Made' },
  outcome: { kk: 'Иесіздендірілді / жойылды / қате', ru: 'Обезличено / уничтожено / ошибки', en: 'Anonymised / destroyed / failed' },
  signed: { kk: 'Қол қойылды', ru: 'Подписан', en: 'Signed' },
  unsigned: { kk: 'қол қойылмаған', ru: 'не подписан', en: 'not signed' },
  pdf: { kk: 'PDF', ru: 'PDF', en: 'PDF' },
  sign: { kk: 'Қол қою', ru: 'Подписать', en: 'Sign' },
  confirmTitle: { kk: 'Жою актісіне қол қою', ru: 'Подписать акт уничтожения', en: 'Sign the destruction act' },
  confirm: {
    kk: 'Жауапты тұлға ретінде актінің мазмұнын растаймын. Мазмұнның хэші:',
    ru: 'Как ответственное лицо подтверждаю содержание акта. Хэш содержания:',
    en: 'As the responsible person I confirm the act as it stands. Its content hash:',
  },
  eds: {
    kk: 'ЭЦҚ қолтаңбасы (міндетті емес): NCALayer берген CMS файлы (.cms, .p7s), актінің мазмұнына немесе жоғарыдағы хэшке',
    ru: 'Подпись ЭЦП (необязательно): файл CMS из NCALayer (.cms, .p7s) над содержанием акта или над хэшем выше',
    en: 'EDS signature (optional): the CMS file from NCALayer (.cms, .p7s) over the act’s content or the hash above',
  },
  withEds: { kk: 'ЭЦҚ', ru: 'ЭЦП', en: 'EDS' },
  cancel: { kk: 'Болдырмау', ru: 'Отмена', en: 'Cancel' },
  empty: { kk: 'Актілер әлі жоқ.', ru: 'Актов ещё нет.', en: 'No acts yet.' },
}

/**
 * Destruction acts (issue 5 §3): each real run that destroyed or anonymised
 * something, its PDF in kk or ru, and the responsible person's signature —
 * given over the content hash shown, which the server checks again, and
 * with an EDS when the CMS from NCALayer is attached (checked by the server).
 */
export function DestructionActs() {
  const { operatorId, call, can, token } = useConsoleSession()
  const { language } = useLanguage()
  const t = useTexts(TEXTS)
  const acts = useLoad(() => call<{ acts: Act[] }>('/retention/acts?limit=50'), [call])
  const [signing, setSigning] = useState<Act | null>(null)
  const [cms, setCms] = useState<File | null>(null)
  const { busy, error, run: act } = useAction(acts.reload)
  const sign = (a: Act) =>
    act(async () => {
      const signatureCms = cms ? await cmsBase64(cms) : undefined
      await call(`/retention/acts/${a.actId}/sign`, { body: { contentHash: a.contentHash, ...(signatureCms ? { signatureCms } : {}) } })
      setSigning(null)
      setCms(null)
    })
  const pdf = (a: Act, lang: 'kk' | 'ru') => act(() => download(`/v1/operators/${operatorId}/retention/acts/${a.actId}/pdf?lang=${lang}`, `act-${a.number}-${lang}.pdf`, token))

  const list = acts.data?.acts ?? []
  return (
    <section aria-labelledby="acts-title">
      <h2 id="acts-title">{t.title}</h2>
      {/* While the signing dialog is open its refusal is shown there, once. */}
      <ProblemNotice error={signing ? acts.error : (error ?? acts.error)} />
      {acts.data && list.length === 0 ? <p>{t.empty}</p> : null}
      {list.length ? (
        <table>
          <thead><tr><th scope="col">{t.number}</th><th scope="col">{t.created}</th><th scope="col">{t.outcome}</th><th scope="col">{t.signed}</th><th scope="col"><span className="visually-hidden">{t.pdf}</span></th></tr></thead>
          <tbody>
            {list.map((a) => (
              <tr key={a.actId}>
                <th scope="row">№ {a.number}</th>
                <td>{formatDateTime(a.createdAt, language)}</td>
                <td>{a.counts.anonymised} / {a.counts.destroyed} / {a.counts.failed}</td>
                <td data-testid={`act-${a.number}-signed`}>{a.signedAt ? `${formatDateTime(a.signedAt, language)} (${a.signedBy})${a.edsSigned ? ` · ${t.withEds}` : ''}` : t.unsigned}</td>
                <td className="actions">
                  <button type="button" className="secondary" onClick={() => void pdf(a, 'kk')} disabled={busy}>{t.pdf} қаз.</button>
                  <button type="button" className="secondary" onClick={() => void pdf(a, 'ru')} disabled={busy}>{t.pdf} рус.</button>
                  {!a.signedAt && can('retention:sign') ? <button type="button" onClick={() => setSigning(a)} disabled={busy}>{t.sign} № {a.number}</button> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {signing ? (
        <ConfirmDialog
          title={`${t.confirmTitle} № ${signing.number}`}
          onClose={() => setSigning(null)}
          actions={
            <>
              <button type="button" className="secondary" onClick={() => setSigning(null)}>{t.cancel}</button>
              <button type="button" onClick={() => void sign(signing)} disabled={busy}>{t.sign}</button>
            </>
          }
        >
          <ProblemNotice error={error} />
          <p>{t.confirm}</p>
          <p><code>{signing.contentHash}</code></p>
          <label htmlFor="act-eds">{t.eds}</label>
          <input id="act-eds" type="file" accept=".cms,.p7s,.p7m,.sig,.txt" onChange={(e) => setCms(e.target.files?.[0] ?? null)} />
        </ConfirmDialog>
      ) : null}
    </section>
  )
}
