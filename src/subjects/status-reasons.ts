/**
 * Why a subject is blocked, unblocked, anonymised or destroyed — closed lists,
 * so no free text (which could carry personal data) reaches the audit log;
 * a `reference` names the request, act or order.
 */
export const BLOCK_REASONS = [
  'accuracy_in_doubt', // ESP-7: until verified
  'collection_unlawful', // art. 25(2)(8): information that collection conditions were breached
  'subject_request', // art. 24(1)
  'authority_request', // the authorised body
  'pending_destruction', // TW-9.8: cannot destroy in time — block, destroy within 6 months
  'other',
] as const
export type BlockReason = (typeof BLOCK_REASONS)[number]

export const UNBLOCK_REASONS = [
  'verified', // ESP-7: accuracy confirmed
  'breach_not_confirmed', // art. 25(2)(8): lift within 1 working day
  'subject_request',
  'authority_request',
  'other',
] as const
export type UnblockReason = (typeof UNBLOCK_REASONS)[number]

/** Art. 18 and the seeds' retention clauses. */
export const ERASE_REASONS = [
  'purpose_achieved', // art. 12(2), 18; TW-9.7
  'retention_ended', // TTC-6.5
  'relationship_ended', // PS-6.1–6.2
  'consent_withdrawn', // art. 8; ESP-8
  'unlawful_processing', // art. 25(2)(8); TW-9.4
  'court_order', // art. 18
  'subject_request', // art. 24(1)
  'authority_request',
  'statistics', // art. 17(1): anonymise before research
  'other',
] as const
export type EraseReason = (typeof ERASE_REASONS)[number]

export interface StatusChangeInput<Reason extends string> {
  operatorId: string
  subjectId: string
  reason: Reason
  /** The request, act or order behind it, e.g. "Request 2026-114" — no personal data. */
  reference?: string | undefined
}
