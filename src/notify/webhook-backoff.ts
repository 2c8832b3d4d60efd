/**
 * Waits before each retry: after the 1st failed attempt 30 s, then 2 min,
 * 10 min, 1 h, and 6 h for every later one. A receiver that is down for a
 * day still gets its events with the default 10 attempts (about 31 h).
 */
export const DEFAULT_BACKOFF_MS: readonly number[] = [30_000, 120_000, 600_000, 3_600_000, 21_600_000]

/** The wait after `attempts` failed attempts (1-based); the last step repeats. */
export function retryDelayMs(attempts: number, backoffMs: readonly number[] = DEFAULT_BACKOFF_MS): number {
  const index = Math.min(Math.max(attempts, 1), backoffMs.length) - 1
  return backoffMs[index]!
}
