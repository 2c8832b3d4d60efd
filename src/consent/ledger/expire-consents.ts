import { randomUUID } from 'node:crypto'
import { appendConsentEvent } from './append-consent-event.ts'
import { lockSubject } from './consenting-party.ts'
import { followUpRecord } from './follow-up-record.ts'
import type { LedgerDeps } from './ledger-deps.ts'
import { readConsentState, writeConsentState } from './project-consent-state.ts'
import { getConsentEvent } from './read-consents.ts'

/**
 * Ends consents whose term has run out (art. 8(4)(3), 8(5)): for every given
 * consent whose `expires_at` has passed, an 'expired' event answering it, the
 * state rows 'expired', the audit entry and a `consent.expired` event. One
 * transaction per consent event; run it from a job. Returns how many expired.
 *
 * @example
 * await expireConsents(deps, new Date()) // 12
 */
export async function expireConsents(deps: LedgerDeps, now: Date, options: { limit?: number } = {}): Promise<number> {
  const due = await deps.db
    .selectFrom('consent_state')
    .select(['operator_id', 'subject_id', 'event_id'])
    .distinct()
    .where('status', '=', 'given')
    .where('expires_at', '<=', now)
    .limit(options.limit ?? 500)
    .execute()
  let expired = 0
  for (const { operator_id: operatorId, subject_id: subjectId, event_id: givenId } of due) {
    expired += await deps.db.transaction().execute(async (trx) => {
      await lockSubject(trx, operatorId, subjectId, ['active', 'blocked', 'anonymised', 'destroyed'])
      const ending = (await readConsentState(trx, operatorId, subjectId, ['given'])).filter(
        (r) => r.eventId === givenId && r.expiresAt !== null && r.expiresAt <= now,
      )
      if (ending.length === 0) return 0
      const given = (await getConsentEvent(trx, operatorId, givenId)).record
      const eventId = randomUUID()
      const record = followUpRecord(given, ending, { eventId, kind: 'expired', previousEventId: givenId, recordedAt: now, effectiveAt: ending[0]!.expiresAt! })
      await appendConsentEvent(trx, operatorId, record)
      await writeConsentState(trx, operatorId, subjectId, ending.map((r) => ({ ...r, status: 'expired' as const, eventId })), now)
      return 1
    })
  }
  return expired
}
