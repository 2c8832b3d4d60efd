import { BusinessCalendar, dayNumber, fromDayNumber, type LocalDate } from '../src/kz/index.ts'
import { compare, type BenchResult } from './measure.ts'

const BATCH = 1024

/** Receipt dates over 2023–2026 and deadlines of 1–30 days, fixed so every run measures the same work. */
function inputs(): { dates: LocalDate[]; counts: number[] } {
  const first = dayNumber('2023-01-01')
  const span = dayNumber('2026-12-31') - first
  let seed = 42
  const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648)
  const dates: LocalDate[] = []
  const counts: number[] = []
  for (let i = 0; i < BATCH; i++) {
    dates.push(fromDayNumber(first + (next() % span)))
    counts.push(1 + (next() % 30))
  }
  return { dates, counts }
}

/** The naive way: a Date, one calendar day at a time. */
function addCalendarDaysWithDate(date: LocalDate, n: number): string {
  const d = new Date(`${date}T00:00:00Z`)
  for (let i = 0; i < n; i++) d.setUTCDate(d.getUTCDate() + 1)
  return d.toISOString().slice(0, 10)
}

/**
 * Throughput of `BusinessCalendar.addBusinessDays` against a plain loop that
 * adds n calendar days to a `Date`, on the same dates and counts in the same run.
 */
export async function benchBusinessDays(): Promise<BenchResult & { ratio: number }> {
  const calendar = new BusinessCalendar()
  const { dates, counts } = inputs()
  let sink = 0
  const subject = () => {
    for (let i = 0; i < BATCH; i++) sink += calendar.addBusinessDays(dates[i]!, counts[i]!).length
  }
  const baseline = () => {
    for (let i = 0; i < BATCH; i++) sink += addCalendarDaysWithDate(dates[i]!, counts[i]!).length
  }
  const measured = compare(subject, baseline)
  const opsPerSec = measured.opsPerSec * BATCH
  const baselineOpsPerSec = measured.baselineOpsPerSec * BATCH
  if (sink === 0) throw new Error('nothing was computed')
  return {
    name: 'kz business days — addBusinessDays over 2023–2026, n = 1…30',
    subject: 'BusinessCalendar.addBusinessDays',
    baseline: 'Date loop adding n calendar days',
    opsPerSec,
    baselineOpsPerSec,
    ratio: opsPerSec / baselineOpsPerSec,
  }
}
