import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database, SubjectStatus } from '../../db/database-schema.ts'
import type { LocalDate } from '../../kz/index.ts'
import type { MinorFlagReason, MinorRules } from './minor-rules.ts'

/** A subject under the policy's minimum age on the scan's day. */
export interface UnderAgeSubject {
  subjectId: string
  status: SubjectStatus
  reason: MinorFlagReason
  /** The day it reaches the minimum age; null when its age is unknown. */
  reachesMinimumAgeOn: string | null
  /** A representative the policy accepts is linked now and has given a consent that is in force. */
  representativeConsented: boolean
}

/**
 * Every active or blocked subject of the operator under the minimum age on
 * `today`, in one statement: age from `minor_until` (the day of the policy's
 * adult age, from the IIN or a stated birth date — src/subjects/age.ts),
 * shifted to the minimum age; a kind of minors whose age is unknown counts
 * too. With each, whether a representative of `consentBy`, valid today and
 * itself active, is linked and a consent given by a representative is in
 * force at `asOf` (KZK-1.13). A subject known to be adult at registration
 * (no `minor_until`, an age source) is never under age.
 *
 * Someone born on 29 February whose minimum age falls in a leap year and
 * adult age in a common one is taken to reach the minimum age a day late.
 */
export async function findUnderAge(
  db: Kysely<Database> | Transaction<Database>,
  operatorId: string,
  rules: MinorRules,
  today: LocalDate,
  asOf: Date,
  onlySubjects?: readonly string[],
): Promise<UnderAgeSubject[]> {
  const yearsBetween = rules.adultAge - rules.minimumAge
  const reaches = sql`(s.minor_until - make_interval(years => ${yearsBetween}::int))::date`
  const result = await sql<{ subject_id: string; status: SubjectStatus; reaches_on: string | null; represented: boolean }>`
    select s.subject_id, s.status, to_char(${reaches}, 'YYYY-MM-DD') as reaches_on,
      (exists (
        select 1 from consent_state cs
        where cs.operator_id = s.operator_id and cs.subject_id = s.subject_id and cs.status = 'given' and cs.by_representative
          and (cs.expires_at is null or cs.expires_at > ${asOf})
      ) and exists (
        select 1 from subject_representatives r
        join subjects rep on rep.operator_id = r.operator_id and rep.subject_id = r.representative_id
        where r.operator_id = s.operator_id and r.subject_id = s.subject_id and r.relation = any(${[...rules.consentBy]}::text[])
          and rep.status = 'active'
          and (r.valid_from is null or r.valid_from <= ${today}::date) and (r.valid_until is null or r.valid_until >= ${today}::date)
      )) as represented
    from subjects s
    where s.operator_id = ${operatorId} and s.status in ('active', 'blocked')
      and ((s.minor_until is not null and ${reaches} > ${today}::date)
        or (s.minor_until is null and s.age_source is null and s.kind = any(${[...rules.minorKinds]}::text[])))
      ${onlySubjects ? sql`and s.subject_id = any(${[...onlySubjects]}::text[])` : sql``}
    order by s.subject_id`.execute(db)
  return result.rows.map((r) => ({
    subjectId: r.subject_id,
    status: r.status,
    reason: r.reaches_on === null ? 'minor_kind_age_unknown' : 'under_minimum_age',
    reachesMinimumAgeOn: r.reaches_on,
    representativeConsented: r.represented,
  }))
}
