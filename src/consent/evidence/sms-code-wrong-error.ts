import type { FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import type { Database } from '../../db/index.ts'
import { DerbesError } from '../../errors/index.ts'

/**
 * A wrong SMS code. It carries which challenge it was, because counting the
 * attempt is the one write that must survive the caller's rollback: a consent
 * request that fails rolls back its whole transaction, the attempt count
 * with it, and 10^6 codes could then be tried one failed request at a time.
 * `counted` is true when the attempt was already committed (the caller passed
 * no transaction); otherwise `recordFailedSmsAttempt` must run after the
 * rollback — the app's error hook does it for every route.
 */
export class SmsCodeWrongError extends DerbesError {
  readonly operatorId: string
  readonly challengeId: string
  /** Set once the failed attempt is committed, so it is counted once. */
  counted = false

  constructor(operatorId: string, challengeId: string, attemptsLeft: number) {
    super('DERBES_CONSENT_SMS_CODE_WRONG', `the SMS code is wrong; ${attemptsLeft} attempt(s) left`, [
      { pointer: '/body/evidence/code', detail: `does not match the code sent; ${attemptsLeft} attempt(s) left` },
    ])
    this.operatorId = operatorId
    this.challengeId = challengeId
  }
}

/**
 * Counts a failed attempt of an SMS code outside the (rolled back)
 * transaction that found it wrong. Call it with the root `db` after catching
 * an error from a transaction that called `verifyEvidence`; it does nothing
 * for any other error, or when the attempt was counted already.
 *
 * @example
 * try { await db.transaction().execute((trx) => recordConsent(trx, …)) }
 * catch (error) { await recordFailedSmsAttempt(db, error); throw error }
 */
export async function recordFailedSmsAttempt(db: Kysely<Database>, error: unknown): Promise<void> {
  if (!(error instanceof SmsCodeWrongError) || error.counted) return
  await db
    .updateTable('sms_challenges')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('operator_id', '=', error.operatorId)
    .where('challenge_id', '=', error.challengeId)
    .where('consumed_at', 'is', null)
    .execute()
  error.counted = true
}

/**
 * Makes every route of the app count failed SMS-code attempts: the hook runs
 * after a handler failed, so after its transaction rolled back. Whichever
 * module records consents (the ledger) gets this without doing anything.
 */
export function countFailedSmsAttempts(app: FastifyInstance, db: Kysely<Database>): void {
  app.addHook('onError', async (_request, _reply, error) => {
    await recordFailedSmsAttempt(db, error)
  })
}
