import { sql, type RawBuilder, type Transaction } from 'kysely'
import type { Database } from '../db/database-schema.ts'
import type { LocalDate } from '../kz/index.ts'
import type { CountedCell } from './k-anonymise.ts'
import { consentStatusTarget, type Dimension, type StatisticsUnit } from './statistics-dimensions.ts'

/** The age band at level 0: 5-year bands under the adult age (`15-17` for the last one), else adult or unknown. */
export function ageBandOf(age: number | null, known: boolean, adultAge: number): string {
  if (age === null) return known ? 'adult' : 'unknown'
  const low = age - (age % 5)
  return `${low}-${Math.min(low + 4, adultAge - 1)}`
}

/**
 * Counts the operator's subjects (or requests) by the level-0 values of the
 * dimensions, in one grouped statement. Only columns Derbes holds in clear are
 * read; no identifier and no vault value leaves the database — for requests,
 * a subject's id only as a key to count distinct subjects, never released.
 */
export async function countCells(
  trx: Transaction<Database>,
  operatorId: string,
  unit: StatisticsUnit,
  dimensions: readonly Dimension[],
  context: { today: LocalDate; adultAge: number },
): Promise<CountedCell[]> {
  return unit === 'subjects' ? countSubjects(trx, operatorId, dimensions, context) : countRequests(trx, operatorId, dimensions)
}

async function countSubjects(trx: Transaction<Database>, operatorId: string, dimensions: readonly Dimension[], context: { today: LocalDate; adultAge: number }): Promise<CountedCell[]> {
  const today = context.today
  const column = (d: Dimension): RawBuilder<unknown> => {
    switch (d.name) {
      case 'subject_kind': return sql`s.kind`
      case 'subject_status': return sql`s.status`
      // Full years of age now, for minors only (minor_until is the day of the adult age); adults' birth dates are never stored.
      case 'age_band': return sql`case when s.minor_until is not null and s.minor_until > ${today}::date
        then (${context.adultAge}::int - 1 - extract(year from age(s.minor_until, ${today}::date))::int)::text
        when s.minor_until is not null or s.age_source is not null then 'adult' else 'unknown' end`
      case 'relationship_start_year': return sql`coalesce(extract(year from s.relationship_started_at at time zone 'Asia/Almaty')::int::text, 'unknown')`
      case 'consent_language': return sql`coalesce((select ce.record->'form'->>'language' from consent_events ce
        where ce.operator_id = s.operator_id and ce.subject_id = s.subject_id and ce.kind = 'given' order by ce.seq desc limit 1), 'none')`
      default: {
        const target = consentStatusTarget(d.name)!
        return sql`coalesce((select cs.status from consent_state cs where cs.operator_id = s.operator_id and cs.subject_id = s.subject_id
          and cs.purpose_id = ${target.purposeId} and cs.channel = ${target.channel} limit 1), 'none')`
      }
    }
  }
  const columns = dimensions.map((d, i) => sql`${column(d)} as ${sql.ref(`d${i}`)}`)
  const groupBy = dimensions.map((_, i) => sql.ref(`d${i}`))
  const result = await sql<Record<string, string | number>>`
    select ${sql.join([...columns, sql`count(*)::int as subjects`])}
    from subjects s where s.operator_id = ${operatorId}
    ${groupBy.length ? sql`group by ${sql.join(groupBy)}` : sql``}`.execute(trx)
  return result.rows.map((r) => ({
    values: dimensions.map((d, i) => {
      const v = String(r[`d${i}`])
      return d.name === 'age_band' && /^\d+$/.test(v) ? ageBandOf(Number(v), true, context.adultAge) : v
    }),
    subjects: Number(r.subjects),
  }))
}

async function countRequests(trx: Transaction<Database>, operatorId: string, dimensions: readonly Dimension[]): Promise<CountedCell[]> {
  const column = (d: Dimension): RawBuilder<unknown> => {
    switch (d.name) {
      case 'request_kind': return sql`r.kind`
      case 'request_state': return sql`r.state`
      case 'request_channel': return sql`r.channel`
      default: return sql`extract(year from r.received_at at time zone 'Asia/Almaty')::int::text`
    }
  }
  const columns = dimensions.map((d, i) => sql`${column(d)} as ${sql.ref(`d${i}`)}`)
  // A request nobody was matched to counts as a requester of its own.
  const who = sql`coalesce(r.subject_id, 'request:' || r.request_id)`
  const result = await sql<Record<string, string | number>>`
    select ${sql.join([...columns, sql`${who} as who`, sql`count(*)::int as requests`])}
    from requests r where r.operator_id = ${operatorId}
    group by ${sql.join([...dimensions.map((_, i) => sql.ref(`d${i}`)), sql.ref('who')])}`.execute(trx)
  return result.rows.map((r) => ({ values: dimensions.map((_, i) => String(r[`d${i}`])), subjects: 1, requests: Number(r.requests), subjectKey: String(r.who) }))
}
