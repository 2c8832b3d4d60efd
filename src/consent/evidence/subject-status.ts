import type { Kysely } from 'kysely'
import type { Database } from '../../db/index.ts'
import { DerbesError } from '../../errors/index.ts'

/**
 * Refuses a subject Derbes may not contact about a consent: unknown to the
 * operator, blocked (processing stops, TW-2, art. 25(2)(8)), anonymised or
 * destroyed. Reads `subjects` directly: the subjects module is built beside
 * this one and exports no look-up yet.
 */
export async function requireActiveSubject(db: Kysely<Database>, operatorId: string, subjectId: string): Promise<void> {
  const subject = await db
    .selectFrom('subjects')
    .select('status')
    .where('operator_id', '=', operatorId)
    .where('subject_id', '=', subjectId)
    .executeTakeFirst()
  if (!subject) throw new DerbesError('DERBES_SUBJECT_NOT_FOUND', `operator '${operatorId}' has no subject '${subjectId}'`)
  if (subject.status === 'blocked') throw new DerbesError('DERBES_SUBJECT_BLOCKED', `subject '${subjectId}' is blocked`)
  if (subject.status !== 'active') throw new DerbesError('DERBES_SUBJECT_GONE', `subject '${subjectId}' was ${subject.status}`)
}
