import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/index.ts'
import type { AppDeps } from '../../http/app-deps.ts'
import { checkEvidenceShape } from './check-evidence-shape.ts'
import { consumeSmsChallenge } from './consume-sms-challenge.ts'
import { edsTrustFromEnvironment, type EdsTrustStore } from '../../eds/eds-trust-store.ts'
import type { EvidenceInput, VerifiedEvidence } from './evidence-input.ts'
import { verifyEds } from './verify-eds.ts'
import { verifyRecordedEvidence } from './verify-recorded-evidence.ts'

export interface EvidenceDeps extends Pick<AppDeps, 'clock' | 'keys'> {
  /** The CAs an EDS must chain to; the directory DERBES_EDS_TRUST_DIR by default. */
  edsTrust?: EdsTrustStore
}

/**
 * Checks the proof of a consent (art. 8(1); TTC-1.6, App.2 §2; ESP-4;
 * KZK-2.3.4) for the consent text with hash `context.textHash` and returns
 * what the record keeps: `summary` without personal data, `sealed` with it
 * (the ledger encrypts that under the subject's data key).
 *
 * Call it INSIDE the transaction that records the consent: an SMS code is
 * used up in that transaction, so it is spent exactly when the consent is
 * recorded. Invalid evidence throws a DerbesError with a code per problem
 * and pointers under `/body/evidence`, and uses up nothing. One write
 * outlives the rollback: a wrong SMS code counts as an attempt (the app's
 * error hook commits it; outside HTTP call `recordFailedSmsAttempt`).
 *
 * @example
 * await db.transaction().execute(async (trx) => {
 *   const evidence = await verifyEvidence(trx, deps, { operatorId: 'esp', subjectId, textHash }, { method: 'sms_code', challengeId, code: '042917' })
 *   // … insert the consent event with evidence.summary, seal evidence.sealed
 * })
 */
export async function verifyEvidence(
  db: Kysely<Database> | Transaction<Database>,
  deps: EvidenceDeps,
  context: { operatorId: string; subjectId: string; textHash: string },
  input: EvidenceInput,
): Promise<VerifiedEvidence> {
  checkEvidenceShape(input)
  const now = deps.clock()
  switch (input.method) {
    case 'sms_code':
      return consumeSmsChallenge(db, deps, context, input)
    case 'eds':
      return verifyEds(db, deps.keys, deps.edsTrust ?? (await edsTrustFromEnvironment()), { ...context, now }, input.cms)
    default:
      return verifyRecordedEvidence(now, context.textHash, input)
  }
}
