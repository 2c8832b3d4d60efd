import { appendAudit } from '../audit/index.ts'
import { DerbesError } from '../errors/index.ts'
import { enqueueEvent } from '../notify/index.ts'
import { getSubject, type SubjectView } from './find-subject.ts'
import type { BlockReason, StatusChangeInput, UnblockReason } from './status-reasons.ts'
import { assertActive, assertNotGone, findSubjectRow } from './subject-row.ts'
import type { SubjectsDeps } from './subjects-deps.ts'

/**
 * Blocks a subject: a temporary stop of collection, accumulation, change,
 * supplement, use and distribution of its data (TW-2; art. 25(2)(8): within
 * one working day of information that collection conditions were breached).
 * Collection and change are refused until `unblockSubject`; reading stays
 * possible so accuracy can be verified (ESP-7). Anonymisation and destruction
 * stay possible too: blocking is how data waits for them (TW-9.8).
 *
 * @example
 * await blockSubject(deps, { operatorId: 'esp', subjectId, reason: 'accuracy_in_doubt', reference: 'Request 2026-114' }, 'staff:5')
 */
export async function blockSubject(deps: SubjectsDeps, input: StatusChangeInput<BlockReason>, actor: string): Promise<SubjectView> {
  const now = deps.clock()
  await deps.db.transaction().execute(async (trx) => {
    const row = await findSubjectRow(trx, input.operatorId, input.subjectId, { forUpdate: true })
    assertActive(row, 'block the subject')
    await trx.updateTable('subjects').set({ status: 'blocked', updated_at: now }).where('operator_id', '=', input.operatorId).where('subject_id', '=', input.subjectId).execute()
    const details = { reason: input.reason, ...(input.reference ? { reference: input.reference } : {}) }
    await appendAudit(trx, { operatorId: input.operatorId, at: now, actor, action: 'block', subjectId: input.subjectId, details })
    await enqueueEvent(trx, { operatorId: input.operatorId, type: 'subject.blocked', subjectId: input.subjectId, occurredAt: now, data: details })
  })
  return getSubject(deps, input.operatorId, input.subjectId)
}

/** Lifts a block (art. 25(2)(8): when the breach is not confirmed; ESP-7: once verified). */
export async function unblockSubject(deps: SubjectsDeps, input: StatusChangeInput<UnblockReason>, actor: string): Promise<SubjectView> {
  const now = deps.clock()
  await deps.db.transaction().execute(async (trx) => {
    const row = await findSubjectRow(trx, input.operatorId, input.subjectId, { forUpdate: true })
    assertNotGone(row, 'unblock the subject')
    if (row.status !== 'blocked') throw new DerbesError('DERBES_SUBJECT_NOT_BLOCKED', `subject '${input.subjectId}' is ${row.status}, not blocked`)
    await trx.updateTable('subjects').set({ status: 'active', updated_at: now }).where('operator_id', '=', input.operatorId).where('subject_id', '=', input.subjectId).execute()
    const details = { reason: input.reason, ...(input.reference ? { reference: input.reference } : {}) }
    await appendAudit(trx, { operatorId: input.operatorId, at: now, actor, action: 'unblock', subjectId: input.subjectId, details })
    await enqueueEvent(trx, { operatorId: input.operatorId, type: 'subject.unblocked', subjectId: input.subjectId, occurredAt: now, data: details })
  })
  return getSubject(deps, input.operatorId, input.subjectId)
}
