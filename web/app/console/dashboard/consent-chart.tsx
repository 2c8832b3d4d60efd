import { useLanguage, useTexts } from '../../i18n/language.tsx'
import { formatDate } from '../../ui/format.ts'
import { useLoad } from '../../ui/use-load.ts'
import { useConsoleSession } from '../session.tsx'

interface Period { start: string; given: number; withdrawn: number; refused: number; expired: number }

const TEXTS = {
  title: { kk: 'Келісімдер: соңғы 30 күн', ru: 'Согласия за последние 30 дней', en: 'Consents, the last 30 days' },
  given: { kk: 'берілді', ru: 'дано', en: 'given' },
  withdrawn: { kk: 'кері қайтарылды', ru: 'отозвано', en: 'withdrawn' },
  day: { kk: 'Күн', ru: 'День', en: 'Day' },
}

const HEIGHT = 80
const BAR = 8

/**
 * Consents given and withdrawn per day (issue 6 §1: "consents given and
 * withdrawn over time (a chart)"): two bars a day drawn in SVG — no charting
 * library for thirty pairs of rectangles — and the same figures as a table
 * for screen readers.
 */
export function ConsentChart() {
  const { call } = useConsoleSession()
  const { language } = useLanguage()
  const t = useTexts(TEXTS)
  const data = useLoad(() => call<{ periods: Period[] }>('/consents/over-time'), [call])
  const periods = data.data?.periods ?? []
  if (periods.length === 0) return null
  const top = Math.max(1, ...periods.map((p) => Math.max(p.given, p.withdrawn)))
  const scale = (n: number) => (n / top) * HEIGHT
  const totals = periods.reduce((a, p) => ({ given: a.given + p.given, withdrawn: a.withdrawn + p.withdrawn }), { given: 0, withdrawn: 0 })
  return (
    <figure className="chart">
      <figcaption>
        <strong>{t.title}</strong> — <span className="legend given">{t.given}: {totals.given}</span>, <span className="legend withdrawn">{t.withdrawn}: {totals.withdrawn}</span>
      </figcaption>
      <svg aria-hidden="true" viewBox={`0 0 ${periods.length * (BAR * 2 + 4)} ${HEIGHT}`} width="100%" height={HEIGHT} preserveAspectRatio="none">
        {periods.map((p, i) => (
          <g key={p.start}>
            <rect className="given" x={i * (BAR * 2 + 4)} y={HEIGHT - scale(p.given)} width={BAR} height={scale(p.given)} />
            <rect className="withdrawn" x={i * (BAR * 2 + 4) + BAR} y={HEIGHT - scale(p.withdrawn)} width={BAR} height={scale(p.withdrawn)} />
          </g>
        ))}
      </svg>
      <table className="visually-hidden">
        <thead><tr><th scope="col">{t.day}</th><th scope="col">{t.given}</th><th scope="col">{t.withdrawn}</th></tr></thead>
        <tbody>{periods.map((p) => <tr key={p.start}><th scope="row">{formatDate(p.start, language)}</th><td>{p.given}</td><td>{p.withdrawn}</td></tr>)}</tbody>
      </table>
    </figure>
  )
}
