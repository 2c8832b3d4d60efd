import type { ColumnType } from 'kysely'

type Timestamp = ColumnType<Date, Date | string, Date | string>

export const EMAIL_STATUSES = ['pending', 'sending', 'sent', 'failed'] as const
export type EmailStatus = (typeof EMAIL_STATUSES)[number]

/**
 * One e-mail to a data subject, written in the transaction of the change that
 * causes it. Its content — address, subject line, bodies, attachments — is
 * personal data: `sealed` holds it under a data key of its own, `wrapped_key`
 * that key wrapped by the operator's keyring. Both are wiped once the SMTP
 * server has accepted the message; the rest stays as proof of delivery.
 */
export interface EmailOutboxTable {
  operator_id: string
  message_id: string
  /** Why it is sent, e.g. `request_answer`: kept after the content is wiped. */
  purpose: string
  language: 'kk' | 'ru' | 'en'
  subject_id: string | null
  request_id: string | null
  /** The recipient's blind index (e-mail kind, the operator's index key): who it went to, without the address. */
  recipient_index: string
  status: EmailStatus
  attempts: ColumnType<number, number | undefined, number>
  /** When a pending message is due, or when a sending one's lease runs out. */
  next_attempt_at: Timestamp | null
  last_attempt_at: Timestamp | null
  last_error: string | null
  /** The KEK that wrapped the message's data key; null once sent. */
  key_id: string | null
  wrapped_key: string | null
  /** AES-256-GCM of the content; null once sent. */
  sealed: string | null
  created_at: Timestamp
  sent_at: Timestamp | null
  /** The Message-ID header and the server's acceptance reply ("250 2.0.0 Ok: queued as …"). */
  smtp_message_id: string | null
  smtp_response: string | null
}

export interface EmailTables {
  email_outbox: EmailOutboxTable
}
