import { useState } from 'react'
import { useLanguage, useTexts } from '../../i18n/language.tsx'
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx'
import { formatDateTime } from '../../ui/format.ts'
import { Loading } from '../../ui/loading.tsx'
import { ProblemNotice } from '../../ui/problem-notice.tsx'
import { useAction } from '../../ui/use-action.ts'
import { useLoad } from '../../ui/use-load.ts'
import { useConsoleSession } from '../session.tsx'

interface System {
  systemId: string
  name: string
  kind: 'postgres' | 'mysql' | 'http' | 'manual'
  connection: { url?: string; baseUrl?: string; schema?: string }
  items: string[]
  tables: { name: string }[]
}

interface Proposal {
  proposalId: string
  systemId: string
  table: string
  column: string
  detectedKind: string
  action: 'map_column' | 'add_item'
  itemId: string | null
  currentItemId: string | null
  confidence: number
}

interface Scan {
  scanId: string
  systemId: string
  mode: string
  startedAt: string
  personalColumns: number
  createdBy: string
}

const TEXTS = {
  title: { kk: 'Қосылған жүйелер', ru: 'Подключённые системы', en: 'Connected systems' },
  why: {
    kk: 'Оператордың өз дерекқорлары мен жүйелері: қай кестеде қандай дербес деректер бар. Іздеу картада жоқ деректерді табады.',
    ru: 'Собственные базы и системы оператора: в каких таблицах какие персональные данные. Поиск находит данные, которых нет в карте.',
    en: "The operator's own databases and systems: which tables hold which personal data. A scan finds the data the map does not list.",
  },
  kind: { kk: 'Түрі', ru: 'Тип', en: 'Kind' },
  connection: { kk: 'Қосылым', ru: 'Подключение', en: 'Connection' },
  items: { kk: 'Деректер', ru: 'Данные', en: 'Data items' },
  tables: { kk: 'Кестелер', ru: 'Таблицы', en: 'Tables' },
  scan: { kk: 'Дербес деректерді іздеу', ru: 'Искать персональные данные', en: 'Scan for personal data' },
  scanned: {
    kk: 'Іздеу аяқталды: дербес деректері бар бағандар —',
    ru: 'Поиск завершён: столбцов с персональными данными —',
    en: 'Scan finished: columns holding personal data —',
  },
  none: { kk: 'Жүйелер тіркелмеген.', ru: 'Системы не объявлены.', en: 'No systems declared.' },
  proposals: { kk: 'Картаға ұсыныстар', ru: 'Предложения к карте данных', en: 'Proposals to the data map' },
  noProposals: { kk: 'Ашық ұсыныстар жоқ.', ru: 'Открытых предложений нет.', en: 'No open proposals.' },
  column: { kk: 'Баған', ru: 'Столбец', en: 'Column' },
  found: { kk: 'Табылғаны', ru: 'Найдено', en: 'Found' },
  confidence: { kk: 'Сенімділік', ru: 'Уверенность', en: 'Confidence' },
  proposal: { kk: 'Ұсыныс', ru: 'Предложение', en: 'Proposal' },
  mapAs: { kk: 'картаға енгізу:', ru: 'внести в карту как', en: 'map as' },
  addItem: { kk: 'саясатта мұндай дерек жоқ — қосу', ru: 'в политике нет такого вида данных — добавить', en: 'the policy lists no such item — add one' },
  nowMapped: { kk: 'қазір', ru: 'сейчас', en: 'now' },
  accept: { kk: 'Қабылдау', ru: 'Принять', en: 'Accept' },
  reject: { kk: 'Қабылдамау', ru: 'Отклонить', en: 'Reject' },
  rejectTitle: { kk: 'Ұсынысты қабылдамау', ru: 'Отклонить предложение', en: 'Reject the proposal' },
  reason: { kk: 'Себебі (сақталады)', ru: 'Причина (сохраняется)', en: 'Reason (kept)' },
  cancel: { kk: 'Болдырмау', ru: 'Отмена', en: 'Cancel' },
  accepted: { kk: 'Баған картаға енгізілді.', ru: 'Столбец внесён в карту.', en: 'The column is now in the data map.' },
  addToPolicy: {
    kk: 'Бұл деректі саясаттың санатына қосыңыз да, жаңа нұсқаны бекітіп, жариялаңыз:',
    ru: 'Добавьте этот вид данных в категорию политики, утвердите и опубликуйте новую версию:',
    en: 'Add this item to a category of the policy, then approve and publish the new version:',
  },
  scans: { kk: 'Соңғы іздеулер', ru: 'Последние поиски', en: 'Recent scans' },
  when: { kk: 'Уақыты', ru: 'Когда', en: 'When' },
  system: { kk: 'Жүйе', ru: 'Система', en: 'System' },
  personal: { kk: 'Дербес деректі бағандар', ru: 'Столбцов с ПДн', en: 'Personal columns' },
  by: { kk: 'Кім', ru: 'Кто', en: 'By' },
}

/**
 * Connected systems and discovery (issue 6 §1 "connected systems"; issue 7
 * item 3): each system's map, a scan of a database for personal data, and
 * the proposals it makes, accepted or rejected with a reason.
 */
