import nodemailer from 'nodemailer'
import type { SendMailOptions } from 'nodemailer'
import { DerbesError } from '../../errors/index.ts'

/** What the dispatcher needs of a mail transport: nodemailer's `sendMail` and its answer. */
export interface EmailTransport {
  sendMail(message: SendMailOptions): Promise<{ messageId: string; response: string; accepted: unknown[]; rejected: unknown[] }>
  close(): void
}

export interface SmtpSettings {
  /** `smtp://user:pass@host:587` (STARTTLS when the server offers it) or `smtps://user:pass@host:465` (TLS from the start). */
  url: string
  /** The From header: `Derbes <privacy@operator.kz>` or a bare address. */
  from: string
  /** Refuse to send unless the connection is encrypted (STARTTLS required on `smtp://`). Default false, as servers inside a network often have no TLS. */
  requireTls?: boolean
}

/**
 * The SMTP transport of `DERBES_SMTP_URL` and `DERBES_SMTP_FROM`: nodemailer,
 * with timeouts well inside the dispatcher's lease (10 min), so a hung server
 * ends the attempt long before another process may claim the message.
 *
 * @example
 * const transport = createSmtpTransport({ url: 'smtp://derbes:secret@mail.operator.kz:587', from: 'ТОО «Оператор» <privacy@operator.kz>' })
 * startEmailDispatcher({ db, keys, log }, { transport })
 */
export function createSmtpTransport(settings: SmtpSettings): EmailTransport {
  let url: URL
  try {
    url = new URL(settings.url)
  } catch {
    throw new DerbesError('DERBES_CONFIG_INVALID', 'the SMTP URL is not a URL', [{ pointer: '/smtpUrl', detail: 'must be smtp://… or smtps://…' }])
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    throw new DerbesError('DERBES_CONFIG_INVALID', 'the SMTP URL must start with smtp:// or smtps://', [{ pointer: '/smtpUrl', detail: 'must be smtp://… or smtps://…' }])
  }
  if (!settings.from.trim()) throw new DerbesError('DERBES_CONFIG_INVALID', 'an SMTP URL needs a From address', [{ pointer: '/smtpFrom', detail: 'is required with smtpUrl' }])
  const secure = url.protocol === 'smtps:'
  const transporter = nodemailer.createTransport(
    {
      host: url.hostname,
      port: url.port ? Number(url.port) : secure ? 465 : 587,
      secure,
      requireTLS: settings.requireTls ?? false,
      ...(url.username ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } } : {}),
      connectionTimeout: 30_000,
      greetingTimeout: 30_000,
      socketTimeout: 60_000,
    },
    { from: settings.from },
  )
  return transporter
}
