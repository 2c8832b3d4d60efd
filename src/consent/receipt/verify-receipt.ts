import { createPublicKey, verify } from 'node:crypto'
import type { CheckpointVerifier } from '../../audit/index.ts'
import { canonicalJson } from '../../policy/index.ts'
import { RECEIPT_SCHEMA, type ConsentReceipt, type SignedConsentReceipt } from './consent-receipt.ts'

/** The bytes a receipt's signature covers: UTF-8 of canonicalJson(receipt) — keys sorted, no whitespace. */
export function receiptPayload(receipt: ConsentReceipt): Uint8Array {
  return Buffer.from(canonicalJson(receipt), 'utf8')
}

function wellFormed(signed: SignedConsentReceipt): boolean {
  return signed?.algorithm === 'Ed25519' && signed.receipt?.schema === RECEIPT_SCHEMA && typeof signed.signature === 'string' && typeof signed.keyId === 'string'
}

/**
 * Whether a signed receipt is intact and signed by a key the verifier knows
 * (the installation's signer). Any change to the receipt — a purpose added,
 * a date moved, a hash replaced — makes it false.
 *
 * @example
 * await verifyReceipt(await buildReceipt(deps, 'esp', eventId), deps.signer) // true
 */
export async function verifyReceipt(signed: SignedConsentReceipt, verifier: CheckpointVerifier): Promise<boolean> {
  if (!wellFormed(signed)) return false
  return verifier.verify(signed.keyId, receiptPayload(signed.receipt), signed.signature)
}

/**
 * The same check with only the public key (PEM, SPKI) — what a subject, a
 * court or the authorised body can do without Derbes, key from
 * `GET /v1/consent-receipts/signing-key`.
 */
export function verifyReceiptWithPublicKey(signed: SignedConsentReceipt, publicKeyPem: string): boolean {
  if (!wellFormed(signed)) return false
  try {
    return verify(null, receiptPayload(signed.receipt), createPublicKey(publicKeyPem), Buffer.from(signed.signature, 'base64'))
  } catch {
    return false
  }
}
