import type { Config } from '../config/index.ts'
import { DerbesError } from '../errors/index.ts'
import type { PortalDeps } from './portal-deps.ts'
import type { SubjectSession } from './subject-sessions.ts'

const HOUR_MS = 3_600_000

/**
 * A sliding-window counter in this process's memory: at most `limit` takes
 * per key within `windowMs`. Keys are kept only while they have takes in the
 * window, and never more than `maxKeys` of them (the longest idle go first),
 * so a flood of addresses cannot grow it without bound. Nothing is written
 * anywhere: an IP address is not stored or logged.
 *
 * @example
 * const perIp = new SlidingWindowCounter({ limit: 100, windowMs: 3_600_000 })
 * perIp.take('203.0.113.7', new Date()) // { ok: true } … { ok: false, retryAfterSeconds: 1740 }
 */
export class SlidingWindowCounter {
  readonly limit: number
  readonly windowMs: number
  readonly #maxKeys: number
  readonly #takes = new Map<string, number[]>()

  constructor(options: { limit: number; windowMs: number; maxKeys?: number }) {
    this.limit = options.limit
    this.windowMs = options.windowMs
    this.#maxKeys = options.maxKeys ?? 100_000
  }

  /** Counts one take for `key` at `now`, or refuses it with the seconds until the oldest counted take leaves the window. */
  take(key: string, now: Date): { ok: true } | { ok: false; retryAfterSeconds: number } {
    const at = now.getTime()
    const since = at - this.windowMs
    const kept = (this.#takes.get(key) ?? []).filter((t) => t > since)
    if (kept.length >= this.limit) {
      this.#takes.set(key, kept)
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((kept[0]! + this.windowMs - at) / 1000)) }
    }
    kept.push(at)
    // Re-inserted last: the Map's order is from the longest idle key to the latest.
    this.#takes.delete(key)
    this.#takes.set(key, kept)
    if (this.#takes.size > this.#maxKeys) this.#evict(since)
    return { ok: true }
  }

  #evict(since: number): void {
    for (const [key, takes] of this.#takes) if (takes.at(-1)! <= since) this.#takes.delete(key)
    for (const key of this.#takes.keys()) {
      if (this.#takes.size <= this.#maxKeys) break
      this.#takes.delete(key)
    }
  }
}

/** The portal's limits beyond the 5 codes per identifier (`SIGN_IN_MAX_PER_HOUR`), from the installation's configuration. */
export interface PortalRateLimits {
  /** Sign-in codes asked from one IP address per hour, whatever identifiers were typed. */
  signInPerIp: SlidingWindowCounter
  /** Requests submitted from one IP address per hour, whatever sessions were used. */
  requestsPerIp: SlidingWindowCounter
  /** Requests one signed-in subject submits per hour (for itself and those it represents). */
  requestsPerSubjectPerHour: number
}

type LimitConfig = Partial<Pick<Config, 'portalSignInCodesPerIpPerHour' | 'portalRequestsPerIpPerHour' | 'portalRequestsPerSubjectPerHour'>>

/**
 * The limits of `config`, defaults filled in. The per-IP defaults are high
 * because many subjects share one address behind a mobile carrier's NAT.
 *
 * @example
 * const limits = portalRateLimits({ portalSignInCodesPerIpPerHour: 30 })
 */
export function portalRateLimits(config: LimitConfig = {}): PortalRateLimits {
  return {
    signInPerIp: new SlidingWindowCounter({ limit: config.portalSignInCodesPerIpPerHour ?? 100, windowMs: HOUR_MS }),
    requestsPerIp: new SlidingWindowCounter({ limit: config.portalRequestsPerIpPerHour ?? 60, windowMs: HOUR_MS }),
    requestsPerSubjectPerHour: config.portalRequestsPerSubjectPerHour ?? 20,
  }
}

/** Refuses a call from `ip` over `counter`'s limit with `DERBES_PORTAL_TOO_MANY_FROM_ADDRESS` and `Retry-After`. */
export function takeFromAddress(counter: SlidingWindowCounter, ip: string, now: Date, what: 'sign-in codes' | 'requests'): void {
  const taken = counter.take(ip, now)
  if (!taken.ok) {
    throw new DerbesError('DERBES_PORTAL_TOO_MANY_FROM_ADDRESS', `more than ${counter.limit} ${what} came from this address in the last hour; try again in ${taken.retryAfterSeconds} s`, [], {
      retryAfterSeconds: taken.retryAfterSeconds,
    })
  }
}

/**
 * Refuses a portal submission when the signed-in subject already submitted
 * `limit` requests in the last hour: counted from the requests table, so
 * every process sees the same count. `Retry-After` is when the oldest of them
 * leaves the hour.
 */
export async function checkSubjectSubmissions(deps: Pick<PortalDeps, 'db' | 'clock'>, session: SubjectSession, limit: number): Promise<void> {
  const now = deps.clock()
  const recent = await deps.db
    .selectFrom('requests')
    .select('received_at')
    .where('operator_id', '=', session.operatorId)
    .where('channel', '=', 'portal')
    .where('created_by', '=', session.actor)
    .where('received_at', '>', new Date(now.getTime() - HOUR_MS))
    .orderBy('received_at', 'desc')
    .limit(limit)
    .execute()
  if (recent.length < limit) return
  const oldest = new Date(recent.at(-1)!.received_at).getTime()
  const retryAfterSeconds = Math.max(1, Math.ceil((oldest + HOUR_MS - now.getTime()) / 1000))
  throw new DerbesError('DERBES_PORTAL_TOO_MANY_REQUESTS', `${limit} requests were submitted from this account in the last hour; try again in ${retryAfterSeconds} s`, [], { retryAfterSeconds })
}
