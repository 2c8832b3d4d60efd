import { sql, type Kysely } from 'kysely'
import { appendAudit } from '../../audit/index.ts'
import type { Database } from '../../db/index.ts'
import type { KeyProvider } from '../../subjects/crypto/index.ts'
import { enqueueEvent } from '../enqueue-event.ts'
import { retryDelayMs } from '../webhook-backoff.ts'
import type { EmailTransport } from './email-transport.ts'
import { openEmail } from './seal-email.ts'

export interface EmailDispatchSettings {
  /** After this many failed attempts a message is `failed`: kept, visible, and retried by hand (`retryEmail`). */
  maxAttempts: number
  /** The wait after the 1st, 2nd … failed attempt; the last repeats. */
  backoffMs: readonly number[]
  /** Messages claimed, and sent side by side, per pass. */
  batchSize: number
  /**
   * How long a claimed message is this process's: longer than a send can
   * take (the SMTP transport's own timeouts, see `createSmtpTransport`), so no
   * other process sends it meanwhile. A process that dies mid-send leaves a
   * lease that runs out, and the message is sent again — at least once.
   */
  leaseMs: number
}

/** 1 min, 5 min, 30 min, 2 h, then every 6 h: ten attempts span about 32 hours. */
export const DEFAULT_EMAIL_SETTINGS: EmailDispatchSettings = {
  maxAttempts: 10,
  backoffMs: [60_000, 300_000, 1_800_000, 7_200_000, 21_600_000],
  batchSize: 10,
  leaseMs: 10 * 60_000,
}

export interface EmailDispatchDeps {
  db: Kysely<Database>
  keys: KeyProvider
  transport: EmailTransport
}

/** A message this process owns for one attempt; `attempts` is its fencing token. */
export interface ClaimedEmail {
  operator_id: string
  message_id: string
  attempts: number
  purpose: string
  subject_id: string | null
  request_id: string | null
  key_id: string
  wrapped_key: string
  sealed: string
}

/**
 * Claims due messages for one attempt each: `for update skip locked`, so two
 * processes never take the same row, and a lease in `next_attempt_at`, so no
 * one takes it while the attempt runs. A `sending` row whose lease ran out
 * (its process died) is due again.
 */
export async function claimDueEmails(db: Kysely<Database>, now: Date, settings: Pick<EmailDispatchSettings, 'batchSize' | 'leaseMs'>): Promise<ClaimedEmail[]> {
  const leaseUntil = new Date(now.getTime() + settings.leaseMs)
  const claimed = await sql<ClaimedEmail>`
    update email_outbox o
    set status = 'sending', attempts = o.attempts + 1, last_attempt_at = ${now}, next_attempt_at = ${leaseUntil}
    from (
      select operator_id, message_id from email_outbox
      where status in ('pending', 'sending') and next_attempt_at <= ${now}
      order by next_attempt_at
      limit ${settings.batchSize}
      for update skip locked
    ) due
    where o.operator_id = due.operator_id and o.message_id = due.message_id
    returning o.operator_id, o.message_id, o.attempts, o.purpose, o.subject_id, o.request_id, o.key_id, o.wrapped_key, o.sealed`.execute(db)
  return claimed.rows.map((row) => ({ ...row, attempts: Number(row.attempts) }))
}

export type EmailOutcome = { ok: true; smtpMessageId: string; response: string } | { ok: false; error: string }

export interface EmailDispatchResult {
  sent: number
  retrying: number
  failed: number
}

/** The Message-ID of every attempt of one message: the same on a retry, so a receiving server or client can drop a duplicate. */
export const messageIdHeader = (claim: Pick<ClaimedEmail, 'operator_id' | 'message_id'>) => `<${claim.message_id}@${claim.operator_id}.derbes>`

const clip = (text: string) => (text.length > 500 ? `${text.slice(0, 497)}...` : text)

/** Servers often echo the recipient in their replies ("550 <a@b.kz>: no such user"); the kept reply must not keep the address. */
function redact(text: string, address: string | undefined): string {
  if (!address) return clip(text)
  const escaped = address.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return clip(text.replace(new RegExp(escaped, 'giu'), '<recipient>'))
}

