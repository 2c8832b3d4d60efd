import { appendAudit, type AuditDetail } from '../audit/index.ts'
import type { AgeSource, LegalCapacity } from '../db/database-schema.ts'
import { DerbesError } from '../errors/index.ts'
import { almatyDate } from '../kz/index.ts'
import { enqueueEvent } from '../notify/index.ts'
import { ageFacts } from './age.ts'
import { getSubject, type SubjectView } from './find-subject.ts'
import { indexIdentifiers, insertIdentifiers, type IdentifierInput } from './identifiers.ts'
import { relationshipDates } from './relationship-dates.ts'
import { publishedPolicy } from './subject-policy.ts'
import { assertActive, assertNotGone, findSubjectRow } from './subject-row.ts'
import type { SubjectsDeps } from './subjects-deps.ts'

export interface UpdateSubjectInput {
  operatorId: string
  subjectId: string
  relationshipStartedAt?: Date | string | null | undefined
  /** The relationship (contract, membership) ended; retention periods count from it. `null` clears it. */
  relationshipEndedAt?: Date | string | null | undefined
  /** A court's finding of limited or no capacity, or its end (Civil Code art. 26–27; TW-4.1). */
  legalCapacity?: LegalCapacity | undefined
  identifiers?: { add?: readonly IdentifierInput[] | undefined; remove?: readonly IdentifierInput[] | undefined } | undefined
}

/**
 * Updates a subject's metadata and identifiers in one transaction with an
 * audit entry (`change`) and a `subject.updated` event. Identifiers and
 * capacity are personal data and cannot change while the subject is blocked
 * (TW-2); relationship dates can — retention counts from them. Adding an IIN
 * to a subject of unknown age gives it an age band.
 *
 * @example
 * await updateSubject(deps, { operatorId: 'ps', subjectId, relationshipEndedAt: '2026-12-31T18:00:00Z', identifiers: { add: [{ kind: 'email', value: 'a@b.kz' }] } }, 'staff:2')
 */
export async function updateSubject(deps: SubjectsDeps, input: UpdateSubjectInput, actor: string): Promise<SubjectView> {
  const now = deps.clock()
  const add = await indexIdentifiers(deps.keys, input.operatorId, input.identifiers?.add ?? [], '/body/identifiers/add')
  const remove = await indexIdentifiers(deps.keys, input.operatorId, input.identifiers?.remove ?? [], '/body/identifiers/remove')
  const policy = await publishedPolicy(deps, input.operatorId)
  await deps.db.transaction().execute(async (trx) => {
    const row = await findSubjectRow(trx, input.operatorId, input.subjectId, { forUpdate: true })
    assertNotGone(row, 'update the subject')
    if (add.length > 0 || remove.length > 0 || input.legalCapacity !== undefined) assertActive(row, 'change identifiers or capacity')
    const dates = relationshipDates(
      input.relationshipStartedAt === undefined ? row.relationshipStartedAt : input.relationshipStartedAt,
      input.relationshipEndedAt === undefined ? row.relationshipEndedAt : input.relationshipEndedAt,
    )
    const changes: Record<string, AuditDetail> = {}
    const set: { relationship_started_at?: Date | null; relationship_ended_at?: Date | null; legal_capacity?: LegalCapacity; minor_until?: string | null; age_source?: AgeSource } = {}
    if (input.relationshipStartedAt !== undefined) changes.relationshipStartedAt = (set.relationship_started_at = dates.startedAt)?.toISOString() ?? null
    if (input.relationshipEndedAt !== undefined) changes.relationshipEndedAt = (set.relationship_ended_at = dates.endedAt)?.toISOString() ?? null
    if (input.legalCapacity !== undefined) changes.legalCapacity = set.legal_capacity = input.legalCapacity

    for (const [n, identifier] of remove.entries()) {
      const deleted = await trx
        .deleteFrom('subject_identifiers')
        .where('operator_id', '=', input.operatorId)
        .where('subject_id', '=', input.subjectId)
        .where('kind', '=', identifier.kind)
        .where('blind_index', '=', identifier.blindIndex)
        .executeTakeFirst()
      if (deleted.numDeletedRows === 0n) {
        throw new DerbesError('DERBES_NOT_FOUND', `the subject holds no such ${identifier.kind}`, [{ pointer: `/body/identifiers/remove/${n}`, detail: 'not held by this subject' }])
      }
    }
    await insertIdentifiers(trx, input.operatorId, input.subjectId, add, '/body/identifiers/add')
    if (remove.length > 0) changes.identifiersRemoved = remove.map((i) => i.kind)
    if (add.length > 0) changes.identifiersAdded = add.map((i) => i.kind)
    const iin = add.find((i) => i.kind === 'iin')
    if (iin && row.ageSource === null) {
      const age = ageFacts({ iin: iin.normalized }, policy.document.ageRules.adultAge, almatyDate(now))
      if (age.ageSource) {
        set.minor_until = age.minorUntil
        set.age_source = age.ageSource
        changes.ageFrom = 'iin'
      }
    }
    if (Object.keys(changes).length === 0) return
    await trx.updateTable('subjects').set({ ...set, updated_at: now }).where('operator_id', '=', input.operatorId).where('subject_id', '=', input.subjectId).execute()
    await appendAudit(trx, { operatorId: input.operatorId, at: now, actor, action: 'change', subjectId: input.subjectId, details: changes })
    await enqueueEvent(trx, { operatorId: input.operatorId, type: 'subject.updated', subjectId: input.subjectId, occurredAt: now, data: changes })
  })
  return getSubject(deps, input.operatorId, input.subjectId)
}
