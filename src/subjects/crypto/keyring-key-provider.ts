import { DerbesError } from '../../errors/index.ts'
import type { KeyProvider, WrappedKey } from './key-provider.ts'
import { currentKek, newKeyring, withNewKek, type Keyring } from './keyring.ts'
import { unwrapDataKey, wrapDataKey } from './wrap-data-key.ts'

/** Where a `KeyringKeyProvider` keeps each operator's keyring. */
export interface KeyringStore {
  read(operatorId: string): Promise<Keyring | undefined>
  /** Stores `keyring` unless the operator has one already; returns the one stored (never overwrites). */
  create(operatorId: string, keyring: Keyring): Promise<Keyring>
  /** Applies `change` to the stored keyring, excluding other writers, and returns the result. */
  update(operatorId: string, change: (stored: Keyring) => Keyring): Promise<Keyring>
}

export interface KeyringKeyProviderOptions {
  /** For `createdAt` of new keys; tests pass a fixed clock. */
  clock?: () => Date
}

/** The same pattern as operator ids in the API; it also keeps keyring file names inside their directory. */
const OPERATOR_ID = /^[a-z][a-z0-9-]{0,63}$/

/**
 * A `KeyProvider` over operator keyrings held by a `KeyringStore`: the local
 * keyring files (`LocalKeyProvider`) or memory (`MemoryKeyProvider`, tests).
 * A keyring is created on an operator's first use and cached; a key id the
 * cache does not know makes it read the store again, so a rotation by another
 * process is picked up when its first wrapped key arrives.
 */
export class KeyringKeyProvider implements KeyProvider {
  readonly #store: KeyringStore
  readonly #clock: () => Date
  readonly #keyrings = new Map<string, Promise<Keyring>>()

  constructor(store: KeyringStore, options: KeyringKeyProviderOptions = {}) {
    this.#store = store
    this.#clock = options.clock ?? (() => new Date())
  }

  #keyring(operatorId: string, reload = false): Promise<Keyring> {
    if (!OPERATOR_ID.test(operatorId)) {
      throw new DerbesError('DERBES_VALIDATION', `'${operatorId}' is not an operator id (${OPERATOR_ID.source})`)
    }
    let keyring = reload ? undefined : this.#keyrings.get(operatorId)
    if (!keyring) {
      keyring = this.#store.read(operatorId).then((stored) => stored ?? this.#store.create(operatorId, newKeyring(this.#clock())))
      this.#remember(operatorId, keyring)
    }
    return keyring
  }

  #remember(operatorId: string, keyring: Promise<Keyring>): void {
    this.#keyrings.set(operatorId, keyring)
    // A failure is not remembered: the next call tries the store again.
    keyring.catch(() => {
      if (this.#keyrings.get(operatorId) === keyring) this.#keyrings.delete(operatorId)
    })
  }

  async wrap(operatorId: string, dataKey: Buffer): Promise<WrappedKey> {
    const kek = currentKek(await this.#keyring(operatorId))
    return wrapDataKey(kek.material, operatorId, kek.id, dataKey)
  }

  async unwrap(operatorId: string, wrapped: WrappedKey): Promise<Buffer> {
    const find = (keyring: Keyring) => keyring.keys.find((k) => k.id === wrapped.keyId)
    const kek = find(await this.#keyring(operatorId)) ?? find(await this.#keyring(operatorId, true))
    if (!kek) {
      throw new DerbesError('DERBES_VAULT_KEY_UNWRAP_FAILED', `operator '${operatorId}' has no key '${wrapped.keyId}'`)
    }
    return unwrapDataKey(kek.material, operatorId, wrapped)
  }

  async rotate(operatorId: string): Promise<string> {
    await this.#keyring(operatorId)
    const rotated = this.#store.update(operatorId, (stored) => withNewKek(stored, this.#clock()))
    this.#remember(operatorId, rotated)
    return (await rotated).current
  }

  async currentKeyId(operatorId: string): Promise<string> {
    return (await this.#keyring(operatorId)).current
  }

  async indexKey(operatorId: string): Promise<Buffer> {
    // A copy: the caller may zero or change it without touching the keyring.
    return Buffer.from((await this.#keyring(operatorId)).indexKey)
  }

  /**
   * Re-wraps a DEK under the current KEK (lazily after a rotation, e.g. when a
   * subject is next read); returns `wrapped` itself when it is current already.
   * The values the DEK encrypts stay as they are.
   */
  async rewrap(operatorId: string, wrapped: WrappedKey): Promise<WrappedKey> {
    if (wrapped.keyId === (await this.currentKeyId(operatorId))) return wrapped
    const dataKey = await this.unwrap(operatorId, wrapped)
    try {
      return await this.wrap(operatorId, dataKey)
    } finally {
      dataKey.fill(0)
    }
  }
}
