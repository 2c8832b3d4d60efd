import type { LocalizedText } from '../../policy/index.ts'
import type { ConsentRecord } from '../consent-record.ts'

/** Names the receipt format inside what is signed, so no other signed JSON of Derbes can pass for a receipt. */
export const RECEIPT_SCHEMA = 'derbes.consent-receipt.v1'

/** The names of what a record refers to by id, from the policy version the consent was given under, in kk, ru and en. */
export interface ReceiptLabels {
  formTitle: LocalizedText | null
  purposes: Record<string, LocalizedText>
  categories: Record<string, LocalizedText>
  items: Record<string, LocalizedText>
  recipients: Record<string, LocalizedText>
}

/**
 * What a subject gets for each consent event (issue 3 item 4; art. 8(4)):
 * the ledger's record without its sealed personal data, the record's hash,
 * the audit entry that chains that hash (when there is one), and the names
 * the record's ids stand for, so the receipt can be read and rendered alone.
 */
export interface ConsentReceipt {
  schema: typeof RECEIPT_SCHEMA
  operatorId: string
  eventId: string
  record: Omit<ConsentRecord, 'sealed'>
  /** SHA-256 of canonicalJson of the full stored record (sealed part included) — its `record_hash`. */
  recordHash: string
  /** Whether the ledger keeps personal data of this record sealed under the subject's key (IP, signer, phone…). */
  sealedEvidence: boolean
  /** The audit entry whose details carry this event's id and record hash. */
  auditEntry: { seq: number; hash: string } | null
  labels: ReceiptLabels
  issuedAt: string
}

/** A receipt with the installation's Ed25519 signature over the UTF-8 of `canonicalJson(receipt)`. */
export interface SignedConsentReceipt {
  receipt: ConsentReceipt
  /** base64 */
  signature: string
  keyId: string
  algorithm: 'Ed25519'
}
