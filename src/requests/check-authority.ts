import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../db/index.ts'
import { activeRepresentatives } from '../subjects/index.ts'

/**
 * Whether a representative may act for the subject at `at`: a parent or
 * guardian of a minor (KZK-1.13), a legal representative (TW-4.1), an
 * attorney within the validity dates of the power (ESP-3), a legal entity's
 * representative (TTC-2) — as `activeRepresentatives` of the subjects module
 * decides. A request whose requester is not (yet) a subject the operator
 * holds cannot show authority.
 *
 * @example
 * await checkAuthority(trx, 'esp', clientId, attorneyId, receivedAt) // { active: true, relation: 'attorney' }
 */
export async function checkAuthority(
  db: Kysely<Database> | Transaction<Database>,
  operatorId: string,
  subjectId: string | null,
  representativeId: string,
  at: Date,
): Promise<{ active: boolean; relation: string | null }> {
  if (subjectId === null) return { active: false, relation: null }
  const found = (await activeRepresentatives(db, operatorId, subjectId, at)).find((r) => r.representativeId === representativeId)
  return found ? { active: true, relation: found.relation } : { active: false, relation: null }
}
