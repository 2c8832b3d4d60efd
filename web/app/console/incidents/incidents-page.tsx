import { Link } from 'react-router'
import { useLanguage, useTexts } from '../../i18n/language.tsx'
import { formatDate, formatDateTime } from '../../ui/format.ts'
import { Loading } from '../../ui/loading.tsx'
import { ProblemNotice } from '../../ui/problem-notice.tsx'
import { useLoad } from '../../ui/use-load.ts'
import { useConsoleSession } from '../session.tsx'

interface Incident {
  incidentId: string
  reference: string
  kind: string
  discoveredAt: string
  status: string
  subjectCount: number
  dueOn: string
  overdue: boolean
  authorityNotice: Record<string, unknown> | null
}

const TEXTS = {
  title: { kk: 'Инциденттер тізілімі', ru: 'Реестр инцидентов', en: 'Breach register' },
  why: {
    kk: 'Уәкілетті органға табылған сәттен бастап бір жұмыс күні ішінде хабарлау керек (94-V Заң, 25-бап 2-т. 8-тармақша).',
    ru: 'Уполномоченный орган нужно уведомить в течение одного рабочего дня с момента обнаружения (Закон 94-V, ст. 25 п. 2 пп. 8).',
    en: 'The authorised body must be told within one working day of discovery (Law 94-V, art. 25(2)(8)).',
  },
  reference: { kk: 'Нөмірі', ru: 'Номер', en: 'Reference' },
  kind: { kk: 'Түрі', ru: 'Вид', en: 'Kind' },
  discovered: { kk: 'Табылды', ru: 'Обнаружен', en: 'Discovered' },
  status: { kk: 'Күйі', ru: 'Статус', en: 'Status' },
  subjects: { kk: 'Субъектілер', ru: 'Субъекты', en: 'Subjects' },
  due: { kk: 'Органға хабарлау мерзімі', ru: 'Срок уведомления органа', en: 'Authority notice due' },
  late: { kk: 'мерзімі өтті', ru: 'просрочено', en: 'overdue' },
  notified: { kk: 'хабарланды', ru: 'уведомлён', en: 'notified' },
  empty: { kk: 'Инциденттер жоқ.', ru: 'Инцидентов нет.', en: 'No incidents.' },
}

/** The breach register (issue 5 §6): the one-working-day deadline first, overdue impossible to miss. */
export default function IncidentsPage() {
  const { call, operatorId } = useConsoleSession()
  const { language } = useLanguage()
  const t = useTexts(TEXTS)
  const list = useLoad(() => call<{ incidents: Incident[] }>('/incidents'), [call])
  const items = list.data?.incidents ?? []
  return (
    <>
      <h1>{t.title}</h1>
      <p className="muted">{t.why}</p>
      <ProblemNotice error={list.error} />
      {list.loading && !list.data ? <Loading /> : null}
      {list.data && items.length === 0 ? <p>{t.empty}</p> : null}
      {items.length ? (
        <table>
          <thead><tr><th scope="col">{t.reference}</th><th scope="col">{t.kind}</th><th scope="col">{t.discovered}</th><th scope="col">{t.status}</th><th scope="col">{t.subjects}</th><th scope="col">{t.due}</th></tr></thead>
          <tbody>
            {items.map((i) => (
              <tr key={i.incidentId}>
                <th scope="row"><Link to={`/console/${operatorId}/incidents/${i.incidentId}`}>{i.reference}</Link></th>
                <td>{i.kind}</td>
                <td>{formatDateTime(i.discoveredAt, language)}</td>
                <td>{i.status}</td>
                <td>{i.subjectCount}</td>
                <td>
                  {formatDate(i.dueOn, language)}{' '}
                  {i.authorityNotice ? <span className="badge ok">{t.notified}</span> : i.overdue ? <span className="badge overdue">{t.late}</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  )
}
