import { KeyringKeyProvider, type KeyringKeyProviderOptions, type KeyringStore } from './keyring-key-provider.ts'
import type { Keyring } from './keyring.ts'

/**
 * FOR TESTS ONLY. Keyrings that live as long as the object: every key, and so
 * every value encrypted under it, is gone when the process ends. Production
 * uses `LocalKeyProvider` or a KMS.
 */
export class MemoryKeyProvider extends KeyringKeyProvider {
  constructor(options: KeyringKeyProviderOptions = {}) {
    const keyrings = new Map<string, Keyring>()
    const store: KeyringStore = {
      read: async (operatorId) => keyrings.get(operatorId),
      create: async (operatorId, keyring) => {
        if (!keyrings.has(operatorId)) keyrings.set(operatorId, keyring)
        return keyrings.get(operatorId)!
      },
      update: async (operatorId, change) => {
        const changed = change(keyrings.get(operatorId)!)
        keyrings.set(operatorId, changed)
        return changed
      },
    }
    super(store, options)
  }
}
