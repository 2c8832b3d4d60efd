import type { Permission } from './permissions.ts'

/**
 * Who is calling, once authenticated: an operator's API key or a signed-in
 * staff member. Every principal belongs to exactly one operator; a route of
 * another operator answers 403 (tenant isolation).
 */
export interface Principal {
  kind: 'api_key' | 'staff'
  /** The key id or the staff user id. */
  id: string
  operatorId: string
  permissions: ReadonlySet<Permission>
  /** The staff role of the operator's policy (`access.roles`), which limits the categories read; an API key may carry one too. */
  roleId?: string
  /** How the audit log names this principal: `api_key:<id>` or `staff:<id>`. */
  actor: string
  /** The staff session the token opened; absent for API keys. */
  sessionId?: string
  /** When these credentials stop being valid (key expiry, session idle or absolute end); a cached principal is never trusted past it. */
  expiresAt?: Date
  /** A staff session that has passed the password but not yet the TOTP code: it has no permissions. */
  secondFactorPending?: boolean
}
