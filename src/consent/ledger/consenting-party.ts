import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database } from '../../db/index.ts'
import type { LegalCapacity, RepresentativeRelation, SubjectStatus } from '../../db/database-schema.ts'
import { DerbesError } from '../../errors/index.ts'
import type { CompiledPolicy, ConsentForm } from '../../policy/index.ts'
import type { ConsentRecord } from '../consent-record.ts'

type Db = Kysely<Database> | Transaction<Database>

export interface ConsentSubject {
  subjectId: string
  kind: string
  status: SubjectStatus
  /** YYYY-MM-DD; the subject is a minor before it. */
  minorUntil: string | null
  legalCapacity: LegalCapacity
}

/**
 * Reads the subject and, inside a transaction, row-locks it so consent events
 * of one subject are recorded one after another (a withdrawal cannot cross a
 * consent given at the same instant). Refuses a subject that is not in one of
 * `allow` — blocked (TW-2: processing stopped) or anonymised and destroyed.
 */
export async function lockSubject(db: Db, operatorId: string, subjectId: string, allow: readonly SubjectStatus[] = ['active']): Promise<ConsentSubject> {
  const row = await db
    .selectFrom('subjects')
    .select(['subject_id', 'kind', 'status', 'legal_capacity', sql<string | null>`to_char(minor_until, 'YYYY-MM-DD')`.as('minor_until')])
    .where('operator_id', '=', operatorId)
    .where('subject_id', '=', subjectId)
    .forUpdate()
    .executeTakeFirst()
  if (!row) throw new DerbesError('DERBES_SUBJECT_NOT_FOUND', `operator '${operatorId}' has no subject '${subjectId}'`)
  if (!allow.includes(row.status)) {
    if (row.status === 'blocked') throw new DerbesError('DERBES_SUBJECT_BLOCKED', `subject '${subjectId}' is blocked: no consent is recorded for it until it is unblocked`)
    throw new DerbesError('DERBES_SUBJECT_GONE', `subject '${subjectId}' was ${row.status}`)
  }
  return { subjectId: row.subject_id, kind: row.kind, status: row.status, minorUntil: row.minor_until, legalCapacity: row.legal_capacity }
}

export interface RepresentativeRow {
  representativeId: string
  relation: RepresentativeRelation
  validFrom: string | null
  validUntil: string | null
  representativeStatus: SubjectStatus
}

/** The registered representatives of a subject, with their own status. */
export async function representativesOf(db: Db, operatorId: string, subjectId: string): Promise<RepresentativeRow[]> {
  const rows = await db
    .selectFrom('subject_representatives as r')
    .innerJoin('subjects as rep', (join) => join.onRef('rep.operator_id', '=', 'r.operator_id').onRef('rep.subject_id', '=', 'r.representative_id'))
    .select([
      'r.representative_id', 'r.relation', 'rep.status',
      sql<string | null>`to_char(r.valid_from, 'YYYY-MM-DD')`.as('valid_from'),
      sql<string | null>`to_char(r.valid_until, 'YYYY-MM-DD')`.as('valid_until'),
    ])
    .where('r.operator_id', '=', operatorId)
    .where('r.subject_id', '=', subjectId)
    .execute()
  return rows.map((r) => ({ representativeId: r.representative_id, relation: r.relation, validFrom: r.valid_from, validUntil: r.valid_until, representativeStatus: r.status }))
}

/**
 * Who may consent for the subject on `today` (YYYY-MM-DD in Almaty), and who
 * does: the subject in person, or a representative. A minor (KZK-1.13; Civil
 * Code art. 22) needs a parent, guardian or legal representative; a person of
 * limited or no capacity (TW-4.1; Civil Code art. 26–27) a guardian or legal
 * representative; an adult may act through an attorney (ESP-3) or a legal
 * representative where the form allows someone other than the subject. The
 * representative must be registered, within its validity dates, and active.
 *
 * @example
 * chooseConsentingParty(policy, form, child, reps, { representativeId: 'parent-1' }, '2026-12-02')
 * // { kind: 'representative', representativeId: 'parent-1', relation: 'parent' }
 */
export function chooseConsentingParty(
  policy: CompiledPolicy,
  form: ConsentForm,
  subject: ConsentSubject,
  representatives: readonly RepresentativeRow[],
  givenBy: { representativeId: string } | undefined,
  today: string,
  at = '/body',
): ConsentRecord['givenBy'] {
  if (form.subjectKinds && !form.subjectKinds.includes(subject.kind)) {
    throw new DerbesError('DERBES_CONSENT_SCOPE_INVALID', `form '${form.id}' is not for subjects of kind '${subject.kind}'`, [
      { pointer: `${at}/formId`, detail: `form '${form.id}' is for ${form.subjectKinds.join(', ')}` },
    ])
  }
  const minor = subject.minorUntil !== null && today < subject.minorUntil
  const incapable = subject.legalCapacity !== 'full'
  const ageClauses = policy.document.ageRules.clauses?.join(', ')
  if (!givenBy) {
    const reasons: string[] = []
    if (minor) reasons.push(`the subject is a minor until ${subject.minorUntil}: a parent, guardian or legal representative consents (Civil Code art. 22; Law 94-V art. 8${ageClauses ? `; ${ageClauses}` : ''})`)
    if (incapable) reasons.push(`the subject has ${subject.legalCapacity === 'none' ? 'no' : 'limited'} legal capacity: the legal representative consents (Civil Code art. 26–27; Law 94-V art. 8${ageClauses ? `; ${ageClauses}` : ''})`)
    if (form.givenBy === 'legal_representative') reasons.push(`form '${form.id}' is given by a legal representative`)
    if (reasons.length > 0) {
      throw new DerbesError('DERBES_CONSENT_REPRESENTATIVE_REQUIRED', reasons.join('; '), reasons.map((detail) => ({ pointer: `${at}/givenBy`, detail })))
    }
    return { kind: 'subject' }
  }
  const invalid = (detail: string) => new DerbesError('DERBES_CONSENT_REPRESENTATIVE_INVALID', detail, [{ pointer: `${at}/givenBy/representativeId`, detail }])
  if (!minor && !incapable && form.givenBy === 'subject') throw invalid(`form '${form.id}' is given by the subject in person`)
  const fitting: readonly RepresentativeRelation[] = minor
    ? ['parent', 'guardian', 'legal_representative']
    : incapable
      ? ['guardian', 'legal_representative']
      : ['attorney', 'legal_representative']
  const rows = representatives.filter((r) => r.representativeId === givenBy.representativeId)
  if (rows.length === 0) throw invalid(`'${givenBy.representativeId}' is not a registered representative of subject '${subject.subjectId}'`)
  const fits = rows.filter((r) => fitting.includes(r.relation))
  if (fits.length === 0) throw invalid(`a ${rows.map((r) => r.relation).join(' or ')} may not consent for this subject; one of ${fitting.join(', ')} may`)
  const valid = fits.find((r) => (r.validFrom === null || r.validFrom <= today) && (r.validUntil === null || r.validUntil >= today))
  if (!valid) throw invalid(`the authority of '${givenBy.representativeId}' is not valid on ${today} (ESP-3: a power of attorney has its dates)`)
  if (valid.representativeStatus !== 'active') throw invalid(`representative '${givenBy.representativeId}' is ${valid.representativeStatus}`)
  return { kind: 'representative', representativeId: valid.representativeId, relation: valid.relation }
}
