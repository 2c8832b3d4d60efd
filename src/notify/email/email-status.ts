import type { Kysely, Selectable } from 'kysely'
import type { Database } from '../../db/index.ts'
import { DerbesError } from '../../errors/index.ts'
import type { EmailOutboxTable, EmailStatus } from './email-tables.ts'

/** What is known of a message once it is queued — metadata only, never its content. */
export interface EmailStatusView {
  messageId: string
  purpose: string
  language: string
  subjectId: string | null
  requestId: string | null
  status: EmailStatus
  attempts: number
  nextAttemptAt: string | null
  lastError: string | null
  createdAt: string
  sentAt: string | null
  smtpMessageId: string | null
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString())

function toView(row: Omit<Selectable<EmailOutboxTable>, 'sealed' | 'wrapped_key' | 'key_id' | 'recipient_index'>): EmailStatusView {
  return {
    messageId: row.message_id,
    purpose: row.purpose,
    language: row.language,
    subjectId: row.subject_id,
    requestId: row.request_id,
    status: row.status,
    attempts: Number(row.attempts),
    nextAttemptAt: iso(row.next_attempt_at),
    lastError: row.last_error,
    createdAt: iso(row.created_at)!,
    sentAt: iso(row.sent_at),
    smtpMessageId: row.smtp_message_id,
  }
}

const COLUMNS = [
  'message_id', 'purpose', 'language', 'subject_id', 'request_id', 'status', 'attempts', 'next_attempt_at', 'last_attempt_at', 'last_error',
  'created_at', 'sent_at', 'smtp_message_id', 'smtp_response', 'operator_id',
] as const

/**
 * The e-mails of one request, oldest first: whether its answer went out
 * (proof of delivery), is waiting or failed.
 *
 * @example
 * const [answer] = await listRequestEmails(db, 'esp', requestId) // { status: 'sent', sentAt: '…', smtpMessageId: '<…>' }
 */
export async function listRequestEmails(db: Kysely<Database>, operatorId: string, requestId: string): Promise<EmailStatusView[]> {
  const rows = await db.selectFrom('email_outbox').select(COLUMNS).where('operator_id', '=', operatorId).where('request_id', '=', requestId).orderBy('created_at').orderBy('message_id').execute()
  return rows.map(toView)
}

/**
 * Sends a `failed` message again at the next pass (its attempts start over),
 * or stops a `pending` one waiting out its back-off. A sent message has no
 * content left to send (`DERBES_EMAIL_ALREADY_SENT`); one being sent right
 * now is left to finish (`DERBES_EMAIL_IN_FLIGHT`).
 *
 * @example
 * await retryEmail(db, 'esp', messageId, new Date())
 */
export async function retryEmail(db: Kysely<Database>, operatorId: string, messageId: string, now: Date): Promise<EmailStatusView> {
  const row = await db
    .updateTable('email_outbox')
    .set({ status: 'pending', attempts: 0, next_attempt_at: now })
    .where('operator_id', '=', operatorId)
    .where('message_id', '=', messageId)
    .where('status', 'in', ['pending', 'failed'])
    .returning(COLUMNS)
    .executeTakeFirst()
  if (row) return toView(row)
  const current = await db.selectFrom('email_outbox').select('status').where('operator_id', '=', operatorId).where('message_id', '=', messageId).executeTakeFirst()
  if (!current) throw new DerbesError('DERBES_EMAIL_NOT_FOUND', `operator '${operatorId}' has no e-mail '${messageId}'`)
  if (current.status === 'sent') throw new DerbesError('DERBES_EMAIL_ALREADY_SENT', `e-mail '${messageId}' was sent; its content is wiped`)
  throw new DerbesError('DERBES_EMAIL_IN_FLIGHT', `e-mail '${messageId}' is being sent right now`)
}
