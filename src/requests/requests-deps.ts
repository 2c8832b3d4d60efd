import type { AppDeps } from '../http/app-deps.ts'
import type { RequestSettings } from './request-settings.ts'

/**
 * What the requests module needs: the database, the clock, the keyrings (to
 * seal a request's personal data), the operator's working-day calendar (due
 * dates) and the installation's request settings (default deadline, reminder lead).
 */
export type RequestsDeps = Pick<AppDeps, 'db' | 'clock' | 'keys' | 'calendar'> & { settings: RequestSettings }
