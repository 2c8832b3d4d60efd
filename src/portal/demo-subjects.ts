import type { Kysely } from 'kysely'
import { giveConsent, markSmsSent, pendingSmsMessages } from '../consent/index.ts'
import type { Database } from '../db/index.ts'
import { DerbesError } from '../errors/index.ts'
import type { BusinessCalendar } from '../kz/index.ts'
import { getPublishedVersion } from '../operators/index.ts'
import { findSubjectByIdentifier, registerSubject } from '../subjects/index.ts'
import type { KeyProvider } from '../subjects/crypto/index.ts'

/** The demo subject `npm start` registers with each seed operator, to sign in to the portal with. Public, hence demo only. */
export const DEMO_SUBJECT_PHONE = '+7 701 000 00 01'

interface DemoDeps { db: Kysely<Database>; clock: () => Date; keys: KeyProvider; calendar: BusinessCalendar }

/**
 * Makes sure the operator has a demo subject reachable at DEMO_SUBJECT_PHONE,
 * of the first subject kind of its published policy; with TTC it also has
 * TTC's app-2 consent as staff register one signed on paper (TTC-9.2), so
 * the portal has consents to show. Idempotent.
 */
export async function ensureDemoSubject(deps: DemoDeps, operatorId: string): Promise<{ subjectId: string; created: boolean }> {
  try {
    return { subjectId: (await findSubjectByIdentifier(deps, operatorId, { kind: 'phone', value: DEMO_SUBJECT_PHONE })).subjectId, created: false }
  } catch (error) {
    if (!(error instanceof DerbesError && error.code === 'DERBES_SUBJECT_NOT_FOUND')) throw error
  }
  const kinds = (await getPublishedVersion(deps, operatorId)).compiled.document.subjectKinds
  const adult = kinds.find((k) => !/child|minor|incapable|school/.test(k.id)) ?? kinds[0]!
  const { subjectId } = await registerSubject(deps, { operatorId, kind: adult.id, birthDate: '1990-05-15', identifiers: [{ kind: 'phone', value: DEMO_SUBJECT_PHONE }] }, 'derbes demo')
  if (operatorId === 'ttc') {
    await giveConsent(deps, { operatorId, subjectId, formId: 'app-2', language: 'kk', evidence: { method: 'paper_signature', scanSha256: '0'.repeat(64) }, recordedBy: 'derbes demo' })
  }
  return { subjectId, created: true }
}

/**
 * Demo only (`npm start`): no SMS provider is configured there, so the
 * messages waiting in the outbox — portal sign-in codes among them — are
 * written to the server's log and marked sent, the way a provider adapter
 * would take them. Never run this where real subjects sign in.
 */
export async function logDemoSms(deps: DemoDeps, operatorIds: readonly string[], log: (line: string) => void): Promise<void> {
  for (const operatorId of operatorIds) {
    for (const sms of await pendingSmsMessages(deps, operatorId)) {
      log(`[demo SMS to ${sms.phone}, ${operatorId}] ${sms.text}`)
      await markSmsSent(deps.db, operatorId, sms.messageId, deps.clock(), 'demo-log')
    }
  }
}
