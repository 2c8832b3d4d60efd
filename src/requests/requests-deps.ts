import type { AppDeps } from '../http/app-deps.ts'
import type { EdsTrustStore } from '../eds/eds-trust-store.ts'
import type { RequestSettings } from './request-settings.ts'

/**
 * What the requests module needs: the database, the clock, the keyrings (to
 * seal a request's personal data), the operator's working-day calendar (due
 * dates), the installation's request settings (default deadline, reminder
 * lead) and, for EDS-signed requests, the trusted CAs.
 */
export type RequestsDeps = Pick<AppDeps, 'db' | 'clock' | 'keys' | 'calendar'> & {
  settings: RequestSettings
  /** The CAs an electronic request's EDS must chain to; by default the installation's (DERBES_EDS_TRUST_DIR). */
  edsTrust?: EdsTrustStore | undefined
}
