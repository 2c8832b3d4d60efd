import type { Kysely } from 'kysely'
import type { Database } from '../../db/index.ts'
import type { KeyProvider } from '../../subjects/crypto/index.ts'
import type { DispatcherLog, Stopper } from '../start-event-dispatcher.ts'
import { DEFAULT_EMAIL_SETTINGS, dispatchEmailsOnce, type EmailDispatchSettings } from './dispatch-emails-once.ts'
import type { EmailTransport } from './email-transport.ts'

export interface EmailDispatcherOptions extends Partial<EmailDispatchSettings> {
  transport: EmailTransport
  /** Pause after a pass with nothing to send (config `emailDispatchIntervalMs`). */
  intervalMs?: number
  clock?: () => Date
}

/**
 * Runs {@link dispatchEmailsOnce} in a loop: again at once while there is
 * mail, `intervalMs` after an idle pass. Errors (the database away, say) are
 * logged and the loop goes on; every message's state is in the database, so
 * nothing is lost and several processes may run it side by side.
 *
 * @example
 * const transport = createSmtpTransport({ url: config.smtpUrl, from: config.smtpFrom })
 * const emails = startEmailDispatcher({ db, keys, log: app.log }, { transport, intervalMs: config.emailDispatchIntervalMs })
 * // on shutdown:
 * await emails.stop()
 * transport.close()
 */
export function startEmailDispatcher(deps: { db: Kysely<Database>; keys: KeyProvider; log?: DispatcherLog }, options: EmailDispatcherOptions): Stopper {
  const { transport, intervalMs = 5_000, clock = () => new Date(), ...tuning } = options
  const settings: EmailDispatchSettings = { ...DEFAULT_EMAIL_SETTINGS, ...tuning }
  const log = deps.log ?? { warn: () => undefined, error: () => undefined }
  let stopped = false
  let timer: NodeJS.Timeout | undefined
  let running: Promise<void> = Promise.resolve()

  const pass = async () => {
    let busy = false
    try {
      const result = await dispatchEmailsOnce({ db: deps.db, keys: deps.keys, transport }, clock(), settings)
      busy = result.sent + result.retrying + result.failed > 0
      if (result.retrying + result.failed > 0) log.warn({ ...result }, 'some e-mails were not accepted by the SMTP server; they are retried (see email_outbox.last_error)')
    } catch (error) {
      log.error({ err: error }, 'e-mail dispatch failed; retrying')
    }
    if (!stopped) timer = setTimeout(() => (running = pass()), busy ? 0 : intervalMs)
  }
  timer = setTimeout(() => (running = pass()), 0)

  return {
    async stop() {
      stopped = true
      clearTimeout(timer)
      await running
    },
  }
}
