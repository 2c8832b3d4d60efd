import { DerbesError } from '../errors/index.ts'
import type { Principal } from './principal.ts'
import { isLocked, recordFailure, clearFailures, type SignInDeps } from './sign-in.ts'
import { acceptTotpCode } from './staff-totp.ts'
import { activateSession, endSession } from './staff-sessions.ts'

/** Wrong codes one pending session may send before it is ended (each also counts toward the lockout). */
export const MAX_CODES_PER_SESSION = 5

/**
 * The second step of sign-in: the TOTP code for a session that passed the
 * password. The same token then carries the role's permissions. A wrong or
 * replayed code counts as a failed sign-in (lockout) and toward the
 * session's own limit.
 *
 * @example
 * await completeSecondFactor(deps, request.principal, '492039') // → the session's new expiry
 */
export async function completeSecondFactor(deps: SignInDeps, principal: Principal, code: string): Promise<{ expiresAt: Date }> {
  const { operatorId, id: staffId, sessionId } = principal
  if (principal.kind !== 'staff' || !sessionId || !principal.secondFactorPending) {
    throw new DerbesError('DERBES_FORBIDDEN', 'only a staff session awaiting its second factor sends a code here')
  }
  const now = deps.clock()
  const staff = await deps.db.selectFrom('staff_users').select(['locked_until']).where('operator_id', '=', operatorId).where('staff_id', '=', staffId).executeTakeFirst()
  const locked = !staff || isLocked(staff.locked_until, now)
  if (locked || !(await acceptTotpCode(deps, operatorId, staffId, code, now))) {
    if (!locked) await recordFailure(deps.db, operatorId, staffId, now)
    const session = await deps.db
      .updateTable('staff_sessions')
      .set((eb) => ({ second_factor_failures: eb('second_factor_failures', '+', 1) }))
      .where('operator_id', '=', operatorId)
      .where('session_id', '=', sessionId)
      .returning('second_factor_failures')
      .executeTakeFirst()
    if (locked || !session || session.second_factor_failures >= MAX_CODES_PER_SESSION) await endSession(deps.db, operatorId, staffId, sessionId, now)
    throw new DerbesError('DERBES_SIGN_IN_FAILED', 'the code was not accepted, or the account is locked')
  }
  const expiresAt = await activateSession(deps.db, operatorId, staffId, sessionId, now)
  if (!expiresAt) throw new DerbesError('DERBES_SIGN_IN_FAILED', 'the session has ended; sign in again')
  await clearFailures(deps.db, operatorId, staffId)
  return { expiresAt }
}
