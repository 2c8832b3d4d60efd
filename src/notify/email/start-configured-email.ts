import type { Kysely } from 'kysely'
import type { Config } from '../../config/index.ts'
import type { Database } from '../../db/index.ts'
import type { KeyProvider } from '../../subjects/crypto/index.ts'
import type { DispatcherLog, Stopper } from '../start-event-dispatcher.ts'
import { createSmtpTransport } from './email-transport.ts'
import { startEmailDispatcher } from './start-email-dispatcher.ts'

type EmailConfig = Pick<Config, 'smtpUrl' | 'smtpFrom' | 'emailDispatchIntervalMs' | 'emailMaxAttempts'>

/**
 * What `derbes serve` runs for e-mail: with `DERBES_SMTP_URL` set, the
 * dispatcher over that server (an SMTP URL without `DERBES_SMTP_FROM` stops
 * start-up with `DERBES_CONFIG_INVALID`); without it, nothing is sent — the
 * outbox keeps every message until SMTP is configured — and that is logged
 * once. `stop()` ends the dispatcher after its pass and closes the transport.
 *
 * @example
 * const emails = startConfiguredEmail({ db, keys, log: app.log }, config)
 * await emails.stop()
 */
export function startConfiguredEmail(deps: { db: Kysely<Database>; keys: KeyProvider; log: DispatcherLog }, config: EmailConfig): Stopper {
  if (!config.smtpUrl) {
    deps.log.warn({}, 'DERBES_SMTP_URL is not set: e-mails to data subjects wait in the outbox (email_outbox) until it is')
    return { stop: async () => undefined }
  }
  const transport = createSmtpTransport({ url: config.smtpUrl, from: config.smtpFrom ?? '' })
  const dispatcher = startEmailDispatcher(deps, { transport, intervalMs: config.emailDispatchIntervalMs, maxAttempts: config.emailMaxAttempts })
  return {
    async stop() {
      await dispatcher.stop()
      transport.close()
    },
  }
}
