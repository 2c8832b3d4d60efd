import { canonicalJson } from '../policy/index.ts'

/** Signs checkpoints. One implementation per key store: a local key file now, a KMS later. */
export interface CheckpointSigner {
  /** Names the key, stored beside each signature so a verifier knows which key to use. */
  readonly keyId: string
  /** Returns the base64 signature of `payload`. */
  sign(payload: Uint8Array): Promise<string>
}

/** Checks checkpoint signatures; false for a key it does not know. */
export interface CheckpointVerifier {
  verify(keyId: string, payload: Uint8Array, signature: string): Promise<boolean>
}

export interface CheckpointStatement {
  operatorId: string
  seq: number
  hash: string
  signedAt: Date
}

/**
 * The bytes a checkpoint signs: UTF-8 of
 * `canonicalJson(["derbes-audit-checkpoint-v1", operator_id, seq, hash, signed_at ISO])`.
 */
export function checkpointPayload(statement: CheckpointStatement): Uint8Array {
  return Buffer.from(
    canonicalJson(['derbes-audit-checkpoint-v1', statement.operatorId, statement.seq, statement.hash, statement.signedAt.toISOString()]),
    'utf8',
  )
}
