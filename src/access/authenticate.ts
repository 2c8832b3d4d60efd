import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Kysely } from 'kysely'
import type { Database } from '../db/index.ts'
import { DerbesError } from '../errors/index.ts'
import { verifyApiKey } from './api-keys.ts'
import type { Permission } from './permissions.ts'
import type { Principal } from './principal.ts'

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by `registerAuthentication` when the request carries valid credentials. */
    principal: Principal | null
  }
}

/** Resolves a bearer token to a principal. The access module adds staff sessions beside API keys. */
export type CredentialResolver = (token: string, now: Date) => Promise<Principal | undefined>

export interface AuthenticationOptions {
  db: Kysely<Database>
  clock: () => Date
  /** Tried in order after API keys; the first principal found wins. */
  resolvers?: readonly CredentialResolver[]
  /** How long a verified token is trusted without asking the database again; a revocation takes effect within it. */
  cacheMs?: number
}

const CACHE_LIMIT = 10_000

/**
 * Reads `Authorization: Bearer <token>` on every request and sets
 * `request.principal`. It never rejects by itself: routes that touch
 * personal data call `authorize`, public routes (notices, the banner) don't.
 * Verified tokens are cached briefly so a hot route such as decisions does
 * not pay a database round trip per call.
 */
export function registerAuthentication(app: FastifyInstance, options: AuthenticationOptions): void {
  const cacheMs = options.cacheMs ?? 5_000
  const cache = new Map<string, { principal: Principal | undefined; until: number }>()
  const resolvers: CredentialResolver[] = [(token, now) => verifyApiKey(options.db, token, now), ...(options.resolvers ?? [])]
  app.decorateRequest('principal', null)
  app.addHook('onRequest', async (request) => {
    const header = request.headers.authorization
    if (!header?.startsWith('Bearer ')) return
    const token = header.slice(7).trim()
    const now = options.clock()
    const cached = cache.get(token)
    if (cached && cached.until > Date.now()) {
      request.principal = cached.principal ?? null
      return
    }
    let principal: Principal | undefined
    for (const resolve of resolvers) {
      principal = await resolve(token, now)
      if (principal) break
    }
    if (cache.size >= CACHE_LIMIT) cache.clear()
    cache.set(token, { principal, until: Date.now() + cacheMs })
    request.principal = principal ?? null
  })
}

/**
 * The principal of a request that may act for `operatorId` with `permission`.
 * 401 without valid credentials; 403 for another operator's credentials
 * (tenant isolation) or a missing permission.
 *
 * @example
 * const principal = authorize(request, request.params.operatorId, 'decisions')
 */
export function authorize(request: FastifyRequest, operatorId: string, permission: Permission): Principal {
  const principal = request.principal
  if (!principal) throw new DerbesError('DERBES_UNAUTHENTICATED', 'send an API key or a staff session as `Authorization: Bearer <token>`')
  if (principal.operatorId !== operatorId) {
    throw new DerbesError('DERBES_FORBIDDEN', `these credentials belong to operator '${principal.operatorId}', not '${operatorId}'`)
  }
  if (!principal.permissions.has(permission)) throw new DerbesError('DERBES_FORBIDDEN', `the permission '${permission}' is needed`)
  return principal
}
