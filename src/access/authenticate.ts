import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Kysely } from 'kysely'
import type { Database } from '../db/index.ts'
import { DerbesError } from '../errors/index.ts'
import { verifyAdminKey } from './admin-keys.ts'
import { verifyApiKey } from './api-keys.ts'
import { CredentialCache } from './credential-cache.ts'
import type { Permission } from './permissions.ts'
import type { Principal } from './principal.ts'
import { verifySessionToken } from './staff-sessions.ts'

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by `registerAuthentication` when the request carries valid credentials. */
    principal: Principal | null
  }
}

/** Resolves a bearer token to a principal. API keys (`dk.`), staff sessions (`ds.`) and installation administrator keys (`da.`) are built in. */
export type CredentialResolver = (token: string, now: Date) => Promise<Principal | undefined>

export interface AuthenticationOptions {
  db: Kysely<Database>
  clock: () => Date
  /** Tried in order after API keys and staff sessions; the first principal found wins. */
  resolvers?: readonly CredentialResolver[]
  /**
   * How long a verified token is trusted without asking the database again.
   * A revocation, sign-out or disabling in this process applies at once; one
   * made by another process (the CLI, another API node) within this time.
   */
  cacheMs?: number
}

/**
 * Reads `Authorization: Bearer <token>` on every request and sets
 * `request.principal`. It never rejects by itself: routes that touch
 * personal data call `authorize`, public routes (notices, the banner) don't.
 * Verified tokens are cached briefly so a hot route such as decisions does
 * not pay a database round trip per call.
 */
export function registerAuthentication(app: FastifyInstance, options: AuthenticationOptions): void {
  const cache = new CredentialCache(options.cacheMs ?? 5_000)
  const resolvers: CredentialResolver[] = [
    (token, now) => verifyApiKey(options.db, token, now),
    (token, now) => verifySessionToken(options.db, token, now),
    (token, now) => verifyAdminKey(options.db, token, now),
    ...(options.resolvers ?? []),
  ]
  app.decorateRequest('principal', null)
  app.addHook('onClose', async () => cache.close())
  app.addHook('onRequest', async (request) => {
    const header = request.headers.authorization
    if (!header?.startsWith('Bearer ')) return
    const token = header.slice(7).trim()
    const now = options.clock()
    const cached = cache.get(token, now)
    if (cached) {
      request.principal = cached.principal ?? null
      return
    }
    let principal: Principal | undefined
    for (const resolve of resolvers) {
      principal = await resolve(token, now)
      if (principal) break
    }
    cache.set(token, principal, now)
    request.principal = principal ?? null
  })
}

/**
 * The principal of a request that may act for `operatorId` with `permission`.
 * 401 without valid credentials or with a staff session still awaiting its
 * second factor; 403 for another operator's credentials (tenant isolation)
 * or a missing permission.
 *
 * @example
 * const principal = authorize(request, request.params.operatorId, 'decisions')
 */
export function authorize(request: FastifyRequest, operatorId: string, permission: Permission): Principal {
  const principal = authenticated(request, operatorId)
  if (!principal.permissions.has(permission)) throw new DerbesError('DERBES_FORBIDDEN', `the permission '${permission}' is needed`)
  return principal
}

/**
 * The signed-in member of staff of `operatorId`, for what every member may do
 * for themselves (see their profile, set up TOTP, sign out) whatever their
 * role. With `allowPending`, a session awaiting its second factor passes too.
 *
 * @example
 * const me = authorizeStaff(request, request.params.operatorId)
 */
export function authorizeStaff(request: FastifyRequest, operatorId: string, options: { allowPending?: boolean } = {}): Principal {
  const principal = authenticated(request, operatorId, options.allowPending)
  if (principal.kind !== 'staff' || !principal.sessionId) throw new DerbesError('DERBES_FORBIDDEN', 'this needs a staff session, not an API key')
  return principal
}

/**
 * The installation administrator of a request to an installation-wide route
 * (registering an operator): 401 without valid credentials, 403 for an
 * operator's API key or staff session, whatever its permissions — an
 * operator's credentials never act beyond that operator.
 *
 * @example
 * const admin = authorizeInstallationAdmin(request) // admin.actor === 'installation_admin:<key id>'
 */
export function authorizeInstallationAdmin(request: FastifyRequest): Principal {
  const principal = request.principal
  if (!principal) throw new DerbesError('DERBES_UNAUTHENTICATED', 'send an installation administrator key (`derbes admin key create`) as `Authorization: Bearer da.…`')
  if (principal.kind !== 'installation_admin') {
    throw new DerbesError('DERBES_FORBIDDEN', `this route is installation-wide: it needs an installation administrator key, not the credentials of operator '${principal.operatorId}'`)
  }
  return principal
}

function authenticated(request: FastifyRequest, operatorId: string, allowPending = false): Principal {
  const principal = request.principal
  if (!principal) throw new DerbesError('DERBES_UNAUTHENTICATED', 'send an API key or a staff session as `Authorization: Bearer <token>`')
  // An installation administrator registers operators; it is no operator's staff and reads no operator's data.
  if (principal.kind === 'installation_admin') throw new DerbesError('DERBES_FORBIDDEN', "an installation administrator key acts on installation-wide routes only, not on an operator's")
  if (principal.operatorId !== operatorId) {
    throw new DerbesError('DERBES_FORBIDDEN', `these credentials belong to operator '${principal.operatorId}', not '${operatorId}'`)
  }
  if (principal.secondFactorPending && !allowPending) {
    throw new DerbesError('DERBES_SECOND_FACTOR_REQUIRED', 'send the TOTP code to POST …/sessions/current/second-factor first')
  }
  return principal
}
