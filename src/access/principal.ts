import type { Permission } from './permissions.ts'

/**
 * Who is calling, once authenticated: an operator's API key, a signed-in
 * staff member, or an installation administrator key. Every operator
 * principal belongs to exactly one operator; a route of another operator
 * answers 403 (tenant isolation). An installation administrator belongs to
 * none (`operatorId` is `INSTALLATION`) and passes only installation-wide
 * routes: it reads no operator's data.
 */
export interface Principal {
  kind: 'api_key' | 'staff' | 'installation_admin'
  /** The key id or the staff user id. */
  id: string
  operatorId: string
  permissions: ReadonlySet<Permission>
  /** The staff role of the operator's policy (`access.roles`), which limits the categories read; an API key may carry one too. */
  roleId?: string
  /** How the audit log names this principal: `api_key:<id>`, `staff:<id>` or `installation_admin:<id>`. */
  actor: string
  /** The staff session the token opened; absent for API keys. */
  sessionId?: string
  /** When these credentials stop being valid (key expiry, session idle or absolute end); a cached principal is never trusted past it. */
  expiresAt?: Date
  /** A staff session that has passed the password but not yet the TOTP code: it has no permissions. */
  secondFactorPending?: boolean
}

/**
 * The `operatorId` of an installation administrator: no operator id can be
 * `*`, and unlike '' it never reads as "outside any operator scope" (the
 * row-level security policy's all-rows value).
 */
export const INSTALLATION = '*'