async function attempt(deps: EmailDispatchDeps, claim: ClaimedEmail): Promise<EmailOutcome> {
  let to: string | undefined
  try {
    const content = await openEmail(deps.keys, claim.operator_id, claim.message_id, { keyId: claim.key_id, wrappedKey: claim.wrapped_key, sealed: claim.sealed })
    to = content.to
    const info = await deps.transport.sendMail({
      to: content.to,
      subject: content.subjectLine,
      text: content.text,
      ...(content.html !== undefined ? { html: content.html } : {}),
      attachments: content.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })),
      messageId: messageIdHeader(claim),
    })
    if (info.rejected.length > 0) return { ok: false, error: redact(`the server refused the recipient: ${info.response}`, to) }
    return { ok: true, smtpMessageId: info.messageId, response: redact(info.response, to) }
  } catch (error) {
    const { message, responseCode } = error as Error & { responseCode?: number }
    // Kept as the failure's record: the server's reply or the socket error, with the recipient's address taken out.
    return { ok: false, error: redact(responseCode ? `${responseCode} ${message}` : message, to) }
  }
}

/**
 * Records an attempt's outcome — only while this process still owns it (same
 * `attempts`, still `sending`): a late answer after the lease ran out and
 * another process took over changes nothing. Sent: the content and its key
 * are wiped, the delivery is audited (`email_sent`) and announced
 * (`email.sent`) in the same transaction. Failed: the content stays, the
 * error is kept, and the message waits out its back-off — or, after
 * `maxAttempts`, is `failed` and announced (`email.failed`).
 */
export async function recordEmailOutcome(
  db: Kysely<Database>,
  claim: ClaimedEmail,
  outcome: EmailOutcome,
  now: Date,
  settings: Pick<EmailDispatchSettings, 'maxAttempts' | 'backoffMs'>,
): Promise<keyof EmailDispatchResult | 'lost_lease'> {
  const state: keyof EmailDispatchResult = outcome.ok ? 'sent' : claim.attempts >= settings.maxAttempts ? 'failed' : 'retrying'
  return db.transaction().execute(async (trx) => {
    const owned = trx
      .updateTable('email_outbox')
      .where('operator_id', '=', claim.operator_id)
      .where('message_id', '=', claim.message_id)
      .where('attempts', '=', claim.attempts)
      .where('status', '=', 'sending')
    const updated = outcome.ok
      ? await owned
          .set({ status: 'sent', sent_at: now, next_attempt_at: null, last_error: null, smtp_message_id: outcome.smtpMessageId, smtp_response: outcome.response, sealed: null, wrapped_key: null, key_id: null })
          .executeTakeFirst()
      : await owned
          .set({
            status: state === 'failed' ? 'failed' : 'pending',
            next_attempt_at: state === 'failed' ? null : new Date(now.getTime() + retryDelayMs(claim.attempts, settings.backoffMs)),
            last_error: outcome.error,
          })
          .executeTakeFirst()
    if (updated.numUpdatedRows === 0n) return 'lost_lease'
    const ids = { messageId: claim.message_id, purpose: claim.purpose, requestId: claim.request_id, attempts: claim.attempts }
    if (outcome.ok) {
      await appendAudit(trx, {
        operatorId: claim.operator_id, at: now, actor: 'system:email', action: 'email_sent', subjectId: claim.subject_id, details: { ...ids, smtpMessageId: outcome.smtpMessageId },
      })
      await enqueueEvent(trx, { operatorId: claim.operator_id, type: 'email.sent', subjectId: claim.subject_id, occurredAt: now, data: ids })
    } else if (state === 'failed') {
      await enqueueEvent(trx, { operatorId: claim.operator_id, type: 'email.failed', subjectId: claim.subject_id, occurredAt: now, data: ids })
    }
    return state
  })
}

/**
 * One pass at time `now`: claims the due messages, opens and sends each over
 * the transport, and records every outcome. All state is in the database, so
 * any number of processes may run passes at once; tests call it with a
 * fixed clock.
 *
 * @example
 * const result = await dispatchEmailsOnce({ db, keys, transport }, new Date())
 * // { sent: 2, retrying: 0, failed: 0 }
 */
export async function dispatchEmailsOnce(deps: EmailDispatchDeps, now: Date, settings: EmailDispatchSettings = DEFAULT_EMAIL_SETTINGS): Promise<EmailDispatchResult> {
  const claimed = await claimDueEmails(deps.db, now, settings)
  const result: EmailDispatchResult = { sent: 0, retrying: 0, failed: 0 }
  await Promise.all(
    claimed.map(async (claim) => {
      const recorded = await recordEmailOutcome(deps.db, claim, await attempt(deps, claim), now, settings)
      if (recorded !== 'lost_lease') result[recorded]++
    }),
  )
  return result
}
