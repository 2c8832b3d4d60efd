/**
 * The personal-data vault's cryptography, without a database (DESIGN "Storage").
 *
 * Keys. Each operator has a keyring (`KeyProvider`; by default the file
 * `.derbes/keys/<operatorId>.json`): key-encryption keys (KEKs), one current,
 * and a blind-index key. Each subject has its own data key (DEK, `newDataKey`),
 * stored only wrapped by a KEK in `subject_keys`. Each value in `vault_items`
 * is encrypted with its subject's DEK (`encryptField`), bound to operator,
 * subject and item. Identifiers are stored only as blind indexes (`blindIndex`).
 * Rotating a KEK re-encrypts nothing: old KEKs stay to unwrap, and `rewrap`
 * moves a DEK to the current KEK whenever convenient.
 *
 * Crypto-shredding. Destroying a subject's data (art. 18 of Law 94-V: the
 * storage term or the relationship ended, a court ordered it, it was collected
 * unlawfully) deletes its wrapped-DEK row — the DB module does that, with its rows. From then on the subject's ciphertexts are
 * unreadable everywhere they survive, backups and replicas included: the DEK
 * existed nowhere else (it is unwrapped in memory per use, never stored
 * plainly), and AES-256-GCM without the key reveals nothing. A backup taken
 * BEFORE destruction still holds the wrapped DEK; it is shredded only when
 * that backup expires, or when every KEK that wrapped it is retired from the
 * keyring (after a rotation and a `rewrap` of all remaining subjects).
 *
 * An attacker with a database backup but without the keyring can learn:
 * - which operators, subjects and items exist, the row metadata stored in the
 *   clear (kinds, statuses, dates, sources, purposes, representatives) and
 *   which KEK wrapped each DEK;
 * - each value's length in UTF-8 bytes (GCM does not pad), which can hint at
 *   its kind — a 12-character IIN, a long address;
 * - equality of identifiers within one operator: two subjects with the same
 *   blind index share that IIN, phone, e-mail or document number.
 * They cannot learn: any value or identifier (no key to decrypt, and blind
 * indexes cannot be brute-forced over the small IIN/phone spaces without the
 * index key); whether two ciphertexts hold the same value (random nonces);
 * whether one person is a subject of two operators (per-operator index keys);
 * nor can they alter a value, move it to another subject or item, or move a
 * wrapped DEK to another operator undetected (GCM tags over the bound ids).
 * With the keyring as well they can read everything not yet shredded — keep
 * the keyring out of database backups and back it up separately.
 */
export type { KeyProvider, WrappedKey } from './key-provider.ts'
export { KeyringKeyProvider, type KeyringKeyProviderOptions, type KeyringStore } from './keyring-key-provider.ts'
export type { Kek, Keyring } from './keyring.ts'
export { LocalKeyProvider, DEFAULT_KEYS_DIRECTORY, type LocalKeyProviderOptions } from './local-key-provider.ts'
export { MemoryKeyProvider } from './memory-key-provider.ts'
export { newDataKey, encryptField, decryptField, type FieldContext } from './field-cipher.ts'
export {
  IDENTIFIER_KINDS,
  isIdentifierKind,
  normalizeIdentifier,
  blindIndex,
  blindIndexFor,
  type IdentifierKind,
} from './blind-index.ts'
