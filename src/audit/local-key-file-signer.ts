import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto'
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { DerbesError } from '../errors/index.ts'
import type { CheckpointSigner, CheckpointVerifier } from './checkpoint-signer.ts'

export const DEFAULT_SIGNING_KEY_FILE = '.derbes/keys/audit-signing.pem'

/**
 * An Ed25519 key in a PEM file (PKCS#8), created with mode 0600 on first use.
 * It verifies only its own signatures: keep the public key (`publicKeyPem`)
 * with the auditors, so a verifier that does not trust this host can check
 * checkpoints too. Key rotation is not handled yet.
 */
export class LocalKeyFileSigner implements CheckpointSigner, CheckpointVerifier {
  readonly keyId: string
  readonly publicKeyPem: string
  readonly #privateKey: KeyObject
  readonly #publicKey: KeyObject

  private constructor(privateKey: KeyObject) {
    this.#privateKey = privateKey
    this.#publicKey = createPublicKey(privateKey)
    this.publicKeyPem = this.#publicKey.export({ type: 'spki', format: 'pem' }).toString()
    const der = this.#publicKey.export({ type: 'spki', format: 'der' })
    this.keyId = `ed25519:${createHash('sha256').update(der).digest('hex').slice(0, 16)}`
  }

  /** A fresh key held in memory only — for tests and throw-away databases. */
  static ephemeral(): LocalKeyFileSigner {
    return new LocalKeyFileSigner(generateKeyPairSync('ed25519').privateKey)
  }

  /** Reads the key file, creating it (and its directory, mode 0700) when absent. */
  static async open(file: string = DEFAULT_SIGNING_KEY_FILE): Promise<LocalKeyFileSigner> {
    let pem: string
    try {
      pem = await readFile(file, 'utf8')
      // Like ssh: a signing key others can read is not a secret any more.
      if (process.platform !== 'win32' && ((await stat(file)).mode & 0o077) !== 0) {
        throw new DerbesError('DERBES_AUDIT_SIGNING_KEY_INVALID', `${file} is readable by others; chmod 600 it`)
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
      await mkdir(dirname(file), { recursive: true, mode: 0o700 })
      pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
      try {
        await writeFile(file, pem, { mode: 0o600, flag: 'wx' })
      } catch (writeError) {
        // Another process created it first: use that one.
        if ((writeError as NodeJS.ErrnoException).code !== 'EEXIST') throw writeError
        pem = await readFile(file, 'utf8')
      }
    }
    let key: KeyObject
    try {
      key = createPrivateKey(pem)
    } catch {
      throw new DerbesError('DERBES_AUDIT_SIGNING_KEY_INVALID', `${file} is not a PEM private key`)
    }
    if (key.asymmetricKeyType !== 'ed25519') throw new DerbesError('DERBES_AUDIT_SIGNING_KEY_INVALID', `${file} is a ${key.asymmetricKeyType} key, not Ed25519`)
    return new LocalKeyFileSigner(key)
  }

  async sign(payload: Uint8Array): Promise<string> {
    return sign(null, payload, this.#privateKey).toString('base64')
  }

  async verify(keyId: string, payload: Uint8Array, signature: string): Promise<boolean> {
    if (keyId !== this.keyId) return false
    return verify(null, payload, this.#publicKey, Buffer.from(signature, 'base64'))
  }
}
