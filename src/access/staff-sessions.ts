import type { Kysely } from 'kysely'
import type { Database } from '../db/index.ts'
import { getPublishedVersion } from '../operators/index.ts'
import type { StaffSessionState } from './access-tables.ts'
import { formatToken, hashSecret, newTokenParts, parseToken, secretMatches } from './bearer-token.ts'
import { forgetCredentials } from './credential-cache.ts'
import { isPermission, type Permission } from './permissions.ts'
import { permissionsForRole } from './permissions-for-role.ts'
import type { Principal } from './principal.ts'

/** A session unused this long ends (idle timeout). */
export const SESSION_IDLE_MS = 30 * 60_000
/** A session ends this long after sign-in however busy it is (absolute lifetime). */
export const SESSION_LIFETIME_MS = 12 * 60 * 60_000
/** The time a password-only session has to present its TOTP code. */
export const SECOND_FACTOR_WINDOW_MS = 5 * 60_000

export interface OpenedSession {
  sessionId: string
  /** `ds.<operator>.<session id>.<secret>`: returned once, only its SHA-256 is stored. */
  token: string
  state: StaffSessionState
  expiresAt: Date
}

/** Starts a session for a member of staff who passed the password (and the code, if `active`). */
export async function openSession(db: Kysely<Database>, operatorId: string, staffId: string, state: StaffSessionState, now: Date): Promise<OpenedSession> {
  const { id: sessionId, secret } = newTokenParts()
  const expiresAt = new Date(now.getTime() + (state === 'active' ? SESSION_LIFETIME_MS : SECOND_FACTOR_WINDOW_MS))
  await db
    .insertInto('staff_sessions')
    .values({ operator_id: operatorId, session_id: sessionId, staff_id: staffId, secret_hash: hashSecret(secret), state, created_at: now, last_seen_at: now, expires_at: expiresAt, ended_at: null })
    .execute()
  return { sessionId, token: formatToken('ds', { operatorId, id: sessionId, secret }), state, expiresAt }
}

/**
 * The principal of a staff session token, or undefined when it is malformed,
 * unknown, ended, idle too long, past its lifetime, or its staff member is
 * disabled. Permissions come from the role in the operator's published policy
 * now, so a changed policy applies at once. A session still awaiting its
 * second factor gets none. Each check refreshes the idle timer.
 */
export async function verifySessionToken(db: Kysely<Database>, token: string, now: Date): Promise<Principal | undefined> {
  const parts = parseToken('ds', token)
  if (!parts) return undefined
  const row = await db
    .selectFrom('staff_sessions as s')
    .innerJoin('staff_users as u', (join) => join.onRef('u.operator_id', '=', 's.operator_id').onRef('u.staff_id', '=', 's.staff_id'))
    .select(['s.secret_hash', 's.state', 's.last_seen_at', 's.expires_at', 's.ended_at', 'u.staff_id', 'u.role_id', 'u.extra_permissions', 'u.active'])
    .where('s.operator_id', '=', parts.operatorId)
    .where('s.session_id', '=', parts.id)
    .executeTakeFirst()
  if (!row || row.ended_at || !row.active || !secretMatches(row.secret_hash, parts.secret)) return undefined
  const idleEnd = new Date(row.last_seen_at).getTime() + SESSION_IDLE_MS
  if (new Date(row.expires_at) <= now || idleEnd <= now.getTime()) return undefined
  await db.updateTable('staff_sessions').set({ last_seen_at: now }).where('operator_id', '=', parts.operatorId).where('session_id', '=', parts.id).execute()
  const pending = row.state === 'second_factor_pending'
  return {
    kind: 'staff',
    id: row.staff_id,
    operatorId: parts.operatorId,
    permissions: pending ? new Set() : await staffPermissions(db, parts.operatorId, row.role_id, row.extra_permissions),
    roleId: row.role_id,
    actor: `staff:${row.staff_id}`,
    sessionId: parts.id,
    expiresAt: new Date(Math.min(new Date(row.expires_at).getTime(), now.getTime() + SESSION_IDLE_MS)),
    ...(pending ? { secondFactorPending: true } : {}),
  }
}

async function staffPermissions(db: Kysely<Database>, operatorId: string, roleId: string, extra: string[]): Promise<ReadonlySet<Permission>> {
  const extras = extra.filter(isPermission)
  try {
    const { compiled } = await getPublishedVersion({ db, clock: () => new Date() }, operatorId)
    return permissionsForRole(compiled, roleId, extras)
  } catch {
    return new Set(extras) // no published policy: no role, only what was granted on top
  }
}

/** Ends one session (sign-out); this process forgets its token at once. */
export async function endSession(db: Kysely<Database>, operatorId: string, staffId: string, sessionId: string, now: Date): Promise<void> {
  await db
    .updateTable('staff_sessions')
    .set({ ended_at: now })
    .where('operator_id', '=', operatorId)
    .where('session_id', '=', sessionId)
    .where('ended_at', 'is', null)
    .execute()
  forgetCredentials({ operatorId, kind: 'staff', id: staffId, sessionId })
}

/** Ends every session of a member of staff (disabled, password changed, second factor reset). */
export async function endAllSessions(db: Kysely<Database>, operatorId: string, staffId: string, now: Date): Promise<void> {
  await db
    .updateTable('staff_sessions')
    .set({ ended_at: now })
    .where('operator_id', '=', operatorId)
    .where('staff_id', '=', staffId)
    .where('ended_at', 'is', null)
    .execute()
  forgetCredentials({ operatorId, kind: 'staff', id: staffId })
}

/** Turns a session awaiting its second factor into a full one; false when it is no longer pending. */
export async function activateSession(db: Kysely<Database>, operatorId: string, staffId: string, sessionId: string, now: Date): Promise<Date | undefined> {
  const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS)
  const result = await db
    .updateTable('staff_sessions')
    .set({ state: 'active', last_seen_at: now, expires_at: expiresAt })
    .where('operator_id', '=', operatorId)
    .where('session_id', '=', sessionId)
    .where('state', '=', 'second_factor_pending')
    .where('ended_at', 'is', null)
    .executeTakeFirst()
  forgetCredentials({ operatorId, kind: 'staff', id: staffId, sessionId })
  return result.numUpdatedRows === 1n ? expiresAt : undefined
}
