import type { AppDeps } from '../../http/app-deps.ts'
import type { JobLog } from '../../jobs/index.ts'

/** How the runner retries and leases; every field has a default (`FULFILMENT_DEFAULTS`). */
export interface FulfilmentSettings {
  /** Attempts before a task stays `failed`, visible, for staff to retry. */
  maxAttempts: number
  /** The wait before attempt n+1 after n failures (exponential, capped). */
  backoffMs: (attempts: number) => number
  /** How long a leased task is its process's: after that a crashed run is taken over. */
  leaseMs: number
  /** Tasks leased per run. */
  batchSize: number
}

export const FULFILMENT_DEFAULTS: FulfilmentSettings = {
  maxAttempts: 5,
  // 30 s, 1 min, 2 min, 4 min … at most an hour: a deadline of 1 business day (TW-9.3) leaves room for several.
  backoffMs: (attempts) => Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000),
  leaseMs: 5 * 60_000,
  batchSize: 20,
}

/**
 * What fulfilment needs: the database, the clock, the keyrings (to open the
 * vault and the request's sealed values and to seal exports) and the
 * working-day calendar (the ledger's notice periods, ESP App.1 §5).
 */
export type FulfilmentDeps = Pick<AppDeps, 'db' | 'clock' | 'keys' | 'calendar'> & {
  fulfilmentSettings?: Partial<FulfilmentSettings> | undefined
  /** Where a request that cannot be planned or answered is reported; the run goes on with the others. */
  log?: JobLog | undefined
}

export function settingsOf(deps: FulfilmentDeps): FulfilmentSettings {
  return { ...FULFILMENT_DEFAULTS, ...deps.fulfilmentSettings }
}

/** Who the fulfilment's own audit entries, transitions and consent events name. */
export const FULFILMENT_ACTOR = 'system:fulfilment'
