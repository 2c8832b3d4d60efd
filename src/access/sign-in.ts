import type { Kysely } from 'kysely'
import type { Database } from '../db/index.ts'
import { DerbesError } from '../errors/index.ts'
import type { KeyProvider } from '../subjects/crypto/index.ts'
import { normaliseLogin } from './create-staff.ts'
import { verifyPassword } from './passwords.ts'
import { acceptTotpCode } from './staff-totp.ts'
import { openSession, type OpenedSession } from './staff-sessions.ts'

/** Failures in a row (password or code) that lock an account … */
export const MAX_FAILED_SIGN_INS = 5
/** … for this long. Locked, even the right password is refused. */
export const LOCKOUT_MS = 15 * 60_000

export interface SignInDeps {
  db: Kysely<Database>
  clock: () => Date
  keys: Pick<KeyProvider, 'wrap' | 'unwrap'>
}

export interface SignInRequest {
  login: string
  password: string
  /** The TOTP code, for a one-step sign-in; without it an enrolled member of staff gets a session awaiting the code. */
  code?: string
}

/** Every refusal looks the same, so a caller learns nothing about which logins exist or are locked. */
const refused = () => new DerbesError('DERBES_SIGN_IN_FAILED', 'the login, password or code was not accepted, or the account is locked or disabled')

/**
 * Signs a member of staff in with login and password (argon2id). With a
 * confirmed TOTP second factor the session is `second_factor_pending` — no
 * permissions — until `completeSecondFactor`, unless `code` came along.
 * An unknown login costs the same argon2 work as a wrong password.
 *
 * @example
 * const session = await signIn(deps, 'ttc', { login: 'admin', password })
 * // session.state === 'active' → send `Authorization: Bearer ${session.token}`
 */
export async function signIn(deps: SignInDeps, operatorId: string, request: SignInRequest): Promise<OpenedSession> {
  const staff = await deps.db
    .selectFrom('staff_users')
    .select(['staff_id', 'password_hash', 'active', 'locked_until', 'totp_confirmed_at'])
    .where('operator_id', '=', operatorId)
    .where('login', '=', normaliseLogin(request.login))
    .executeTakeFirst()
  const passwordOk = await verifyPassword(staff?.password_hash, request.password)
  const now = deps.clock()
  if (!staff || !staff.active || isLocked(staff.locked_until, now)) throw refused()
  if (!passwordOk) {
    await recordFailure(deps.db, operatorId, staff.staff_id, now)
    throw refused()
  }
  if (staff.totp_confirmed_at && request.code === undefined) {
    return openSession(deps.db, operatorId, staff.staff_id, 'second_factor_pending', now)
  }
  if (staff.totp_confirmed_at && !(await acceptTotpCode(deps, operatorId, staff.staff_id, request.code!, now))) {
    await recordFailure(deps.db, operatorId, staff.staff_id, now)
    throw refused()
  }
  await clearFailures(deps.db, operatorId, staff.staff_id)
  return openSession(deps.db, operatorId, staff.staff_id, 'active', now)
}

export function isLocked(lockedUntil: Date | string | null, now: Date): boolean {
  return lockedUntil !== null && new Date(lockedUntil) > now
}

/**
 * Counts a failed password or code; the fifth in a row locks the account for
 * 15 minutes and starts the count again. One statement, so parallel guesses
 * cannot slip past the limit.
 */
export async function recordFailure(db: Kysely<Database>, operatorId: string, staffId: string, now: Date): Promise<void> {
  const lockUntil = new Date(now.getTime() + LOCKOUT_MS)
  await db
    .updateTable('staff_users')
    .set((eb) => ({
      failed_logins: eb.case().when('failed_logins', '>=', MAX_FAILED_SIGN_INS - 1).then(0).else(eb('failed_logins', '+', 1)).end(),
      locked_until: eb.case().when('failed_logins', '>=', MAX_FAILED_SIGN_INS - 1).then(lockUntil).else(eb.ref('locked_until')).end(),
    }))
    .where('operator_id', '=', operatorId)
    .where('staff_id', '=', staffId)
    .execute()
}

export async function clearFailures(db: Kysely<Database>, operatorId: string, staffId: string): Promise<void> {
  await db.updateTable('staff_users').set({ failed_logins: 0 }).where('operator_id', '=', operatorId).where('staff_id', '=', staffId).where('failed_logins', '>', 0).execute()
}
