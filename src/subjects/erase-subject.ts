import type { Transaction } from 'kysely'
import { appendAudit } from '../audit/index.ts'
import type { Database } from '../db/index.ts'
import { enqueueEvent } from '../notify/index.ts'
import { getSubject, type SubjectView } from './find-subject.ts'
import type { EraseReason, StatusChangeInput } from './status-reasons.ts'
import { assertNotGone, findSubjectRow } from './subject-row.ts'
import type { SubjectsDeps } from './subjects-deps.ts'

/** How many rows an erasure removed, for the audit entry. */
export interface Erased {
  values: number
  identifiers: number
  representations: number
  /** The KEK that wrapped the deleted data key (its id, not the key). */
  keyId: string | null
}

/**
 * Deletes everything that ties a subject row to a person: vault values,
 * identifiers' blind indexes, representations either way, and the wrapped data
 * key — the last makes every copy of its ciphertexts, in backups too,
 * unreadable (crypto-shredding). The row itself is kept, emptied of dates,
 * age and capacity, so the consent ledger and the audit log keep a subject to
 * point at.
 */
async function eraseRows(trx: Transaction<Database>, operatorId: string, subjectId: string): Promise<Erased> {
  const values = await trx.deleteFrom('vault_items').where('operator_id', '=', operatorId).where('subject_id', '=', subjectId).executeTakeFirst()
  const identifiers = await trx.deleteFrom('subject_identifiers').where('operator_id', '=', operatorId).where('subject_id', '=', subjectId).executeTakeFirst()
  const representations = await trx
    .deleteFrom('subject_representatives')
    .where('operator_id', '=', operatorId)
    .where((eb) => eb.or([eb('subject_id', '=', subjectId), eb('representative_id', '=', subjectId)]))
    .executeTakeFirst()
  const key = await trx.deleteFrom('subject_keys').where('operator_id', '=', operatorId).where('subject_id', '=', subjectId).returning('key_id').executeTakeFirst()
  return {
    values: Number(values.numDeletedRows),
    identifiers: Number(identifiers.numDeletedRows),
    representations: Number(representations.numDeletedRows),
    keyId: key?.key_id ?? null,
  }
}

/**
 * Anonymises (`anonymised`) or destroys (`destroyed`) a subject, irreversibly,
 * in one transaction with its audit entry and event. Allowed from active and
 * from blocked (block, then destroy: TW-9.8).
 */
export async function eraseSubject(
  deps: SubjectsDeps,
  input: StatusChangeInput<EraseReason>,
  actor: string,
  outcome: 'anonymised' | 'destroyed',
): Promise<SubjectView> {
  const now = deps.clock()
  await deps.db.transaction().execute(async (trx) => {
    const row = await findSubjectRow(trx, input.operatorId, input.subjectId, { forUpdate: true })
    assertNotGone(row, outcome === 'destroyed' ? 'destroy the subject' : 'anonymise the subject')
    const erased = await eraseRows(trx, input.operatorId, input.subjectId)
    await trx
      .updateTable('subjects')
      .set({ status: outcome, minor_until: null, age_source: null, legal_capacity: 'full', relationship_started_at: null, relationship_ended_at: null, updated_at: now })
      .where('operator_id', '=', input.operatorId)
      .where('subject_id', '=', input.subjectId)
      .execute()
    const details = { reason: input.reason, ...(input.reference ? { reference: input.reference } : {}), erased: { ...erased } }
    await appendAudit(trx, { operatorId: input.operatorId, at: now, actor, action: outcome === 'destroyed' ? 'destroy' : 'anonymise', subjectId: input.subjectId, details })
    await enqueueEvent(trx, {
      operatorId: input.operatorId,
      type: outcome === 'destroyed' ? 'subject.destroyed' : 'subject.anonymised',
      subjectId: input.subjectId,
      occurredAt: now,
      data: { reason: input.reason },
    })
  })
  return getSubject(deps, input.operatorId, input.subjectId)
}
