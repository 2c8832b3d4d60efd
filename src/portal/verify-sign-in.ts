import { appendAudit } from '../audit/index.ts'
import { DerbesError } from '../errors/index.ts'
import type { PortalDeps } from './portal-deps.ts'
import { SIGN_IN_MAX_ATTEMPTS, sameHmac, signInCodeHmac } from './sign-in-code.ts'
import { openSubjectSession, type OpenedSubjectSession } from './subject-sessions.ts'

export interface SignInVerification {
  operatorId: string
  challengeId: string
  code: string
}

const codeProblem = (detail: string) => [{ pointer: '/body/code', detail }]
const challengeProblem = (detail: string) => [{ pointer: '/body/challengeId', detail }]

type Outcome = { ok: true; session: OpenedSubjectSession } | { ok: false; attemptsLeft: number }

/**
 * Checks a sign-in code and, when right, uses it up and opens a portal
 * session (`dss.` token; only its SHA-256 is stored), audited as
 * `subject_signed_in` in the same transaction. Refused: an unknown challenge,
 * one used already, one past its 10 minutes, one entered wrongly 5 times —
 * and a wrong code, which is counted (committed) before the refusal, so 10^6
 * codes cannot be tried one request at a time. A challenge for an identifier
 * nobody holds behaves exactly like a real one whose code is never guessed.
 *
 * @example
 * const { token } = await verifySignIn(deps, { operatorId: 'esp', challengeId, code: '042917' })
 */
export async function verifySignIn(deps: PortalDeps, input: SignInVerification): Promise<OpenedSubjectSession> {
  const { operatorId, challengeId } = input
  const expected = await signInCodeHmac(deps.keys, operatorId, challengeId, input.code)
  const outcome = await deps.db.transaction().execute(async (trx): Promise<Outcome> => {
    const challenge = await trx
      .selectFrom('portal_sign_in_codes')
      .selectAll()
      .where('operator_id', '=', operatorId)
      .where('challenge_id', '=', challengeId)
      .forUpdate()
      .executeTakeFirst()
    if (!challenge) throw new DerbesError('DERBES_PORTAL_CODE_UNKNOWN', `no sign-in code '${challengeId}' was sent for operator '${operatorId}'`, challengeProblem('unknown'))
    if (challenge.consumed_at) throw new DerbesError('DERBES_PORTAL_CODE_USED', 'the sign-in code was used already; ask for a new one', challengeProblem('used already'))
    if (challenge.attempts >= SIGN_IN_MAX_ATTEMPTS) {
      throw new DerbesError('DERBES_PORTAL_CODE_ATTEMPTS_EXHAUSTED', `the sign-in code was entered wrongly ${challenge.attempts} times; ask for a new one`, challengeProblem('no attempts left'))
    }
    const now = deps.clock()
    const expiresAt = new Date(challenge.expires_at)
    if (expiresAt <= now) throw new DerbesError('DERBES_PORTAL_CODE_EXPIRED', `the sign-in code expired at ${expiresAt.toISOString()}; ask for a new one`, challengeProblem('expired'))
    const attempts = challenge.attempts + 1
    const right = challenge.subject_id !== null && sameHmac(expected, challenge.code_hmac)
    await trx
      .updateTable('portal_sign_in_codes')
      .set({ attempts, ...(right ? { consumed_at: now } : {}) })
      .where('operator_id', '=', operatorId)
      .where('challenge_id', '=', challengeId)
      .execute()
    // A wrong code returns instead of throwing, so the counted attempt commits.
    if (!right || challenge.subject_id === null) return { ok: false, attemptsLeft: SIGN_IN_MAX_ATTEMPTS - attempts }
    const session = await openSubjectSession(
      trx,
      { operatorId, subjectId: challenge.subject_id, challengeId, identifierKind: challenge.identifier_kind, language: challenge.language },
      now,
    )
    await appendAudit(trx, {
      operatorId,
      at: now,
      actor: `subject:${challenge.subject_id}`,
      action: 'subject_signed_in',
      subjectId: challenge.subject_id,
      details: { via: 'portal', identifierKind: challenge.identifier_kind, challengeId, sessionId: session.sessionId, expiresAt: session.expiresAt.toISOString() },
    })
    return { ok: true, session }
  })
  if (!outcome.ok) {
    throw new DerbesError('DERBES_PORTAL_CODE_WRONG', `the sign-in code is wrong; ${outcome.attemptsLeft} attempt(s) left`, codeProblem(`does not match the code sent; ${outcome.attemptsLeft} attempt(s) left`))
  }
  return outcome.session
}
