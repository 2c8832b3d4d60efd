import { sql, type Expression, type Kysely, type SqlBool } from 'kysely'
import type { Database } from '../../db/index.ts'
import type { AudiencePlan } from './audience-plan.ts'

const or = (parts: Expression<SqlBool>[]) => (parts.length === 0 ? sql<SqlBool>`false` : sql<SqlBool>`(${sql.join(parts, sql` or `)})`)

/** Conditions on the subjects row `s` that every decision checks. */
function subjectConditions(plan: AudiencePlan, requireRepresentativeOf: 'cs' | null): Expression<SqlBool> {
  const parts: Expression<SqlBool>[] = [sql`s.status = 'active'`]
  if (plan.kinds !== null) parts.push(sql`s.kind in (${sql.join(plan.kinds)})`)
  const kindIsMinor = plan.minorKinds.length > 0 ? sql`s.kind in (${sql.join(plan.minorKinds)})` : sql`false`
  const minor = sql<SqlBool>`(${kindIsMinor} or coalesce(s.minor_until > ${plan.today}::date, false))`
  // TTC-10.4: no minors at all; KZK-1.13, TW-4.1: a minor's or incapable person's consent comes from the representative.
  if (plan.refuseMinors) parts.push(sql`not ${minor}`)
  if (requireRepresentativeOf) parts.push(sql`(cs.by_representative or not (${plan.refuseMinors ? sql`false` : minor} or s.legal_capacity <> 'full'))`)
  if (plan.retentionCutoff) parts.push(sql`(s.relationship_ended_at is null or s.relationship_ended_at > ${plan.retentionCutoff})`)
  return sql<SqlBool>`${sql.join(parts, sql` and `)}`
}

/** The consent row `cs` chosen for the purpose and channel, as `selectConsent` chooses it, and in force at `now`. */
function consentConditions(plan: AudiencePlan): Expression<SqlBool> {
  const parts: Expression<SqlBool>[] = [sql`cs.purpose_id = ${plan.purposeId}`]
  if (plan.channelMode === 'exact' || plan.channelMode === 'purpose') parts.push(sql`cs.channel = ${plan.channel}`)
  else {
    parts.push(sql`(cs.channel = ${plan.channel} or (cs.channel = '' and not exists (
      select 1 from consent_state x
      where x.operator_id = cs.operator_id and x.subject_id = cs.subject_id and x.purpose_id = cs.purpose_id and x.channel = ${plan.channel})))`)
  }
  // ESP App.1 §5: a pending withdrawal counts until its effective time; art. 8(5)-(6): expiry.
  parts.push(sql`(cs.status = 'given' or (cs.status = 'withdrawal_pending' and (cs.withdrawal_effective_at is null or cs.withdrawal_effective_at > ${plan.now})))`)
  parts.push(sql`(cs.expires_at is null or cs.expires_at > ${plan.now})`)
  if (plan.consentIsBasis) parts.push(or(plan.forms.map((f) => sql<SqlBool>`(cs.form_id = ${f.formId} and cs.form_version >= ${f.version})`)))
  if (plan.country !== null) parts.push(sql`cs.countries @> jsonb_build_array(${plan.country}::text)`)
  return sql<SqlBool>`${sql.join(parts, sql` and `)}`
}

/**
 * The keyset range of the next page: the `limit`-th subject id of the
 * operator after `after` (an index-only step along the primary key), or null
 * when fewer are left — the last page then runs to the end. Bounding both
 * ends lets the planner see a page-sized range instead of "everything after",
 * so a page costs the same at the start and at the end of a million subjects.
 */
export async function nextPageBound(db: Kysely<Database>, operatorId: string, after: string | null, limit: number): Promise<string | null> {
  const afterCondition = after === null ? sql`true` : sql`subject_id > ${after}`
  const { rows } = await sql<{ subject_id: string }>`
    select subject_id from subjects where operator_id = ${operatorId} and ${afterCondition}
    order by subject_id offset ${limit - 1} limit 1`.execute(db)
  return rows[0]?.subject_id ?? null
}

/**
 * One page of the audience: the allowed subject ids in (`after`, `upper`]
 * (to the end when `upper` is null), in order. Each page is its own short
 * query, so a slow reader holds no transaction or connection between pages.
 */
export async function audiencePage(db: Kysely<Database>, plan: AudiencePlan, after: string | null, upper: string | null): Promise<string[]> {
  const range = (column: string) => {
    const ref = sql.ref(column)
    if (after === null) return upper === null ? sql`true` : sql`${ref} <= ${upper}`
    return upper === null ? sql`${ref} > ${after}` : sql`${ref} > ${after} and ${ref} <= ${upper}`
  }
  const query = plan.needsConsent
    ? sql<{ subject_id: string }>`
        select cs.subject_id from consent_state cs
        join subjects s on s.operator_id = cs.operator_id and s.subject_id = cs.subject_id
        where cs.operator_id = ${plan.operatorId} and ${range('cs.subject_id')} and s.operator_id = ${plan.operatorId} and ${range('s.subject_id')}
          and ${consentConditions(plan)} and ${subjectConditions(plan, plan.consentIsBasis ? 'cs' : null)}
        order by cs.subject_id`
    : sql<{ subject_id: string }>`
        select s.subject_id from subjects s
        where s.operator_id = ${plan.operatorId} and ${range('s.subject_id')} and ${subjectConditions(plan, null)}
        order by s.subject_id`
  const { rows } = await query.execute(db)
  return rows.map((r) => r.subject_id)
}
