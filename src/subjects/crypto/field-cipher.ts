import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { DerbesError } from '../../errors/index.ts'
import { encodeContext } from './encode-context.ts'
import { KEY_BYTES } from './wrap-data-key.ts'

/** Where a value belongs. All three are bound to its ciphertext. */
export interface FieldContext {
  operatorId: string
  subjectId: string
  /** The policy's data item, e.g. `phone`, `iin`. */
  itemId: string
}

const VERSION = 'v1'
const NONCE_BYTES = 12
const TAG_BYTES = 16
const BASE64URL = /^[A-Za-z0-9_-]+$/
/** In a `u` regex a lone surrogate, and only a lone one, is a code point of category Cs. */
const LONE_SURROGATE = /\p{Cs}/u

/** AAD = version ‖ operatorId ‖ subjectId ‖ itemId, length-prefixed (see `encodeContext`). */
const fieldContext = (c: FieldContext) => encodeContext([`derbes.field.${VERSION}`, c.operatorId, c.subjectId, c.itemId])

function checkKey(dataKey: Buffer): void {
  if (dataKey.length !== KEY_BYTES) throw new RangeError(`a data key is ${KEY_BYTES} bytes, not ${dataKey.length}`)
}

/** A new subject data key (DEK): 32 random bytes, to be stored only wrapped (`KeyProvider.wrap`). */
export function newDataKey(): Buffer {
  return randomBytes(KEY_BYTES)
}

/**
 * Encrypts one personal-data value with its subject's DEK: AES-256-GCM, a
 * random 96-bit nonce per call (so equal values give different ciphertexts),
 * and the operator, subject and item as AAD. The result is
 * `v1.<nonce, base64url>.<ciphertext ‖ 16-byte tag, base64url>`; it reveals
 * the value's length in UTF-8 bytes and nothing else.
 *
 * @example
 * encryptField(dek, { operatorId: 'ttc', subjectId: 's-1', itemId: 'phone' }, '+77011234567')
 * // 'v1.mQk3…Xw.b9aC…Zg'
 */
export function encryptField(dataKey: Buffer, context: FieldContext, value: string): string {
  checkKey(dataKey)
  // UTF-8 would turn a lone surrogate into U+FFFD: the value would come back changed.
  if (LONE_SURROGATE.test(value)) throw new DerbesError('DERBES_VALIDATION', 'the value is not well-formed Unicode')
  const nonce = randomBytes(NONCE_BYTES)
  const cipher = createCipheriv('aes-256-gcm', dataKey, nonce, { authTagLength: TAG_BYTES })
  cipher.setAAD(fieldContext(context))
  const body = Buffer.concat([cipher.update(value, 'utf8'), cipher.final(), cipher.getAuthTag()])
  return `${VERSION}.${nonce.toString('base64url')}.${body.toString('base64url')}`
}

/** base64url in its one canonical spelling (Node's decoder skips stray characters silently). */
function decodeStrict(text: string | undefined): Buffer | undefined {
  if (text === undefined || !BASE64URL.test(text)) return undefined
  const bytes = Buffer.from(text, 'base64url')
  return bytes.toString('base64url') === text ? bytes : undefined
}

/**
 * Decrypts what `encryptField` produced for the same DEK and context. Throws
 * `DERBES_VAULT_DECRYPT_FAILED` when the text is malformed or of another
 * version, when any bit was changed, and when the key or any part of the
 * context differs (a ciphertext copied to another subject, item or operator).
 */
export function decryptField(dataKey: Buffer, context: FieldContext, ciphertext: string): string {
  checkKey(dataKey)
  const where = `${context.operatorId}/${context.subjectId}/${context.itemId}`
  const parts = ciphertext.split('.')
  if (parts[0] !== VERSION) {
    throw new DerbesError('DERBES_VAULT_DECRYPT_FAILED', `${where}: not a ${VERSION} vault value`)
  }
  const nonce = decodeStrict(parts[1])
  const body = decodeStrict(parts[2])
  if (parts.length !== 3 || nonce?.length !== NONCE_BYTES || !body || body.length < TAG_BYTES) {
    throw new DerbesError('DERBES_VAULT_DECRYPT_FAILED', `${where}: malformed vault value`)
  }
  const decipher = createDecipheriv('aes-256-gcm', dataKey, nonce, { authTagLength: TAG_BYTES })
  decipher.setAAD(fieldContext(context))
  decipher.setAuthTag(body.subarray(body.length - TAG_BYTES))
  try {
    return Buffer.concat([decipher.update(body.subarray(0, body.length - TAG_BYTES)), decipher.final()]).toString('utf8')
  } catch {
    throw new DerbesError(
      'DERBES_VAULT_DECRYPT_FAILED',
      `${where}: failed authentication (altered, another subject's key, or encrypted for another subject or item)`,
    )
  }
}
