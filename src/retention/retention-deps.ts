import type { AppDeps } from '../http/app-deps.ts'

/**
 * What the retention module needs: the database, the clock, the keyrings
 * (crypto-shredding, connectors' sealed secrets), the operator's working-day
 * calendar (terms in business days) and the signer (destruction acts).
 */
export type RetentionDeps = Pick<AppDeps, 'db' | 'clock' | 'keys' | 'calendar' | 'signer'>
