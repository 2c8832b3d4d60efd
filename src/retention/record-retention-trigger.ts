import type { Kysely, Transaction } from 'kysely'
import { appendAudit } from '../audit/index.ts'
import type { Database } from '../db/index.ts'
import { DerbesError } from '../errors/index.ts'
import { getPublishedVersion } from '../operators/index.ts'
import type { RetentionDeps } from './retention-deps.ts'
import type { RecordedTrigger } from './retention-tables.ts'

export interface RetentionTriggerInput {
  operatorId: string
  subjectId: string
  trigger: RecordedTrigger
  /** For `purpose_achieved` only: the purpose whose goal was reached (art. 12(2), TW-9.7, ESP-8). */
  purposeId?: string | undefined
  /** When it happened; never after now. Defaults to now. */
  occurredAt?: Date | undefined
  /** For staff; no personal data. */
  note?: string | undefined
}

export interface RetentionTriggerView {
  subjectId: string
  trigger: RecordedTrigger
  purposeId: string | null
  occurredAt: string
  recordedAt: string
  recordedBy: string
  note: string | null
}

type Db = Kysely<Database> | Transaction<Database>

/** The subject must exist and not be destroyed; a missing one is 404. */
export async function findLiveSubject(db: Db, operatorId: string, subjectId: string): Promise<{ kind: string; status: string }> {
  const row = await db.selectFrom('subjects').select(['kind', 'status']).where('operator_id', '=', operatorId).where('subject_id', '=', subjectId).executeTakeFirst()
  if (!row || row.status === 'destroyed') throw new DerbesError('DERBES_SUBJECT_NOT_FOUND', `operator '${operatorId}' has no subject '${subjectId}'`)
  return row
}

/**
 * Records a retention trigger Derbes cannot see for itself — the purpose
 * achieved (per purpose), the contract ended (PS-6.1), the account closed —
 * audited in the same transaction. The first date of each stays: a trigger
 * already recorded is a conflict, so a clock never restarts later.
 *
 * @example
 * await recordRetentionTrigger(deps, { operatorId: 'ps', subjectId, trigger: 'contract_end', occurredAt: new Date('2026-12-01T12:00:00+05:00') }, 'staff:7')
 */
export async function recordRetentionTrigger(deps: Pick<RetentionDeps, 'db' | 'clock'>, input: RetentionTriggerInput, actor: string): Promise<RetentionTriggerView> {
  const now = deps.clock()
  const occurredAt = input.occurredAt ?? now
  if (occurredAt > now) throw new DerbesError('DERBES_VALIDATION', 'a retention trigger cannot be in the future', [{ pointer: '/body/occurredAt', detail: 'is after now' }])
  if (input.trigger === 'purpose_achieved') {
    if (!input.purposeId) throw new DerbesError('DERBES_VALIDATION', 'purpose_achieved names the purpose', [{ pointer: '/body/purposeId', detail: 'is required for purpose_achieved' }])
    const policy = (await getPublishedVersion(deps, input.operatorId)).compiled
    if (!policy.purposes.has(input.purposeId)) throw new DerbesError('DERBES_VALIDATION', `'${input.purposeId}' is not a purpose of the published policy`, [{ pointer: '/body/purposeId', detail: 'is not a purpose of the published policy' }])
  } else if (input.purposeId !== undefined) {
    throw new DerbesError('DERBES_VALIDATION', `${input.trigger} concerns the whole subject`, [{ pointer: '/body/purposeId', detail: `is only for purpose_achieved` }])
  }
  return deps.db.transaction().execute(async (trx) => {
    await findLiveSubject(trx, input.operatorId, input.subjectId)
    const row = await trx.insertInto('retention_triggers').values({
      operator_id: input.operatorId,
      subject_id: input.subjectId,
      trigger: input.trigger,
      purpose_id: input.purposeId ?? '',
      occurred_at: occurredAt,
      recorded_at: now,
      recorded_by: actor,
      note: input.note ?? null,
    }).onConflict((oc) => oc.doNothing()).returningAll().executeTakeFirst()
    if (!row) {
      throw new DerbesError('DERBES_RETENTION_TRIGGER_EXISTS', `subject '${input.subjectId}' already has ${input.trigger}${input.purposeId ? ` for '${input.purposeId}'` : ''} recorded`, [{ pointer: '/body/trigger', detail: 'is already recorded' }])
    }
    await appendAudit(trx, {
      operatorId: input.operatorId, at: now, actor, action: 'retention_trigger_recorded', subjectId: input.subjectId, purpose: input.purposeId ?? null,
      details: { trigger: input.trigger, occurredAt: occurredAt.toISOString() },
    })
    return toTriggerView(row)
  })
}

export function toTriggerView(row: { subject_id: string; trigger: RecordedTrigger; purpose_id: string; occurred_at: Date; recorded_at: Date; recorded_by: string; note: string | null }): RetentionTriggerView {
  return {
    subjectId: row.subject_id,
    trigger: row.trigger,
    purposeId: row.purpose_id === '' ? null : row.purpose_id,
    occurredAt: row.occurred_at.toISOString(),
    recordedAt: row.recorded_at.toISOString(),
    recordedBy: row.recorded_by,
    note: row.note,
  }
}
