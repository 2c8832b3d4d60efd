import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { DerbesError } from '../errors/index.ts'
import { newDataKey, type KeyProvider } from '../subjects/crypto/index.ts'

/** What a system's connection needs and nobody may read: the URL with its password, the HTTP token. */
export interface SystemSecret {
  url?: string
  token?: string
  signingSecret?: string
}

/** The secret as stored: under a data key of its own, the data key wrapped by the operator's keyring. */
export interface SealedSecret {
  keyId: string
  wrappedKey: string
  sealed: string
}

const VERSION = 'v1'
const NONCE_BYTES = 12
const TAG_BYTES = 16
/** Binds the ciphertext to its operator and system: a sealed secret copied to another system does not open. */
const aad = (operatorId: string, systemId: string) => Buffer.from(JSON.stringify([`derbes.system-secret.${VERSION}`, operatorId, systemId]), 'utf8')

/**
 * Seals a system's connection secret (envelope encryption, as the vault
 * does for subjects): a fresh data key encrypts it with AES-256-GCM, and
 * only the data key wrapped by the operator's current KEK is stored beside
 * it. A database dump alone opens nothing; rotating the keyring leaves it
 * readable, since retired KEKs still unwrap.
 *
 * @example
 * const sealed = await sealSecret(keys, 'esp', 'crm', { url: 'postgres://crm:s3cret@10.0.0.5/crm' })
 * await openSecret(keys, 'esp', 'crm', sealed) // { url: 'postgres://crm:s3cret@10.0.0.5/crm' }
 */
export async function sealSecret(keys: KeyProvider, operatorId: string, systemId: string, secret: SystemSecret): Promise<SealedSecret> {
  const dataKey = newDataKey()
  try {
    const wrapped = await keys.wrap(operatorId, dataKey)
    const nonce = randomBytes(NONCE_BYTES)
    const cipher = createCipheriv('aes-256-gcm', dataKey, nonce, { authTagLength: TAG_BYTES })
    cipher.setAAD(aad(operatorId, systemId))
    const body = Buffer.concat([cipher.update(JSON.stringify(secret), 'utf8'), cipher.final(), cipher.getAuthTag()])
    return { keyId: wrapped.keyId, wrappedKey: wrapped.ciphertext, sealed: `${VERSION}.${nonce.toString('base64url')}.${body.toString('base64url')}` }
  } finally {
    dataKey.fill(0)
  }
}

/** Opens what `sealSecret` sealed for the same operator and system; `DERBES_VAULT_DECRYPT_FAILED` otherwise. */
export async function openSecret(keys: KeyProvider, operatorId: string, systemId: string, stored: SealedSecret): Promise<SystemSecret> {
  const [version, nonceText, bodyText] = stored.sealed.split('.')
  const nonce = Buffer.from(nonceText ?? '', 'base64url')
  const body = Buffer.from(bodyText ?? '', 'base64url')
  if (version !== VERSION || nonce.length !== NONCE_BYTES || body.length < TAG_BYTES) {
    throw new DerbesError('DERBES_VAULT_DECRYPT_FAILED', `the connection secret of system '${systemId}' is malformed`)
  }
  const dataKey = await keys.unwrap(operatorId, { keyId: stored.keyId, ciphertext: stored.wrappedKey })
  try {
    const decipher = createDecipheriv('aes-256-gcm', dataKey, nonce, { authTagLength: TAG_BYTES })
    decipher.setAAD(aad(operatorId, systemId))
    decipher.setAuthTag(body.subarray(body.length - TAG_BYTES))
    const plain = Buffer.concat([decipher.update(body.subarray(0, body.length - TAG_BYTES)), decipher.final()])
    return JSON.parse(plain.toString('utf8')) as SystemSecret
  } catch {
    throw new DerbesError('DERBES_VAULT_DECRYPT_FAILED', `the connection secret of system '${systemId}' failed authentication (altered, or sealed for another system)`)
  } finally {
    dataKey.fill(0)
  }
}
