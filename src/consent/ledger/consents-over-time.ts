import { sql, type Kysely } from 'kysely'
import type { Database } from '../../db/index.ts'
import { DerbesError } from '../../errors/index.ts'
import { addCalendarDays, almatyDate, type LocalDate } from '../../kz/index.ts'

export const BUCKETS = ['day', 'week', 'month'] as const
export type Bucket = (typeof BUCKETS)[number]

/** Consents given, withdrawn, refused and expired in one period. */
export interface ConsentPeriod {
  /** The period's first day in Asia/Almaty (a Monday for weeks, the 1st for months). */
  start: LocalDate
  given: number
  withdrawn: number
  refused: number
  expired: number
}

const COUNTED = ['given', 'withdrawn', 'refused', 'expired'] as const
const MAX_PERIODS = 400

/** The start of the period `day` falls in. */
function periodStart(day: LocalDate, bucket: Bucket): LocalDate {
  if (bucket === 'day') return day
  if (bucket === 'month') return `${day.slice(0, 8)}01` as LocalDate
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7 // Monday 0
  return addCalendarDays(day, -weekday)
}

function nextPeriod(start: LocalDate, bucket: Bucket): LocalDate {
  if (bucket === 'day') return addCalendarDays(start, 1)
  if (bucket === 'week') return addCalendarDays(start, 7)
  const [y, m] = [Number(start.slice(0, 4)), Number(start.slice(5, 7))]
  return `${m === 12 ? y + 1 : y}-${String(m === 12 ? 1 : m + 1).padStart(2, '0')}-01` as LocalDate
}

/**
 * How many consents were given, withdrawn, refused and expired in each day,
 * week or month between `from` and `to` (issue 6 §1: "consents given and
 * withdrawn over time"), counted from the ledger by when each event was
 * recorded, in Asia/Almaty days; every period is listed, empty ones as zeros.
 * Counts only: no subject, no personal data.
 */
export async function consentsOverTime(db: Kysely<Database>, operatorId: string, range: { from: LocalDate; to: LocalDate; bucket: Bucket }): Promise<ConsentPeriod[]> {
  const { from, to, bucket } = range
  if (to < from) throw new DerbesError('DERBES_VALIDATION', `'to' (${to}) is before 'from' (${from})`, [{ pointer: '/querystring/to', detail: 'before from' }])
  const periods: ConsentPeriod[] = []
  for (let start = periodStart(from, bucket); start <= to; start = nextPeriod(start, bucket)) {
    periods.push({ start, given: 0, withdrawn: 0, refused: 0, expired: 0 })
    if (periods.length > MAX_PERIODS) {
      throw new DerbesError('DERBES_VALIDATION', `more than ${MAX_PERIODS} ${bucket}s between ${from} and ${to}: ask for a coarser bucket`, [{ pointer: '/querystring/bucket', detail: 'too many periods' }])
    }
  }
  const rows = await db
    .selectFrom('consent_events')
    .select([sql<string>`to_char(recorded_at at time zone 'Asia/Almaty', 'YYYY-MM-DD')`.as('day'), 'kind', sql<string>`count(*)`.as('n')])
    .where('operator_id', '=', operatorId)
    .where('kind', 'in', [...COUNTED])
    .where(sql<boolean>`(recorded_at at time zone 'Asia/Almaty')::date between ${from}::date and ${to}::date`)
    .groupBy([sql`1`, 'kind'])
    .execute()
  const byStart = new Map(periods.map((p) => [p.start, p]))
  for (const row of rows) {
    const period = byStart.get(periodStart(row.day as LocalDate, bucket))
    if (period) period[row.kind as (typeof COUNTED)[number]] += Number(row.n)
  }
  return periods
}

/** The last `days` days up to today in Asia/Almaty, the dashboard's default range. */
export function recentRange(now: Date, days: number): { from: LocalDate; to: LocalDate } {
  const to = almatyDate(now)
  return { from: addCalendarDays(to, -(days - 1)), to }
}
