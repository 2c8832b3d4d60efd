import { randomBytes } from 'node:crypto'
import type { KeyProvider } from '../subjects/crypto/index.ts'

/**
 * Standard Webhooks signs with HMAC-SHA256, a symmetric key: Derbes needs the
 * secret itself at every delivery, so it cannot keep only a hash of it as it
 * does for API keys. It keeps the secret wrapped by the operator's
 * key-encryption key (the `KeyProvider` that wraps subjects' data keys:
 * AES-256-GCM bound to the operator and the KEK id). A database dump alone
 * then does not let anyone forge webhooks; rotating the operator's KEK keeps
 * old secrets readable; the plain secret is shown once, at creation.
 * 32 random bytes, within the 24–64 the specification asks for.
 */
export const SECRET_BYTES = 32
const PREFIX = 'whsec_'

export interface SealedSecret {
  keyId: string
  wrapped: string
}

/** A new secret: its bytes, its `whsec_…` text for the operator, and its sealed form to store. */
export async function newWebhookSecret(keys: KeyProvider, operatorId: string): Promise<{ text: string; sealed: SealedSecret }> {
  const bytes = randomBytes(SECRET_BYTES)
  const wrapped = await keys.wrap(operatorId, bytes)
  return { text: `${PREFIX}${bytes.toString('base64')}`, sealed: { keyId: wrapped.keyId, wrapped: wrapped.ciphertext } }
}

/** The secret's bytes, to sign with. */
export async function openWebhookSecret(keys: KeyProvider, operatorId: string, sealed: SealedSecret): Promise<Buffer> {
  return keys.unwrap(operatorId, { keyId: sealed.keyId, ciphertext: sealed.wrapped })
}
