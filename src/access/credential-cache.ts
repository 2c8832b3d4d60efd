import type { Principal } from './principal.ts'

interface Entry {
  principal: Principal | undefined
  /** Wall-clock end of trust (Date.now()), so the cache stays short even under a fixed test clock … */
  until: number
  /** … and the app clock's, so a clock moved forward (tests, a paused VM) re-checks too and idle timers stay true. */
  clockUntil: number
}

/** Which principals to forget: all of an operator's matches of kind and id, or one session. */
export interface CredentialMatch {
  operatorId: string
  kind: Principal['kind']
  /** The key id or the staff id. */
  id: string
  /** Only this session of the staff member; all of them when absent. */
  sessionId?: string
}

const LIMIT = 10_000
/** Every live cache of this process, so a revocation anywhere in it reaches each app. */
const LIVE = new Set<CredentialCache>()

/**
 * A short-lived map from bearer token to the principal it stood for, so a hot
 * route (decisions) does not pay a database round trip per call. A
 * revocation, sign-out or disabling in this process drops matching entries at
 * once (`forgetCredentials`); another process's change takes effect within
 * `ttlMs`.
 */
export class CredentialCache {
  readonly #entries = new Map<string, Entry>()
  readonly #ttlMs: number

  constructor(ttlMs: number) {
    this.#ttlMs = ttlMs
    LIVE.add(this)
  }

  /** The cached principal (or a cached "no principal"), or `null` when the token must be checked again. */
  get(token: string, now: Date): { principal: Principal | undefined } | null {
    const entry = this.#entries.get(token)
    if (!entry || entry.until <= Date.now() || entry.clockUntil <= now.getTime()) return null
    if (entry.principal?.expiresAt && entry.principal.expiresAt <= now) return null
    return { principal: entry.principal }
  }

  set(token: string, principal: Principal | undefined, now: Date): void {
    if (this.#entries.size >= LIMIT) this.#entries.clear()
    this.#entries.set(token, { principal, until: Date.now() + this.#ttlMs, clockUntil: now.getTime() + this.#ttlMs })
  }

  forget(match: CredentialMatch): void {
    for (const [token, { principal: p }] of this.#entries) {
      if (p && p.operatorId === match.operatorId && p.kind === match.kind && p.id === match.id && (!match.sessionId || p.sessionId === match.sessionId)) {
        this.#entries.delete(token)
      }
    }
  }

  /** Stops receiving revocations (the app closed). */
  close(): void {
    this.#entries.clear()
    LIVE.delete(this)
  }
}

/**
 * Drops cached principals that match, in every app of this process. Call it
 * after revoking a key, ending a session or disabling a member of staff.
 *
 * @example
 * await revokeApiKey(db, 'ttc', keyId, now) // calls forgetCredentials({ operatorId: 'ttc', kind: 'api_key', id: keyId })
 */
export function forgetCredentials(match: CredentialMatch): void {
  for (const cache of LIVE) cache.forget(match)
}
