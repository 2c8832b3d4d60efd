import { randomUUID } from 'node:crypto'
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/index.ts'
import { DerbesError } from '../../errors/index.ts'
import { LANGUAGES, type Language } from '../../policy/index.ts'
import { blindIndexFor, type KeyProvider } from '../../subjects/crypto/index.ts'
import { sealEmail } from './seal-email.ts'

export interface EmailAttachment {
  /** The name the subject sees, e.g. `ESP-2026-000123.pdf`. */
  filename: string
  /** A MIME type, e.g. `application/pdf`, `text/csv; charset=utf-8`. */
  contentType: string
  content: Buffer
}

export interface OutgoingEmail {
  operatorId: string
  /** One address; it is sealed with the content and kept afterwards only as a blind index. */
  to: string
  subjectLine: string
  text: string
  html?: string
  attachments?: EmailAttachment[]
  language: Language
  subjectId?: string | null
  requestId?: string | null
  /** Why it is sent, in snake_case: `request_answer`, `request_received` … — kept as proof with the delivery. */
  purpose: string
}

/** Servers commonly refuse messages over 25 MB; base64 makes attachments a third larger on the wire. */
export const MAX_EMAIL_BYTES = 15 * 1024 * 1024

// One address without a display name: nothing a header could be injected through.
const ADDRESS = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:".]+$/u
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/
const MIME_TYPE = /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+(\s*;\s*[a-z0-9_-]+=("[^"]*"|[^;\s"]+))*$/i
const PURPOSE = /^[a-z][a-z0-9_]{0,63}$/

function check(message: OutgoingEmail): void {
  const problems: { pointer: string; detail: string }[] = []
  if (!ADDRESS.test(message.to)) problems.push({ pointer: '/to', detail: 'must be one e-mail address, without a display name' })
  if (!message.subjectLine.trim() || CONTROL.test(message.subjectLine) || message.subjectLine.length > 300) {
    problems.push({ pointer: '/subjectLine', detail: 'must be 1–300 characters on one line' })
  }
  if (!message.text.trim()) problems.push({ pointer: '/text', detail: 'is empty' })
  if (!(LANGUAGES as readonly string[]).includes(message.language)) problems.push({ pointer: '/language', detail: 'must be kk, ru or en' })
  if (!PURPOSE.test(message.purpose)) problems.push({ pointer: '/purpose', detail: 'must be snake_case, at most 64 characters' })
  let bytes = Buffer.byteLength(message.text) + Buffer.byteLength(message.html ?? '')
  ;(message.attachments ?? []).forEach((attachment, i) => {
    if (!attachment.filename || CONTROL.test(attachment.filename) || /[/\\]/.test(attachment.filename) || attachment.filename.length > 200) {
      problems.push({ pointer: `/attachments/${i}/filename`, detail: 'must be a file name without a path, 1–200 characters' })
    }
    if (!MIME_TYPE.test(attachment.contentType)) problems.push({ pointer: `/attachments/${i}/contentType`, detail: 'is not a MIME type' })
    if (!Buffer.isBuffer(attachment.content)) problems.push({ pointer: `/attachments/${i}/content`, detail: 'must be a Buffer' })
    else bytes += attachment.content.length
  })
  if (bytes > MAX_EMAIL_BYTES) problems.push({ pointer: '/attachments', detail: `the message is over ${MAX_EMAIL_BYTES} bytes` })
  if (problems.length > 0) throw new DerbesError('DERBES_VALIDATION', 'the e-mail cannot be queued', problems)
}

/**
 * Queues an e-mail to a data subject. Call it INSIDE the transaction of the
 * change that causes it (a request answered, a code sent): the message then
 * exists exactly when the change committed, and the dispatcher sends it at
 * least once, surviving restarts. The address, subject line, bodies and
 * attachments are sealed (AES-256-GCM, a data key per message wrapped by the
 * operator's keyring) and wiped once sent; the recipient is kept as a blind
 * index. Bad input throws `DERBES_VALIDATION` with a pointer per field and
 * writes nothing. Returns the message id.
 *
 * @example
 * await db.transaction().execute(async (trx) => {
 *   await answerRequest(trx, …)
 *   await enqueueEmail(trx, { keys, clock }, {
 *     operatorId: 'esp', to: 'aliya@mail.kz', subjectLine: answer.subjectLine, text: answer.text, html: answer.html,
 *     attachments: [{ filename: 'ESP-2026-000123.pdf', contentType: 'application/pdf', content: pdf }],
 *     language: 'kk', subjectId, requestId, purpose: 'request_answer',
 *   })
 * })
 */
export async function enqueueEmail(
  trx: Transaction<Database> | Kysely<Database>,
  deps: { keys: KeyProvider; clock: () => Date },
  message: OutgoingEmail,
): Promise<string> {
  check(message)
  const messageId = randomUUID()
  const now = deps.clock()
  const recipientIndex = await blindIndexFor(deps.keys, message.operatorId, 'email', message.to)
  const sealed = await sealEmail(deps.keys, message.operatorId, messageId, {
    to: message.to,
    subjectLine: message.subjectLine,
    text: message.text,
    ...(message.html !== undefined ? { html: message.html } : {}),
    attachments: message.attachments ?? [],
  })
  await trx
    .insertInto('email_outbox')
    .values({
      operator_id: message.operatorId,
      message_id: messageId,
      purpose: message.purpose,
      language: message.language,
      subject_id: message.subjectId ?? null,
      request_id: message.requestId ?? null,
      recipient_index: recipientIndex,
      status: 'pending',
      next_attempt_at: now,
      last_attempt_at: null,
      last_error: null,
      key_id: sealed.keyId,
      wrapped_key: sealed.wrappedKey,
      sealed: sealed.sealed,
      created_at: now,
      sent_at: null,
      smtp_message_id: null,
      smtp_response: null,
    })
    .execute()
  return messageId
}
