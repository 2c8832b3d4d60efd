import { randomUUID } from 'node:crypto'
import { sql, type Transaction } from 'kysely'
import { appendAuditBatch, type AuditEntryInput } from '../../audit/index.ts'
import type { Database } from '../../db/database-schema.ts'
import { almatyDate } from '../../kz/index.ts'
import { enqueueEvent } from '../../notify/index.ts'
import { getPublishedVersion } from '../../operators/index.ts'
import { findUnderAge, type UnderAgeSubject } from './find-under-age.ts'
import { minorRules, type MinorFlagClearedReason, type MinorRules } from './minor-rules.ts'
import type { MinorsDeps } from './minors-deps.ts'

/** What one scan found and did. */
export interface MinorsScanResult {
  operatorId: string
  scannedAt: Date
  policyVersionId: string
  minimumAge: number
  underAge: MinorRules['underAge']
  /** Subjects flagged by this scan. */
  flagged: number
  /** Flags found before and still standing. */
  stillFlagged: number
  cleared: Record<MinorFlagClearedReason, number>
  blocked: number
  unblocked: number
}

interface OpenFlag {
  subject_id: string
  minimum_age: number
  blocked_by_scan: boolean
}

/** The reference the scan's blocks and unblocks carry in the audit log. */
const SCAN_REFERENCE = 'minors-scan'

/**
 * Finds the operator's subjects under the published policy's minimum age who
 * lack a representative's consent, flags each once (when, why, what the
 * policy's `underAge` says) and handles it as the policy says: TTC-10.4
 * `delete_asap` — due for destruction at once (`findMinorsDue`), blocked now
 * when `restrictAccess`; KZK-1.13 `parental_consent` — blocked until a parent
 * or guardian consents; `reject` — flagged for refusal. A flag ends when the
 * subject comes of age, a representative consents, or the subject is gone;
 * a block the scan placed is lifted then. Every flag, end, block and unblock
 * is audited and announced in the same transaction; scans of one operator
 * never overlap (an advisory lock), so two processes never flag twice.
 *
 * @example
 * const result = await scanMinors({ db, clock }, 'ttc', 'system:minors-scan')
 * result.flagged // subjects found under 18 since the last scan
 */
