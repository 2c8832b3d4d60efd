import type { LegalCapacity, SubjectStatus } from '../db/database-schema.ts'
import { DerbesError } from '../errors/index.ts'
import { almatyDate } from '../kz/index.ts'
import { ageBand, type AgeBand } from './age.ts'
import { blindIndexFor, type IdentifierKind } from './crypto/index.ts'
import type { IdentifierInput } from './identifiers.ts'
import { listRepresentatives, type RepresentativeView } from './representatives.ts'
import { publishedPolicy } from './subject-policy.ts'
import { findSubjectRow } from './subject-row.ts'
import type { SubjectsDeps } from './subjects-deps.ts'

/** What anyone with `subjects:read` sees of a subject: no personal-data value, no identifier, no birth date. */
export interface SubjectView {
  operatorId: string
  subjectId: string
  kind: string
  status: SubjectStatus
  relationshipStartedAt: string | null
  relationshipEndedAt: string | null
  legalCapacity: LegalCapacity
  ageBand: AgeBand
  /** The kinds of identifiers held (each kind once), never their values. */
  identifierKinds: IdentifierKind[]
  /** Who acts for this subject. */
  representatives: RepresentativeView[]
  /** Whom this subject acts for. */
  represents: { subjectId: string; relation: string }[]
  createdAt: string
  updatedAt: string
}

/**
 * A subject's metadata: kind, status, relationship dates, capacity, age band,
 * representatives and the kinds of identifiers held.
 *
 * @example
 * const { status, ageBand, representatives } = await getSubject(deps, 'kzk', childId)
 */
export async function getSubject(deps: Pick<SubjectsDeps, 'db' | 'clock'>, operatorId: string, subjectId: string): Promise<SubjectView> {
  const now = deps.clock()
  const row = await findSubjectRow(deps.db, operatorId, subjectId)
  // The policy only tells whether the kind consists of minors; a subject stays readable without a published policy.
  const policy = await publishedPolicy(deps, operatorId).catch(() => undefined)
  const identifiers = await deps.db
    .selectFrom('subject_identifiers')
    .select('kind')
    .distinct()
    .where('operator_id', '=', operatorId)
    .where('subject_id', '=', subjectId)
    .orderBy('kind')
    .execute()
  const represents = await deps.db
    .selectFrom('subject_representatives')
    .select(['subject_id', 'relation'])
    .where('operator_id', '=', operatorId)
    .where('representative_id', '=', subjectId)
    .orderBy('subject_id')
    .execute()
  return {
    operatorId,
    subjectId,
    kind: row.kind,
    status: row.status,
    relationshipStartedAt: row.relationshipStartedAt?.toISOString() ?? null,
    relationshipEndedAt: row.relationshipEndedAt?.toISOString() ?? null,
    legalCapacity: row.legalCapacity,
    ageBand: ageBand(row, almatyDate(now), policy?.subjectKinds.get(row.kind)?.minor === true),
    identifierKinds: identifiers.map((i) => i.kind),
    representatives: await listRepresentatives(deps.db, operatorId, subjectId, now),
    represents: represents.map((r) => ({ subjectId: r.subject_id, relation: r.relation })),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }
}

/**
 * Finds the subject an identifier belongs to through its blind index — the
 * identifier is normalised and keyed-hashed, never compared or stored in
 * plaintext. Callers take it from a request body, so it stays out of URLs and logs.
 *
 * @example
 * const subject = await findSubjectByIdentifier(deps, 'ttc', { kind: 'phone', value: '+7 701 123 45 67' })
 */
export async function findSubjectByIdentifier(deps: SubjectsDeps, operatorId: string, identifier: IdentifierInput): Promise<SubjectView> {
  let index: string
  try {
    index = await blindIndexFor(deps.keys, operatorId, identifier.kind, identifier.value)
  } catch (error) {
    if (error instanceof DerbesError && error.code === 'DERBES_IDENTIFIER_INVALID') {
      throw new DerbesError('DERBES_IDENTIFIER_INVALID', error.message, [{ pointer: '/body/value', detail: error.message }])
    }
    throw error
  }
  const row = await deps.db
    .selectFrom('subject_identifiers')
    .select('subject_id')
    .where('operator_id', '=', operatorId)
    .where('kind', '=', identifier.kind)
    .where('blind_index', '=', index)
    .executeTakeFirst()
  if (!row) throw new DerbesError('DERBES_SUBJECT_NOT_FOUND', `operator '${operatorId}' has no subject with this ${identifier.kind}`)
  return getSubject(deps, operatorId, row.subject_id)
}
