import type { SmsGateway } from '../consent/index.ts'
import type { AppDeps } from '../http/app-deps.ts'
import type { RequestSettings } from '../requests/index.ts'

/**
 * What the portal needs: the database, the clock, the keyrings (blind
 * indexes, code HMACs, the vault), the receipt signer, the working-day calendar (due dates,
 * notice periods), the installation's request settings, and where sign-in
 * SMS go — the sealed SMS outbox the operator's provider adapter reads
 * (`outboxSmsGateway`) unless a test or an installation passes another.
 */
export type PortalDeps = Pick<AppDeps, 'db' | 'clock' | 'keys' | 'calendar' | 'signer'> & {
  settings: RequestSettings
  smsGateway: SmsGateway
}
