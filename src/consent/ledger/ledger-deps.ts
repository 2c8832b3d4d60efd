import type { AppDeps } from '../../http/app-deps.ts'

/**
 * What the ledger needs: the database, the clock, the keyrings (to seal a
 * record's personal data under the subject's key) and the working-day
 * calendar (notice periods, ESP App.1 §5).
 */
export type LedgerDeps = Pick<AppDeps, 'db' | 'clock' | 'keys' | 'calendar'>
