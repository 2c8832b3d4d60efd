import { randomUUID } from 'node:crypto'
import type { Transaction } from 'kysely'
import type { Database } from '../../db/index.ts'
import type { Language } from '../../policy/index.ts'
import type { KeyProvider } from '../../subjects/crypto/index.ts'
import { sealSmsData } from './evidence-keys.ts'

/** One SMS to send: the phone and the text (which holds the code) are personal data and a secret. */
export interface SmsMessage {
  operatorId: string
  subjectId: string
  /** The consent or sign-in challenge the code belongs to; none for a notice such as a breach notice (KZK-6.1). */
  challengeId?: string
  /** E.164. */
  phone: string
  language: Language
  text: string
  createdAt: Date
  /** After this the code is useless: a provider should not deliver it any more. */
  expiresAt: Date
}

/** Where consent-code SMS go. Sending happens in the challenge's transaction: a message exists exactly when its challenge does. */
export interface SmsGateway {
  send(trx: Transaction<Database>, message: SmsMessage): Promise<void>
}

/**
 * The default gateway, and the one stand-in of the evidence module: it does
 * not send anything. No SMS provider can be reached from where Derbes is
 * built and tested, and each operator has its own provider and contract, so
 * the message goes into `sms_outbox` in the same transaction as its
 * challenge, and the operator's SMS provider adapter reads it from there
 * (`pendingSmsMessages`, then `markSmsSent`). The outbox is the ONLY place
 * the code exists in a readable form — sealed with AES-256-GCM under a key
 * derived from the operator's index key, so a database dump shows neither
 * phone nor code; it is wiped once sent and purged once expired. Tests read
 * the code from there, as an adapter would.
 */
export function outboxSmsGateway(keys: KeyProvider): SmsGateway {
  return {
    async send(trx, message) {
      const messageId = randomUUID()
      await trx
        .insertInto('sms_outbox')
        .values({
          operator_id: message.operatorId,
          message_id: messageId,
          subject_id: message.subjectId,
          challenge_id: message.challengeId ?? null,
          language: message.language,
          sealed: await sealSmsData(keys, message.operatorId, `outbox:${messageId}`, { phone: message.phone, text: message.text }),
          created_at: message.createdAt,
          expires_at: message.expiresAt,
          sent_at: null,
          provider_ref: null,
        })
        .execute()
    },
  }
}
