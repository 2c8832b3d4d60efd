import { sql, type Kysely, type Transaction } from 'kysely'
import type { AgeSource, Database, LegalCapacity, SubjectStatus } from '../db/database-schema.ts'
import { DerbesError } from '../errors/index.ts'

/** A `subjects` row as the module reads it: dates of `date` columns as YYYY-MM-DD text on pg and PGlite alike. */
export interface SubjectRow {
  operatorId: string
  subjectId: string
  kind: string
  status: SubjectStatus
  relationshipStartedAt: Date | null
  relationshipEndedAt: Date | null
  minorUntil: string | null
  legalCapacity: LegalCapacity
  ageSource: AgeSource | null
  createdAt: Date
  updatedAt: Date
}

type Db = Transaction<Database> | Kysely<Database>

/**
 * Reads one subject of the operator; `forUpdate` row-locks it until the
 * transaction ends, so a status change and a collection never interleave
 * (a value cannot slip in after a block or a destruction).
 */
export async function findSubjectRow(db: Db, operatorId: string, subjectId: string, options: { forUpdate?: boolean } = {}): Promise<SubjectRow> {
  let query = db
    .selectFrom('subjects')
    .select([
      'operator_id', 'subject_id', 'kind', 'status', 'relationship_started_at', 'relationship_ended_at', 'legal_capacity', 'age_source',
      'created_at', 'updated_at', sql<string | null>`to_char(minor_until, 'YYYY-MM-DD')`.as('minor_until_text'),
    ])
    .where('operator_id', '=', operatorId)
    .where('subject_id', '=', subjectId)
  if (options.forUpdate) query = query.forUpdate()
  const row = await query.executeTakeFirst()
  if (!row) throw new DerbesError('DERBES_SUBJECT_NOT_FOUND', `operator '${operatorId}' has no subject '${subjectId}'`)
  return {
    operatorId: row.operator_id,
    subjectId: row.subject_id,
    kind: row.kind,
    status: row.status,
    relationshipStartedAt: row.relationship_started_at ? new Date(row.relationship_started_at) : null,
    relationshipEndedAt: row.relationship_ended_at ? new Date(row.relationship_ended_at) : null,
    minorUntil: row.minor_until_text,
    legalCapacity: row.legal_capacity,
    ageSource: row.age_source,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  }
}

/** Refuses an anonymised or destroyed subject: nothing of it can be read, changed or linked any more. */
export function assertNotGone(row: SubjectRow, doing: string): void {
  if (row.status === 'anonymised' || row.status === 'destroyed') {
    throw new DerbesError('DERBES_SUBJECT_GONE', `cannot ${doing}: subject '${row.subjectId}' was ${row.status}`)
  }
}

/**
 * Refuses a subject that is not active. Blocking is a temporary stop of
 * collection, accumulation, change, supplement and use (TW-2; art. 25(2)(8)).
 */
export function assertActive(row: SubjectRow, doing: string): void {
  assertNotGone(row, doing)
  if (row.status === 'blocked') {
    throw new DerbesError('DERBES_SUBJECT_BLOCKED', `cannot ${doing}: subject '${row.subjectId}' is blocked (TW-2: collection, change, supplement and use stop until it is unblocked)`)
  }
}
