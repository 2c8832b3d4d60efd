import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database, RepresentativeRelation } from '../db/database-schema.ts'
import { almatyDate } from '../kz/index.ts'

/** Someone who may act for a subject at a given moment. */
export interface ActiveRepresentative {
  representativeId: string
  relation: RepresentativeRelation
  validFrom: string | null
  validUntil: string | null
  /** The reference of the document the authority rests on (a power of attorney's number, a court decision). */
  basisDocument: string | null
}

/**
 * The representatives who may act for a subject at `at` (its date in
 * Asia/Almaty), for the consent ledger and decisions: within their validity
 * dates (ESP-3: a power of attorney ends on its date), themselves active
 * subjects, and still fitting the subject — a parent's or guardian's authority
 * ends when the child comes of age (KZK-1.13, Civil Code art. 17(1)), a legal
 * representative's when the subject is neither a minor nor of limited or no
 * capacity (TW-4.1). A child whose age is unknown keeps its parents.
 *
 * @example
 * const reps = await activeRepresentatives(db, 'kzk', childId, new Date())
 * reps.some((r) => r.representativeId === parentId && r.relation === 'parent')
 */
export async function activeRepresentatives(
  db: Kysely<Database> | Transaction<Database>,
  operatorId: string,
  subjectId: string,
  at: Date,
): Promise<ActiveRepresentative[]> {
  const day = almatyDate(at)
  const rows = await db
    .selectFrom('subject_representatives as r')
    .innerJoin('subjects as s', (join) => join.onRef('s.operator_id', '=', 'r.operator_id').onRef('s.subject_id', '=', 'r.subject_id'))
    .innerJoin('subjects as rep', (join) => join.onRef('rep.operator_id', '=', 'r.operator_id').onRef('rep.subject_id', '=', 'r.representative_id'))
    .select([
      'r.representative_id', 'r.relation', 'r.basis_document', 's.legal_capacity', 's.age_source',
      sql<string | null>`to_char(r.valid_from, 'YYYY-MM-DD')`.as('valid_from'),
      sql<string | null>`to_char(r.valid_until, 'YYYY-MM-DD')`.as('valid_until'),
      sql<string | null>`to_char(s.minor_until, 'YYYY-MM-DD')`.as('minor_until'),
    ])
    .where('r.operator_id', '=', operatorId)
    .where('r.subject_id', '=', subjectId)
    .where('rep.status', '=', 'active')
    .where((eb) => eb.or([eb('r.valid_from', 'is', null), eb('r.valid_from', '<=', day)]))
    .where((eb) => eb.or([eb('r.valid_until', 'is', null), eb('r.valid_until', '>=', day)]))
    .orderBy('r.created_at')
    .orderBy('r.representative_id')
    .execute()
  return rows
    .filter((r) => {
      // Adult once the day of the adult age has come, or when known to be adult at registration.
      const cameOfAge = r.minor_until !== null ? day >= r.minor_until : r.age_source !== null
      if (r.relation === 'parent' || r.relation === 'guardian') return !cameOfAge
      if (r.relation === 'legal_representative') return !cameOfAge || r.legal_capacity !== 'full'
      return true
    })
    .map((r) => ({ representativeId: r.representative_id, relation: r.relation, validFrom: r.valid_from, validUntil: r.valid_until, basisDocument: r.basis_document }))
}
