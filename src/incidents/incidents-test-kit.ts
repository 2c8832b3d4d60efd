// Test support for the incidents suites: the requests fixture (one database, seed policies, an app and
// deps on a settable clock) with API keys holding the incident permissions, and readers for the outboxes.
import type { Permission } from '../access/index.ts'
import type { TestDatabase } from '../db/test-databases.ts'
import { openEmail } from '../notify/email/seal-email.ts'
import { pendingSmsMessages } from '../consent/index.ts'
import { openRequestsFixture, type RequestsFixture, type Seed } from '../requests/requests-test-kit.ts'

export { FIXTURE_TIMEOUT_MS } from '../requests/requests-test-kit.ts'
export const INCIDENT_PERMISSIONS: Permission[] = ['incidents:read', 'incidents:manage']

export type IncidentsFixture = RequestsFixture

export function openIncidentsFixture(target: TestDatabase, start: string, seeds: readonly Seed[]): Promise<IncidentsFixture> {
  return openRequestsFixture(target, start, { seeds })
}

/** The e-mails queued for an operator's subjects, opened as the dispatcher would. */
export async function queuedEmails(fx: IncidentsFixture, operatorId: string): Promise<{ subjectId: string | null; language: string; purpose: string; to: string; subjectLine: string; text: string }[]> {
  const rows = await fx.database.db.selectFrom('email_outbox').selectAll().where('operator_id', '=', operatorId).orderBy('created_at').execute()
  const out = []
  for (const r of rows) {
    const content = await openEmail(fx.deps.keys, operatorId, r.message_id, { keyId: r.key_id!, wrappedKey: r.wrapped_key!, sealed: r.sealed! })
    out.push({ subjectId: r.subject_id, language: r.language, purpose: r.purpose, to: content.to, subjectLine: content.subjectLine, text: content.text })
  }
  return out
}

export function queuedSms(fx: IncidentsFixture, operatorId: string) {
  return pendingSmsMessages({ db: fx.database.db, keys: fx.deps.keys, clock: fx.deps.clock }, operatorId)
}