export default function SystemsPage() {
  const { call, can } = useConsoleSession()
  const { language } = useLanguage()
  const t = useTexts(TEXTS)
  const systems = useLoad(() => call<{ systems: System[] }>('/systems'), [call])
  const proposals = useLoad(() => call<{ proposals: Proposal[] }>('/discovery/proposals'), [call])
  const scans = useLoad(() => call<{ scans: Scan[] }>('/scans?limit=10'), [call])
  const [doing, setDoing] = useState<string | null>(null)
  const [message, setMessage] = useState<string | null>(null)
  const [policyItem, setPolicyItem] = useState<string | null>(null)
  const [rejecting, setRejecting] = useState<Proposal | null>(null)
  const [reason, setReason] = useState('')
  const manage = can('systems:manage')

  const action = useAction(() => {
    proposals.reload()
    scans.reload()
    systems.reload()
  })
  const error = action.error
  const busy = action.busy ? doing : null
  function act(key: string, work: () => Promise<void>) {
    setDoing(key)
    setMessage(null)
    setPolicyItem(null)
    return action.run(work)
  }
  const scan = (systemId: string) =>
    act(`scan:${systemId}`, async () => {
      const result = await call<{ personalColumns: number }>(`/systems/${systemId}/scans`, { body: {} })
      setMessage(`${t.scanned} ${result.personalColumns}`)
    })
  const accept = (p: Proposal) =>
    act(p.proposalId, async () => {
      const result = await call<{ policyItem?: string }>(`/discovery/proposals/${p.proposalId}/accept`, { body: {} })
      if (result.policyItem) setPolicyItem(result.policyItem)
      else setMessage(t.accepted)
    })
  const reject = (p: Proposal) =>
    act(p.proposalId, async () => {
      await call(`/discovery/proposals/${p.proposalId}/reject`, { body: { reason } })
      setRejecting(null)
      setReason('')
    })

  const list = systems.data?.systems ?? []
  const open = proposals.data?.proposals ?? []
  return (
    <>
      <h1>{t.title}</h1>
      <p className="muted">{t.why}</p>
      {message ? <p className="notice-ok" role="status">{message}</p> : null}
      {policyItem ? (
        <div role="status">
          <p>{t.addToPolicy}</p>
          <pre>{policyItem}</pre>
        </div>
      ) : null}
      <ProblemNotice error={error ?? systems.error} />
      {systems.loading && !systems.data ? <Loading /> : null}
      {systems.data && list.length === 0 ? <p>{t.none}</p> : null}
      {list.map((s) => (
        <section key={s.systemId} aria-labelledby={`system-${s.systemId}`}>
          <h2 id={`system-${s.systemId}`}>{s.name}</h2>
          <dl>
            <dt>{t.kind}</dt>
            <dd>{s.kind}</dd>
            {s.connection.url || s.connection.baseUrl ? (
              <>
                <dt>{t.connection}</dt>
                <dd><code>{s.connection.url ?? s.connection.baseUrl}</code>{s.connection.schema ? ` (${s.connection.schema})` : ''}</dd>
              </>
            ) : null}
            <dt>{t.tables}</dt>
            <dd>{s.tables.map((table) => table.name).join(', ') || '—'}</dd>
            <dt>{t.items}</dt>
            <dd>{s.items.join(', ') || '—'}</dd>
          </dl>
          {manage && (s.kind === 'postgres' || s.kind === 'mysql') ? (
            <button type="button" onClick={() => void scan(s.systemId)} disabled={busy !== null}>{busy === `scan:${s.systemId}` ? '…' : t.scan}</button>
          ) : null}
        </section>
      ))}

      <h2>{t.proposals}</h2>
      <ProblemNotice error={proposals.error} />
      {proposals.data && open.length === 0 ? <p>{t.noProposals}</p> : null}
      {open.length ? (
        <table>
          <thead><tr><th scope="col">{t.column}</th><th scope="col">{t.found}</th><th scope="col">{t.confidence}</th><th scope="col">{t.proposal}</th>{manage ? <th scope="col"><span className="visually-hidden">{t.accept}</span></th> : null}</tr></thead>
          <tbody>
            {open.map((p) => (
              <tr key={p.proposalId}>
                <th scope="row"><code>{p.systemId}: {p.table}.{p.column}</code></th>
                <td>{p.detectedKind}</td>
                <td>{p.confidence.toFixed(2)}</td>
                <td>
                  {p.action === 'map_column' ? `${t.mapAs} ${p.itemId}` : t.addItem}
                  {p.currentItemId ? ` (${t.nowMapped}: ${p.currentItemId})` : ''}
                </td>
                {manage ? (
                  <td className="actions">
                    <button type="button" onClick={() => void accept(p)} disabled={busy !== null}>{t.accept}</button>
                    <button type="button" className="secondary" onClick={() => setRejecting(p)} disabled={busy !== null}>{t.reject}</button>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}

      <h2>{t.scans}</h2>
      {scans.data?.scans.length ? (
        <table>
          <thead><tr><th scope="col">{t.when}</th><th scope="col">{t.system}</th><th scope="col">{t.personal}</th><th scope="col">{t.by}</th></tr></thead>
          <tbody>
            {scans.data.scans.map((s) => (
              <tr key={s.scanId}><td>{formatDateTime(s.startedAt, language)}</td><td>{s.systemId}</td><td>{s.personalColumns}</td><td>{s.createdBy}</td></tr>
            ))}
          </tbody>
        </table>
      ) : null}

      {rejecting ? (
        <ConfirmDialog
          title={t.rejectTitle}
          onClose={() => setRejecting(null)}
          actions={
            <>
              <button type="button" className="secondary" onClick={() => setRejecting(null)}>{t.cancel}</button>
              <button type="button" onClick={() => void reject(rejecting)} disabled={reason.trim().length === 0 || busy !== null}>{t.reject}</button>
            </>
          }
        >
          <p><code>{rejecting.table}.{rejecting.column}</code> — {rejecting.detectedKind}</p>
          <label>
            {t.reason}
            <textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={3} />
          </label>
        </ConfirmDialog>
      ) : null}
    </>
  )
}
