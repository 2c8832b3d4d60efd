import { randomUUID } from 'node:crypto'
import { appendAudit } from '../audit/index.ts'
import { DerbesError } from '../errors/index.ts'
import type { HoldReason } from './due-retention.ts'
import { findLiveSubject } from './record-retention-trigger.ts'
import type { RetentionDeps } from './retention-deps.ts'
import type { RetentionHoldsTable } from './retention-tables.ts'

/** Reasons staff give a hold; open requests and unfulfilled obligations hold by themselves (derived holds). */
export const PLACED_HOLD_REASONS = ['dispute', 'statutory', 'unfulfilled_obligation', 'manual'] as const satisfies readonly HoldReason[]

export interface HoldInput {
  operatorId: string
  subjectId: string
  reason: HoldReason
  /** Why, for the console and the audit log: a case number, the law — no personal data. */
  detail: string
  /** The hold ends by itself then; without it, only a release ends it. */
  until?: Date | undefined
}

export interface HoldView {
  holdId: string
  subjectId: string
  reason: HoldReason
  detail: string
  placedAt: string
  placedBy: string
  until: string | null
  releasedAt: string | null
  releasedBy: string | null
  /** In force at the time asked about. */
  active: boolean
}

type HoldRow = { [K in keyof RetentionHoldsTable]: K extends 'placed_at' ? Date : K extends 'until' | 'released_at' ? Date | null : RetentionHoldsTable[K] }

export function toHoldView(row: HoldRow, at: Date): HoldView {
  return {
    holdId: row.hold_id,
    subjectId: row.subject_id,
    reason: row.reason,
    detail: row.detail,
    placedAt: row.placed_at.toISOString(),
    placedBy: row.placed_by,
    until: row.until?.toISOString() ?? null,
    releasedAt: row.released_at?.toISOString() ?? null,
    releasedBy: row.released_by,
    active: row.placed_at <= at && (row.released_at === null || row.released_at > at) && (row.until === null || row.until > at),
  }
}

/**
 * Places a legal hold on a subject: nothing of it is blocked, anonymised or
 * destroyed by retention while the hold is in force (a dispute, a court's or
 * the authorised body's demand, a law that requires keeping — TTC-6.5,
 * PS-6.2 "unless the law says otherwise"). Audited.
 *
 * @example
 * await placeHold(deps, { operatorId: 'ttc', subjectId, reason: 'dispute', detail: 'claim 2-114/2026, Astana city court' }, 'staff:7')
 */
export async function placeHold(deps: Pick<RetentionDeps, 'db' | 'clock'>, input: HoldInput, actor: string): Promise<HoldView> {
  const now = deps.clock()
  if (input.until !== undefined && input.until <= now) throw new DerbesError('DERBES_VALIDATION', 'a hold must end after it is placed', [{ pointer: '/body/until', detail: 'is not after now' }])
  return deps.db.transaction().execute(async (trx) => {
    await findLiveSubject(trx, input.operatorId, input.subjectId)
    const row = await trx.insertInto('retention_holds').values({
      operator_id: input.operatorId, hold_id: randomUUID(), subject_id: input.subjectId, reason: input.reason, detail: input.detail,
      placed_at: now, placed_by: actor, until: input.until ?? null, released_at: null, released_by: null,
    }).returningAll().executeTakeFirstOrThrow()
    await appendAudit(trx, {
      operatorId: input.operatorId, at: now, actor, action: 'legal_hold_placed', subjectId: input.subjectId,
      details: { holdId: row.hold_id, reason: input.reason, detail: input.detail, until: input.until?.toISOString() ?? null },
    })
    return toHoldView(row, now)
  })
}

/** Releases a hold in force; retention may act on the subject at its next sweep. Audited. */
export async function releaseHold(deps: Pick<RetentionDeps, 'db' | 'clock'>, operatorId: string, holdId: string, actor: string): Promise<HoldView> {
  const now = deps.clock()
  return deps.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('retention_holds').selectAll().where('operator_id', '=', operatorId).where('hold_id', '=', holdId).forUpdate().executeTakeFirst()
    if (!row) throw new DerbesError('DERBES_RETENTION_HOLD_NOT_FOUND', `operator '${operatorId}' has no hold '${holdId}'`)
    if (row.released_at !== null) throw new DerbesError('DERBES_RETENTION_HOLD_RELEASED', `hold '${holdId}' was released at ${row.released_at.toISOString()}`)
    const released = await trx.updateTable('retention_holds').set({ released_at: now, released_by: actor })
      .where('operator_id', '=', operatorId).where('hold_id', '=', holdId).returningAll().executeTakeFirstOrThrow()
    await appendAudit(trx, { operatorId, at: now, actor, action: 'legal_hold_released', subjectId: row.subject_id, details: { holdId, reason: row.reason } })
    return toHoldView(released, now)
  })
}

/** The operator's holds, newest first; only those in force unless `all`, optionally of one subject. */
export async function listHolds(deps: Pick<RetentionDeps, 'db' | 'clock'>, operatorId: string, options: { subjectId?: string | undefined; all?: boolean | undefined; limit?: number | undefined } = {}): Promise<HoldView[]> {
  const now = deps.clock()
  let query = deps.db.selectFrom('retention_holds').selectAll().where('operator_id', '=', operatorId)
  if (options.subjectId !== undefined) query = query.where('subject_id', '=', options.subjectId)
  if (!options.all) query = query.where('released_at', 'is', null).where((eb) => eb.or([eb('until', 'is', null), eb('until', '>', now)]))
  const rows = await query.orderBy('placed_at', 'desc').orderBy('hold_id').limit(options.limit ?? 500).execute()
  return rows.map((row) => toHoldView(row, now))
}
