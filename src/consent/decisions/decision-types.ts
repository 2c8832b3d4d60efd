import type { LegalBasis } from '../../policy/index.ts'
import type { ConsentStatus } from '../consent-tables.ts'
import type { ReasonCode } from './decision-reasons.ts'

/** What is asked: may this operator process these items of this subject for this purpose (through this channel, to this recipient in this country) now? */
export interface DecisionRequest {
  readonly subjectId: string
  readonly purpose: string
  /** Data items of the policy's list (Тізбе); absent = the purpose's own items, nothing more. */
  readonly items?: readonly string[] | undefined
  /** The communication channel, e.g. `sms` (ESP-2 per-channel marketing consent). */
  readonly channel?: string | undefined
  /** A recipient id of the policy the data goes to. */
  readonly recipient?: string | undefined
  /** ISO 3166-1 alpha-2 of the destination; the recipient's country when absent. */
  readonly country?: string | undefined
}

/** One reason a decision denies: a stable code, the law article, and the policy's clauses behind it. */
export interface DecisionReason {
  readonly code: ReasonCode
  /** The article of Law 94-V (or the Civil Code) the rule comes from, e.g. `art. 25(2)(8)`. */
  readonly clause: string
  /** The clauses of the operator's own policy the rule comes from, e.g. `['TTC-6.4']`; empty when it cites none. */
  readonly policyClauses: readonly string[]
  /** The items, channel, recipient or country concerned, or the consent's form and version. */
  readonly detail?: Readonly<Record<string, string | number | readonly string[]>>
}

export interface Decision {
  readonly allow: boolean
  /** The purpose's legal basis; null when the purpose is unknown. */
  readonly basis: LegalBasis | null
  /** Empty when allowed; otherwise every reason, not just the first. */
  readonly reasons: readonly DecisionReason[]
}

/** One row of `consent_state` as decisions need it; times in epoch milliseconds. */
export interface ConsentFact {
  readonly purposeId: string
  /** '' when the consent is not per channel. */
  readonly channel: string
  readonly status: ConsentStatus
  readonly formId: string
  readonly formVersion: number
  readonly expiresAt: number | null
  readonly withdrawalEffectiveAt: number | null
  readonly byRepresentative: boolean
  /** Countries a cross-border transfer is consented to. */
  readonly countries: readonly string[]
}

export const SUBJECT_FACT_STATUSES = ['active', 'blocked', 'anonymised', 'destroyed'] as const

/** What decisions know of one subject without decrypting anything: its `subjects` row and its `consent_state` rows. */
export interface SubjectFacts {
  readonly subjectId: string
  readonly kind: string
  readonly status: (typeof SUBJECT_FACT_STATUSES)[number]
  readonly relationshipEndedAt: number | null
  /** Midnight in Almaty of the day the subject comes of age; null when adult or unknown. */
  readonly minorUntil: number | null
  readonly legalCapacity: 'full' | 'limited' | 'none'
  readonly consents: readonly ConsentFact[]
}
