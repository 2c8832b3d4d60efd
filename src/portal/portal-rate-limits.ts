import { createHmac } from 'node:crypto'
import { sql } from 'kysely'
import type { Config } from '../config/index.ts'
import { DerbesError } from '../errors/index.ts'
import type { PortalDeps } from './portal-deps.ts'
import type { SubjectSession } from './subject-sessions.ts'

const HOUR_MS = 3_600_000

/** Seconds until a call counted at `oldest` leaves the hour (at least 1): the `Retry-After` of a full hour. */
const secondsUntilOutOfHour = (oldest: Date | string, now: Date) => Math.max(1, Math.ceil((new Date(oldest).getTime() + HOUR_MS - now.getTime()) / 1000))

/** The portal's limits beyond the 5 codes per identifier (`SIGN_IN_MAX_PER_HOUR`), from the installation's configuration. */
export interface PortalRateLimits {
  /** Sign-in codes asked from one IP address per hour, whatever identifiers were typed. */
  signInCodesPerIpPerHour: number
  /** Requests submitted from one IP address per hour, whatever sessions were used. */
  requestsPerIpPerHour: number
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
    signInCodesPerIpPerHour: config.portalSignInCodesPerIpPerHour ?? 100,
    requestsPerIpPerHour: config.portalRequestsPerIpPerHour ?? 60,
    requestsPerSubjectPerHour: config.portalRequestsPerSubjectPerHour ?? 20,
  }
}

/** What a per-address limit counts. */
export type AddressCounter = 'sign_in_codes' | 'requests'

const COUNTED: Record<AddressCounter, string> = { sign_in_codes: 'sign-in codes', requests: 'requests' }

/**
 * Counts one take of `counter` from client `address` at the operator's
 * portal, or refuses it with `DERBES_PORTAL_TOO_MANY_FROM_ADDRESS` and
 * `Retry-After` when `limit` takes were counted in the last hour (a sliding
 * hour; a refused take does not count).
 *
 * Counted in the database, so every process of an installation sees one
 * count (in each process's memory N processes would let N × the limit
 * through). The address is never stored: only its HMAC under the
 * operator's index key (of the JSON `["derbes.portal-address.v1", operator, address]`),
 * which cannot be reversed by trying the 2^32 IPv4 addresses without the
 * key; this key's takes older than the hour are deleted as it is counted,
 * any others by housekeeping. Takes of one key are counted one at a time
 * (a transaction-scoped advisory lock), so concurrent calls cannot both take
 * the last place. The operator must exist: the portal's routes answer 404
 * for an unknown one before anything is counted (or any key made for it).
 *
 * @example
 * await takeFromAddress(deps, 'tw', 'sign_in_codes', 100, request.ip)
 */
export async function takeFromAddress(deps: Pick<PortalDeps, 'db' | 'keys' | 'clock'>, operatorId: string, counter: AddressCounter, limit: number, address: string): Promise<void> {
  const addressKey = createHmac('sha256', await deps.keys.indexKey(operatorId))
    .update(JSON.stringify(['derbes.portal-address.v1', operatorId, address]))
    .digest('base64url')
  const now = deps.clock()
  const since = new Date(now.getTime() - HOUR_MS)
  const retryAfterSeconds = await deps.db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext(${`derbes.portal-address.${operatorId}.${counter}.${addressKey}`}))`.execute(trx)
    await trx
      .deleteFrom('portal_address_takes')
      .where('operator_id', '=', operatorId)
      .where('counter', '=', counter)
      .where('address_key', '=', addressKey)
      .where('taken_at', '<=', since)
      .execute()
    const recent = await trx
      .selectFrom('portal_address_takes')
      .select('taken_at')
      .where('operator_id', '=', operatorId)
      .where('counter', '=', counter)
      .where('address_key', '=', addressKey)
      .orderBy('taken_at', 'desc')
      .limit(limit)
      .execute()
    if (recent.length >= limit) {
      // The place frees when the oldest of the last `limit` takes leaves the hour.
      return secondsUntilOutOfHour(recent.at(-1)!.taken_at, now)
    }
    await trx.insertInto('portal_address_takes').values({ operator_id: operatorId, counter, address_key: addressKey, taken_at: now }).execute()
    return 0
  })
  if (retryAfterSeconds > 0) {
    throw new DerbesError('DERBES_PORTAL_TOO_MANY_FROM_ADDRESS', `more than ${limit} ${COUNTED[counter]} came from this address in the last hour; try again in ${retryAfterSeconds} s`, [], {
      retryAfterSeconds,
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
  const retryAfterSeconds = secondsUntilOutOfHour(recent.at(-1)!.received_at, now)
  throw new DerbesError('DERBES_PORTAL_TOO_MANY_REQUESTS', `${limit} requests were submitted from this account in the last hour; try again in ${retryAfterSeconds} s`, [], { retryAfterSeconds })
}
