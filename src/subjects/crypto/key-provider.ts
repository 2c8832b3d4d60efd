/**
 * A subject's data key (DEK) as stored in `subject_keys`: wrapped (encrypted)
 * by one of the operator's key-encryption keys (KEK), named by `keyId`.
 */
export interface WrappedKey {
  keyId: string
  /** base64 of nonce (12 bytes) ‖ encrypted DEK (32) ‖ GCM tag (16). */
  ciphertext: string
}

/**
 * Where an operator's keys live: the local keyring file by default
 * (`LocalKeyProvider`), a KMS behind the same interface later. Key material
 * never leaves a provider except as the index key, which `blindIndex` needs.
 *
 * Wrapping is AES-256-GCM with a random 96-bit nonce and, as additional
 * authenticated data, the operator id and the KEK's id. AES-KW (RFC 3394/5649)
 * was the other candidate: it needs no nonce, but it has no associated data,
 * so it could not bind the operator — a wrapped key copied into another
 * operator's rows (under a KEK both happened to share, e.g. after a restore
 * mix-up) would unwrap there. GCM binds it, and its one hazard, nonce reuse
 * under one key, needs about 2^32 wraps per KEK to become likely: a DEK is
 * wrapped once per subject and again per rotation, and rotation starts a new KEK.
 */
export interface KeyProvider {
  /** Wraps `dataKey` with the operator's current KEK; creates the operator's keys on first use. */
  wrap(operatorId: string, dataKey: Buffer): Promise<WrappedKey>
  /** Unwraps with the KEK `wrapped.keyId` names, current or retired. Throws `DERBES_VAULT_KEY_UNWRAP_FAILED`. */
  unwrap(operatorId: string, wrapped: WrappedKey): Promise<Buffer>
  /**
   * Adds a new KEK and makes it current; earlier KEKs stay for unwrapping, so
   * no stored value needs re-encrypting. Returns the new key id.
   */
  rotate(operatorId: string): Promise<string>
  currentKeyId(operatorId: string): Promise<string>
  /**
   * The operator's 32-byte key for blind indexes. It is not rotated with the
   * KEKs: a new one would change every stored blind index.
   */
  indexKey(operatorId: string): Promise<Buffer>
}
