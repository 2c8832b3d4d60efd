import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import { appendConsentEvent } from './append-consent-event.ts'
import { lockSubject } from './consenting-party.ts'
import { followUpRecord, stateKey, stateKeysOf } from './follow-up-record.ts'
import type { LedgerDeps } from './ledger-deps.ts'
import { readConsentState, writeConsentState } from './project-consent-state.ts'
import { getConsentEvent } from './read-consents.ts'

/**
 * Makes scheduled withdrawals take effect once their day has come (ESP App.1
 * §5: 10 business days after the application): for each due
 * 'withdrawal_requested' event a 'withdrawn' event answering it, the state
 * rows 'withdrawn', the audit entry and the events — with the form's
 * consequences (ESP-9: loyalty card blocked), unless the subject consented
 * again to part of it meanwhile. One transaction per withdrawal; run it from
 * a job every few minutes. Returns how many took effect.
 *
 * @example
 * await applyDueWithdrawals(deps, new Date()) // 3
 */
export async function applyDueWithdrawals(deps: LedgerDeps, now: Date, options: { limit?: number } = {}): Promise<number> {
  const due = await deps.db
    .selectFrom('consent_state')
    .select(['operator_id', 'subject_id', 'event_id', sql<Date>`min(withdrawal_effective_at)`.as('effective_at')])
    .where('status', '=', 'withdrawal_pending')
    .where('withdrawal_effective_at', '<=', now)
    .groupBy(['operator_id', 'subject_id', 'event_id'])
    .orderBy('effective_at')
    .limit(options.limit ?? 500)
    .execute()
  let applied = 0
  for (const { operator_id: operatorId, subject_id: subjectId, event_id: requestedId } of due) {
    applied += await deps.db.transaction().execute(async (trx) => {
      await lockSubject(trx, operatorId, subjectId, ['active', 'blocked', 'anonymised', 'destroyed'])
      const pending = (await readConsentState(trx, operatorId, subjectId, ['withdrawal_pending'])).filter(
        (r) => r.eventId === requestedId && r.withdrawalEffectiveAt !== null && r.withdrawalEffectiveAt <= now,
      )
      if (pending.length === 0) return 0
      const requested = (await getConsentEvent(trx, operatorId, requestedId)).record
      const left = new Set(pending.map(stateKey))
      const complete = stateKeysOf(requested).every((k) => left.has(k))
      const eventId = randomUUID()
      const record = followUpRecord(requested, pending, {
        eventId,
        kind: 'withdrawn',
        previousEventId: requestedId,
        recordedAt: now,
        effectiveAt: pending[0]!.withdrawalEffectiveAt!,
        withdrawal: { ...requested.withdrawal!, consequences: complete ? (requested.withdrawal?.consequences ?? []) : [] },
      })
      await appendConsentEvent(trx, operatorId, record)
      await writeConsentState(trx, operatorId, subjectId, pending.map((r) => ({ ...r, status: 'withdrawn' as const, eventId })), now)
      return 1
    })
  }
  return applied
}
