import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/index.ts'
import { DerbesError } from '../../errors/index.ts'
import type { AppDeps } from '../../http/app-deps.ts'
import { SMS_MAX_ATTEMPTS } from './create-sms-challenge.ts'
import type { EvidenceInput, VerifiedEvidence } from './evidence-input.ts'
import { sameHmac, smsCodeHmac, unsealSmsData } from './evidence-keys.ts'
import { recordFailedSmsAttempt, SmsCodeWrongError } from './sms-code-wrong-error.ts'

type SmsEvidence = Extract<EvidenceInput, { method: 'sms_code' }>
type Context = { operatorId: string; subjectId: string; textHash: string }
type Deps = Pick<AppDeps, 'clock' | 'keys'>

const challengeProblem = (detail: string) => [{ pointer: '/body/evidence/challengeId', detail }]

/**
 * Checks an SMS code and uses it up, in the caller's transaction: the
 * challenge is row-locked, so two consents cannot spend one code, and its
 * consumption commits or rolls back with the consent (ESP-4, KZK-2.3.4).
 * Refused: a challenge of another subject or operator (as unknown), one used
 * already, one wrongly answered 5 times, an expired one, one sent for another
 * form, version or language (its text hash), and a wrong code — which counts
 * as an attempt even when the caller rolls back (see SmsCodeWrongError).
 * Called without a transaction it opens its own and commits a failed attempt itself.
 */
export async function consumeSmsChallenge(db: Kysely<Database> | Transaction<Database>, deps: Deps, context: Context, input: SmsEvidence): Promise<VerifiedEvidence> {
  if (db.isTransaction) return consumeIn(db, deps, context, input)
  try {
    return await db.transaction().execute((trx) => consumeIn(trx, deps, context, input))
  } catch (error) {
    await recordFailedSmsAttempt(db, error)
    throw error
  }
}

async function consumeIn(trx: Kysely<Database>, deps: Deps, context: Context, input: SmsEvidence): Promise<VerifiedEvidence> {
  const { operatorId, subjectId } = context
  const challenge = await trx
    .selectFrom('sms_challenges')
    .selectAll()
    .where('operator_id', '=', operatorId)
    .where('challenge_id', '=', input.challengeId)
    .forUpdate()
    .executeTakeFirst()
  // Another subject's challenge reads as unknown: the id alone must not reveal whose it is.
  if (!challenge || challenge.subject_id !== subjectId) {
    throw new DerbesError('DERBES_CONSENT_SMS_CHALLENGE_UNKNOWN', `no SMS code '${input.challengeId}' was sent to subject '${subjectId}'`, challengeProblem('unknown for this subject'))
  }
  if (challenge.consumed_at) throw new DerbesError('DERBES_CONSENT_SMS_CHALLENGE_USED', 'the SMS code confirmed a consent already', challengeProblem('used already'))
  if (challenge.attempts >= SMS_MAX_ATTEMPTS) {
    throw new DerbesError('DERBES_CONSENT_SMS_ATTEMPTS_EXHAUSTED', `the SMS code was entered wrongly ${challenge.attempts} times; ask for a new one`, challengeProblem('no attempts left'))
  }
  const now = deps.clock()
  const expiresAt = new Date(challenge.expires_at)
  if (expiresAt <= now) throw new DerbesError('DERBES_CONSENT_SMS_CHALLENGE_EXPIRED', `the SMS code expired at ${expiresAt.toISOString()}`, challengeProblem('expired'))
  if (challenge.text_hash !== context.textHash) {
    throw new DerbesError('DERBES_CONSENT_SMS_TEXT_MISMATCH', `the SMS code was sent for form '${challenge.form_id}' version ${challenge.form_version} in '${challenge.language}', another text`, challengeProblem('confirms another consent text'))
  }
  const expected = await smsCodeHmac(deps.keys, operatorId, challenge.challenge_id, input.code)
  if (!sameHmac(expected, challenge.code_hmac)) throw new SmsCodeWrongError(operatorId, challenge.challenge_id, SMS_MAX_ATTEMPTS - challenge.attempts - 1)

  const attempt = challenge.attempts + 1
  await trx
    .updateTable('sms_challenges')
    .set({ consumed_at: now, attempts: attempt })
    .where('operator_id', '=', operatorId)
    .where('challenge_id', '=', challenge.challenge_id)
    .execute()
  const phone = await unsealSmsData<string>(deps.keys, operatorId, `challenge:${challenge.challenge_id}`, challenge.phone_sealed)
  return {
    method: 'sms_code',
    summary: {
      method: 'sms_code',
      textHash: context.textHash,
      challengeId: challenge.challenge_id,
      formId: challenge.form_id,
      formVersion: challenge.form_version,
      language: challenge.language,
      sentAt: new Date(challenge.created_at).toISOString(),
      confirmedAt: now.toISOString(),
      attempt,
      // Derbes checked the code itself, and it went to the subject's registered phone.
      checkedBy: 'derbes',
      phoneMatchedIdentifier: true,
    },
    sealed: { phone },
  }
}
