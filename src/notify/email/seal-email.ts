import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { DerbesError } from '../../errors/index.ts'
import { newDataKey, type KeyProvider } from '../../subjects/crypto/index.ts'

/** What an outbox row keeps sealed until the message is sent: everything that is personal data. */
export interface EmailContent {
  to: string
  subjectLine: string
  text: string
  html?: string
  attachments: { filename: string; contentType: string; content: Buffer }[]
}

interface StoredContent extends Omit<EmailContent, 'attachments'> {
  attachments: { filename: string; contentType: string; content: string }[]
}

export interface SealedEmail {
  keyId: string
  wrappedKey: string
  sealed: string
}

const VERSION = 'v1'
const NONCE_BYTES = 12
const TAG_BYTES = 16

/** Operator and message bound as AAD: a sealed content copied to another row does not open there. */
const binding = (operatorId: string, messageId: string) => Buffer.from(JSON.stringify(['derbes.email.v1', operatorId, messageId]), 'utf8')

/**
 * Seals a message's content with AES-256-GCM under a fresh data key of its
 * own, wrapped by the operator's current KEK (`KeyProvider.wrap`). A key per
 * message, not the subject's: the answer to a destruction request must stay
 * readable until sent after the subject's key is gone, and wiping one row's
 * wrapped key shreds exactly that message.
 */
export async function sealEmail(keys: KeyProvider, operatorId: string, messageId: string, content: EmailContent): Promise<SealedEmail> {
  const dataKey = newDataKey()
  const wrapped = await keys.wrap(operatorId, dataKey)
  const stored: StoredContent = { ...content, attachments: content.attachments.map((a) => ({ ...a, content: a.content.toString('base64') })) }
  const nonce = randomBytes(NONCE_BYTES)
  const cipher = createCipheriv('aes-256-gcm', dataKey, nonce, { authTagLength: TAG_BYTES })
  cipher.setAAD(binding(operatorId, messageId))
  const body = Buffer.concat([cipher.update(JSON.stringify(stored), 'utf8'), cipher.final(), cipher.getAuthTag()])
  dataKey.fill(0)
  return { keyId: wrapped.keyId, wrappedKey: wrapped.ciphertext, sealed: `${VERSION}.${nonce.toString('base64url')}.${body.toString('base64url')}` }
}

/** Opens what {@link sealEmail} sealed for the same operator and message; any change throws `DERBES_VAULT_DECRYPT_FAILED`. */
export async function openEmail(keys: KeyProvider, operatorId: string, messageId: string, sealed: SealedEmail): Promise<EmailContent> {
  const dataKey = await keys.unwrap(operatorId, { keyId: sealed.keyId, ciphertext: sealed.wrappedKey })
  const [version, nonce, body] = sealed.sealed.split('.')
  if (version !== VERSION || !nonce || !body) throw new DerbesError('DERBES_VAULT_DECRYPT_FAILED', `e-mail ${messageId}: not a ${VERSION} sealed message`)
  const bytes = Buffer.from(body, 'base64url')
  const decipher = createDecipheriv('aes-256-gcm', dataKey, Buffer.from(nonce, 'base64url'), { authTagLength: TAG_BYTES })
  decipher.setAAD(binding(operatorId, messageId))
  decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES))
  let plain: Buffer
  try {
    plain = Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - TAG_BYTES)), decipher.final()])
  } catch {
    throw new DerbesError('DERBES_VAULT_DECRYPT_FAILED', `e-mail ${messageId}: failed authentication (altered, or sealed for another message)`)
  }
  const stored = JSON.parse(plain.toString('utf8')) as StoredContent
  return { ...stored, attachments: stored.attachments.map((a) => ({ ...a, content: Buffer.from(a.content, 'base64') })) }
}
