import type { AppDeps } from '../http/app-deps.ts'

/**
 * What the incidents module needs: the database, the clock, the keyrings (to
 * open a subject's contacts for a notice and seal the outgoing message) and
 * the operator's working-day calendar (the art. 25(2)(8) deadline).
 */
export type IncidentsDeps = Pick<AppDeps, 'db' | 'clock' | 'keys' | 'calendar'>
