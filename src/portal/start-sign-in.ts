import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import { appendAudit } from '../audit/index.ts'
import { DerbesError } from '../errors/index.ts'
import { getPublishedVersion } from '../operators/index.ts'
import type { Language } from '../policy/index.ts'
import { findSubjectByIdentifier } from '../subjects/index.ts'
import { blindIndexFor, normalizeIdentifier } from '../subjects/crypto/index.ts'
import type { PortalDeps } from './portal-deps.ts'
import type { SignInIdentifierKind } from './portal-tables.ts'
import { sendSignInCode } from './send-sign-in-code.ts'
import { newSignInCode, SIGN_IN_CODE_TTL_MINUTES, SIGN_IN_MAX_ATTEMPTS, SIGN_IN_MAX_PER_HOUR, signInCodeHmac } from './sign-in-code.ts'

export interface SignInStart {
  operatorId: string
  /** The phone or e-mail the subject typed; looked up by blind index only. */
  identifier: { kind: SignInIdentifierKind; value: string }
  /** The language of the message and, later, of the session; Kazakh when absent. */
  language?: Language | undefined
}

/** What the subject's browser gets back: the same whether or not the identifier is registered. */
export interface SignInChallenge {
  challengeId: string
  expiresAt: string
  maxAttempts: number
  codeLength: number
}

/** Statuses that may sign in: a blocked subject keeps its rights (to see its data, to ask for unblocking, art. 24). */
const SIGNING_IN = new Set(['active', 'blocked'])

async function ownerOf(deps: PortalDeps, input: SignInStart): Promise<string | null> {
  try {
    const subject = await findSubjectByIdentifier(deps, input.operatorId, input.identifier)
    return SIGNING_IN.has(subject.status) ? subject.subjectId : null
  } catch (error) {
    if (error instanceof DerbesError && error.code === 'DERBES_SUBJECT_NOT_FOUND') return null
    throw error
  }
}

/**
 * Starts a portal sign-in (issue 4 item 2): when the phone or e-mail is a
 * registered identifier of a subject of the operator (blind-index look-up), a
 * 6-digit code goes to it — by SMS through the SMS outbox, by e-mail through
 * the e-mail outbox — in the subject's language. Only the code's HMAC is
 * kept; it lasts 10 minutes, survives 5 wrong entries and works once. An
 * identifier nobody holds gets a challenge too, whose code nobody receives:
 * the answer, the attempt limit and the rate limit (5 codes per identifier
 * per hour, `DERBES_PORTAL_TOO_MANY_CODES` with `Retry-After`) are the same,
 * so the route tells no one whether a number or address is registered; the
 * route adds a limit per IP address (`portal-rate-limits.ts`). Sending a code uses the
 * subject's phone or e-mail (art. 1): audited as `use` in the same transaction.
 *
 * @example
 * const { challengeId } = await startSignIn(deps, { operatorId: 'esp', identifier: { kind: 'phone', value: '8 701 555 01 01' }, language: 'kk' })
 */
export async function startSignIn(deps: PortalDeps, input: SignInStart): Promise<SignInChallenge> {
  const { operatorId, identifier } = input
  const language = input.language ?? 'kk'
  let normalized: string
  let identifierIndex: string
  try {
    normalized = normalizeIdentifier(identifier.kind, identifier.value)
    identifierIndex = await blindIndexFor(deps.keys, operatorId, identifier.kind, identifier.value)
  } catch (error) {
    if (error instanceof DerbesError && error.code === 'DERBES_IDENTIFIER_INVALID') {
      throw new DerbesError('DERBES_IDENTIFIER_INVALID', error.message, [{ pointer: '/body/identifier/value', detail: `is not a valid ${identifier.kind === 'phone' ? 'Kazakhstan phone number' : 'e-mail address'}` }])
    }
    throw error
  }
  const { compiled: policy } = await getPublishedVersion(deps, operatorId)
  const subjectId = await ownerOf(deps, input)
  const now = deps.clock()
  const expiresAt = new Date(now.getTime() + SIGN_IN_CODE_TTL_MINUTES * 60_000)
  const challengeId = randomUUID()
  const code = newSignInCode()

  await deps.db.transaction().execute(async (trx) => {
    // One count at a time per identifier, so parallel calls cannot slip past the limit.
    await sql`select pg_advisory_xact_lock(hashtext(${`derbes.portal.sign-in.${operatorId}.${identifierIndex}`}))`.execute(trx)
    const recent = await trx
      .selectFrom('portal_sign_in_codes')
      .select((eb) => [eb.fn.countAll<string | number>().as('n'), eb.fn.min('created_at').as('oldest')])
      .where('operator_id', '=', operatorId)
      .where('identifier_index', '=', identifierIndex)
      .where('created_at', '>', new Date(now.getTime() - 3_600_000))
      .executeTakeFirstOrThrow()
    if (Number(recent.n) >= SIGN_IN_MAX_PER_HOUR) {
      // Retry-After: when the oldest code of the hour stops counting.
      const retryAfterSeconds = (new Date(recent.oldest as Date | string).getTime() + 3_600_000 - now.getTime()) / 1000
      throw new DerbesError('DERBES_PORTAL_TOO_MANY_CODES', `${SIGN_IN_MAX_PER_HOUR} sign-in codes were asked for this ${identifier.kind} in the last hour; wait, or use a code already sent`, [], { retryAfterSeconds })
    }
    await trx
      .insertInto('portal_sign_in_codes')
      .values({
        operator_id: operatorId,
        challenge_id: challengeId,
        identifier_kind: identifier.kind,
        identifier_index: identifierIndex,
        subject_id: subjectId,
        language,
        code_hmac: await signInCodeHmac(deps.keys, operatorId, challengeId, code),
        created_at: now,
        expires_at: expiresAt,
        consumed_at: null,
      })
      .execute()
    if (subjectId === null) return
    const operator = policy.document.operator.name[language]
    await sendSignInCode(trx, deps, { operatorId, subjectId, challengeId, kind: identifier.kind, to: normalized, language, operator, code, expiresAt })
    await appendAudit(trx, {
      operatorId,
      at: now,
      // Whoever typed the identifier is not yet known to be the subject: the portal itself acts.
      actor: 'portal:sign-in',
      action: 'use',
      subjectId,
      details: { itemKind: identifier.kind, reason: 'portal_sign_in_code', challengeId },
    })
  })
  return { challengeId, expiresAt: expiresAt.toISOString(), maxAttempts: SIGN_IN_MAX_ATTEMPTS, codeLength: 6 }
}
