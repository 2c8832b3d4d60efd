import type { Kysely } from 'kysely'
import type { Database } from '../../db/index.ts'
import { DerbesError } from '../../errors/index.ts'
import type { Language } from '../../policy/index.ts'
import type { KeyProvider } from '../../subjects/crypto/index.ts'
import { unsealSmsData } from './evidence-keys.ts'

/** A message the operator's SMS provider adapter should send now. */
export interface PendingSms {
  messageId: string
  subjectId: string
  phone: string
  language: Language
  text: string
  expiresAt: Date
}

/**
 * The outbox's unsent, unexpired messages of one operator, oldest first,
 * opened for sending. For the operator's SMS provider adapter (see
 * `outboxSmsGateway`); call `markSmsSent` after the provider accepted each.
 *
 * @example
 * for (const sms of await pendingSmsMessages({ db, keys, clock }, 'esp')) {
 *   const ref = await provider.send(sms.phone, sms.text)
 *   await markSmsSent(db, 'esp', sms.messageId, new Date(), ref)
 * }
 */
export async function pendingSmsMessages(
  deps: { db: Kysely<Database>; keys: KeyProvider; clock: () => Date },
  operatorId: string,
  limit = 100,
): Promise<PendingSms[]> {
  const rows = await deps.db
    .selectFrom('sms_outbox')
    .select(['message_id', 'subject_id', 'language', 'sealed', 'expires_at'])
    .where('operator_id', '=', operatorId)
    .where('sent_at', 'is', null)
    .where('expires_at', '>', deps.clock())
    .orderBy('seq')
    .limit(limit)
    .execute()
  const pending: PendingSms[] = []
  for (const row of rows) {
    if (!row.sealed) continue
    const { phone, text } = await unsealSmsData<{ phone: string; text: string }>(deps.keys, operatorId, `outbox:${row.message_id}`, row.sealed)
    pending.push({ messageId: row.message_id, subjectId: row.subject_id, phone, language: row.language, text, expiresAt: new Date(row.expires_at) })
  }
  return pending
}

/** Records that the provider accepted a message, and wipes its phone and text: the code now exists only on the subject's phone. */
export async function markSmsSent(db: Kysely<Database>, operatorId: string, messageId: string, at: Date, providerRef: string | null = null): Promise<void> {
  const result = await db
    .updateTable('sms_outbox')
    .set({ sent_at: at, provider_ref: providerRef, sealed: null })
    .where('operator_id', '=', operatorId)
    .where('message_id', '=', messageId)
    .where('sent_at', 'is', null)
    .executeTakeFirst()
  if (result.numUpdatedRows === 0n) throw new DerbesError('DERBES_NOT_FOUND', `no unsent SMS '${messageId}' of operator '${operatorId}'`)
}