export async function scanMinors(deps: MinorsDeps, operatorId: string, actor: string): Promise<MinorsScanResult> {
  const rules = minorRules((await getPublishedVersion(deps, operatorId)).compiled)
  const now = deps.clock()
  const today = almatyDate(now)
  return deps.db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext(${`derbes minors scan ${operatorId}`}))`.execute(trx)
    const found = await findUnderAge(trx, operatorId, rules, today, now)
    const flaggable = new Map(found.filter((s) => !(rules.representativeConsentSuffices && s.representativeConsented)).map((s) => [s.subjectId, s]))
    const open = await trx
      .selectFrom('minor_flags')
      .select(['subject_id', 'minimum_age', 'blocked_by_scan'])
      .where('operator_id', '=', operatorId)
      .where('cleared_at', 'is', null)
      .execute()
    const openIds = new Set(open.map((f) => f.subject_id))
    const fresh = [...flaggable.values()].filter((s) => !openIds.has(s.subjectId))
    const ending = open.filter((f) => !flaggable.has(f.subject_id))

    const blocked = await flag(trx, operatorId, rules, fresh, now, actor)
    const { cleared, unblocked } = await clear(trx, operatorId, rules, ending, found, now, actor)

    const result: MinorsScanResult = {
      operatorId,
      scannedAt: now,
      policyVersionId: rules.policyVersionId,
      minimumAge: rules.minimumAge,
      underAge: rules.underAge,
      flagged: fresh.length,
      stillFlagged: open.length - ending.length,
      cleared,
      blocked,
      unblocked,
    }
    const { scannedAt: _, ...details } = result
    await appendAuditBatch(trx, [{ operatorId, at: now, actor, action: 'minors_scanned', details: { ...details, clauses: [...rules.clauses] } }])
    return result
  })
}

async function flag(trx: Transaction<Database>, operatorId: string, rules: MinorRules, fresh: UnderAgeSubject[], now: Date, actor: string): Promise<number> {
  if (fresh.length === 0) return 0
  const toBlock = rules.block ? fresh.filter((s) => s.status === 'active').map((s) => s.subjectId) : []
  const blockedIds = new Set<string>()
  if (toBlock.length > 0) {
    const rows = await trx
      .updateTable('subjects')
      .set({ status: 'blocked', updated_at: now })
      .where('operator_id', '=', operatorId)
      .where('subject_id', 'in', toBlock)
      .where('status', '=', 'active')
      .returning('subject_id')
      .execute()
    for (const r of rows) blockedIds.add(r.subject_id)
  }
  const clauses = JSON.stringify(rules.clauses)
  await trx
    .insertInto('minor_flags')
    .values(fresh.map((s) => ({
      operator_id: operatorId,
      flag_id: randomUUID(),
      subject_id: s.subjectId,
      found_at: now,
      reason: s.reason,
      minimum_age: rules.minimumAge,
      reaches_minimum_age_on: s.reachesMinimumAgeOn,
      under_age_action: rules.underAge,
      handling: rules.handling,
      blocked_by_scan: blockedIds.has(s.subjectId),
      clauses,
      policy_version_id: rules.policyVersionId,
    })))
    .execute()
  const entries: AuditEntryInput[] = []
  for (const s of fresh) {
    const details = {
      reason: s.reason,
      minimumAge: rules.minimumAge,
      underAge: rules.underAge,
      handling: rules.handling,
      reachesMinimumAgeOn: s.reachesMinimumAgeOn,
      clauses: [...rules.clauses],
    }
    entries.push({ operatorId, at: now, actor, action: 'minor_flagged', subjectId: s.subjectId, details })
    await enqueueEvent(trx, { operatorId, type: 'subject.minor_flagged', subjectId: s.subjectId, occurredAt: now, data: details })
    if (blockedIds.has(s.subjectId)) {
      // Art. 25(2)(8): data collected from a minor without the representative's consent breaches the conditions of collection.
      const block = { reason: 'collection_unlawful', reference: SCAN_REFERENCE }
      entries.push({ operatorId, at: now, actor, action: 'block', subjectId: s.subjectId, details: block })
      await enqueueEvent(trx, { operatorId, type: 'subject.blocked', subjectId: s.subjectId, occurredAt: now, data: block })
    }
  }
  await appendAuditBatch(trx, entries)
  return blockedIds.size
}

async function clear(
  trx: Transaction<Database>,
  operatorId: string,
  rules: MinorRules,
  ending: { subject_id: string; minimum_age: number; blocked_by_scan: boolean }[],
  found: UnderAgeSubject[],
  now: Date,
  actor: string,
): Promise<{ cleared: Record<MinorFlagClearedReason, number>; unblocked: number }> {
  const cleared: Record<MinorFlagClearedReason, number> = { came_of_age: 0, representative_consented: 0, subject_gone: 0, policy_changed: 0 }
  if (ending.length === 0) return { cleared, unblocked: 0 }
  const ids = ending.map((f) => f.subject_id)
  const statuses = new Map(
    (await trx.selectFrom('subjects').select(['subject_id', 'status']).where('operator_id', '=', operatorId).where('subject_id', 'in', ids).execute()).map((r) => [r.subject_id, r.status]),
  )
  const stillUnderAge = new Set(found.map((s) => s.subjectId))
  const reasonOf = (f: OpenFlag): MinorFlagClearedReason => {
    const status = statuses.get(f.subject_id)
    if (status !== 'active' && status !== 'blocked') return 'subject_gone'
    if (stillUnderAge.has(f.subject_id)) return rules.representativeConsentSuffices ? 'representative_consented' : 'policy_changed'
    return f.minimum_age === rules.minimumAge ? 'came_of_age' : 'policy_changed'
  }
  const entries: AuditEntryInput[] = []
  const toUnblock: string[] = []
  for (const f of ending) {
    const reason = reasonOf(f)
    cleared[reason]++
    await trx
      .updateTable('minor_flags')
      .set({ cleared_at: now, cleared_reason: reason })
      .where('operator_id', '=', operatorId)
      .where('subject_id', '=', f.subject_id)
      .where('cleared_at', 'is', null)
      .execute()
    entries.push({ operatorId, at: now, actor, action: 'minor_flag_cleared', subjectId: f.subject_id, details: { reason } })
    await enqueueEvent(trx, { operatorId, type: 'subject.minor_flag_cleared', subjectId: f.subject_id, occurredAt: now, data: { reason } })
    if (f.blocked_by_scan && statuses.get(f.subject_id) === 'blocked') toUnblock.push(f.subject_id)
  }
  let unblocked = 0
  if (toUnblock.length > 0) {
    const rows = await trx
      .updateTable('subjects')
      .set({ status: 'active', updated_at: now })
      .where('operator_id', '=', operatorId)
      .where('subject_id', 'in', toUnblock)
      .where('status', '=', 'blocked')
      .returning('subject_id')
      .execute()
    unblocked = rows.length
    for (const r of rows) {
      // The block was the scan's own; its ground is gone (art. 25(2)(8): lift it once the breach no longer stands).
      const details = { reason: 'other', reference: SCAN_REFERENCE }
      entries.push({ operatorId, at: now, actor, action: 'unblock', subjectId: r.subject_id, details })
      await enqueueEvent(trx, { operatorId, type: 'subject.unblocked', subjectId: r.subject_id, occurredAt: now, data: details })
    }
  }
  await appendAuditBatch(trx, entries)
  return { cleared, unblocked }
}
