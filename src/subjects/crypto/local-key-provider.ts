import { randomBytes } from 'node:crypto'
import { link, mkdir, open, readFile, rename, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { DerbesError } from '../../errors/index.ts'
import { KeyringKeyProvider, type KeyringKeyProviderOptions, type KeyringStore } from './keyring-key-provider.ts'
import { keyringFromJson, keyringToJson, type Keyring } from './keyring.ts'

export const DEFAULT_KEYS_DIRECTORY = '.derbes/keys'

export interface LocalKeyProviderOptions extends KeyringKeyProviderOptions {
  /** One keyring file per operator, `<operatorId>.json`; default `.derbes/keys`. */
  directory?: string
  /** How long a rotation waits for another process's lock before `DERBES_VAULT_KEYRING_BUSY`. Default 2 s. */
  lockTimeoutMs?: number
}

const isCode = (error: unknown, code: string) => (error as NodeJS.ErrnoException | undefined)?.code === code

/**
 * Keyring files: mode 0600 in a 0700 directory, always written whole to a
 * temporary file, flushed, then moved into place, so a crash leaves the old
 * keyring or the new one, never half of one. Losing a KEK loses every subject
 * it wraps, hence the care.
 */
class KeyringFiles implements KeyringStore {
  readonly #directory: string
  readonly #lockTimeoutMs: number

  constructor(directory: string, lockTimeoutMs: number) {
    this.#directory = directory
    this.#lockTimeoutMs = lockTimeoutMs
  }

  #path(operatorId: string): string {
    return join(this.#directory, `${operatorId}.json`)
  }

  async read(operatorId: string): Promise<Keyring | undefined> {
    const path = this.#path(operatorId)
    let text: string
    try {
      text = await readFile(path, 'utf8')
    } catch (error) {
      if (isCode(error, 'ENOENT')) return undefined
      throw new DerbesError('DERBES_VAULT_KEYRING_INVALID', `${path}: cannot be read (${(error as NodeJS.ErrnoException).code})`)
    }
    return keyringFromJson(text, path)
  }

  async create(operatorId: string, keyring: Keyring): Promise<Keyring> {
    await mkdir(this.#directory, { recursive: true, mode: 0o700 })
    const path = this.#path(operatorId)
    const temporary = await this.#writeTemporary(path, keyring)
    try {
      // link() fails when the target exists: of two processes creating at once, one wins and both use its keys.
      await link(temporary, path)
      await this.#syncDirectory()
      return keyring
    } catch (error) {
      if (!isCode(error, 'EEXIST')) throw error
      return (await this.read(operatorId))!
    } finally {
      await unlink(temporary)
    }
  }

  async update(operatorId: string, change: (stored: Keyring) => Keyring): Promise<Keyring> {
    const path = this.#path(operatorId)
    const release = await this.#lock(path)
    try {
      // Read under the lock, not from a cache: another process may have rotated since.
      const stored = await this.read(operatorId)
      if (!stored) throw new DerbesError('DERBES_VAULT_KEYRING_INVALID', `${path}: disappeared`)
      const changed = change(stored)
      await rename(await this.#writeTemporary(path, changed), path)
      await this.#syncDirectory()
      return changed
    } finally {
      await release()
    }
  }

  async #writeTemporary(path: string, keyring: Keyring): Promise<string> {
    const temporary = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`
    const file = await open(temporary, 'wx', 0o600)
    try {
      await file.chmod(0o600) // whatever the umask
      await file.writeFile(keyringToJson(keyring), 'utf8')
      await file.sync()
    } finally {
      await file.close()
    }
    return temporary
  }

  async #syncDirectory(): Promise<void> {
    // Makes the rename durable on POSIX file systems; not possible on Windows, where it is skipped.
    try {
      const directory = await open(this.#directory, 'r')
      try {
        await directory.sync()
      } finally {
        await directory.close()
      }
    } catch {
      /* best effort */
    }
  }

  async #lock(path: string): Promise<() => Promise<void>> {
    const lockPath = `${path}.lock`
    const deadline = Date.now() + this.#lockTimeoutMs
    for (;;) {
      try {
        const file = await open(lockPath, 'wx', 0o600)
        await file.close()
        return () => unlink(lockPath)
      } catch (error) {
        if (!isCode(error, 'EEXIST')) throw error
        if (Date.now() >= deadline) {
          throw new DerbesError('DERBES_VAULT_KEYRING_BUSY', `${lockPath} is held; if no Derbes process is rotating keys, delete it`)
        }
        await sleep(20)
      }
    }
  }
}

/**
 * The default `KeyProvider`: a keyring file per operator in a local directory
 * (`.derbes/keys/<operatorId>.json`), created on the operator's first use.
 * Back the directory up apart from the database: a database backup without it
 * is unreadable by design, and so is the database once the directory is lost.
 *
 * @example
 * const keys = new LocalKeyProvider({ directory: '/var/lib/derbes/keys' })
 * const wrapped = await keys.wrap('ttc', newDataKey())
 * await keys.rotate('ttc')              // new KEK; `wrapped` still unwraps
 * await keys.rewrap('ttc', wrapped)     // the same DEK under the new KEK
 */
export class LocalKeyProvider extends KeyringKeyProvider {
  readonly directory: string

  constructor(options: LocalKeyProviderOptions = {}) {
    const directory = options.directory ?? DEFAULT_KEYS_DIRECTORY
    super(new KeyringFiles(directory, options.lockTimeoutMs ?? 2_000), options)
    this.directory = directory
  }
}
