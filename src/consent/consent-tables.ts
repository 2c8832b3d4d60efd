import type { ColumnType } from 'kysely'

type Timestamp = ColumnType<Date, Date | string, Date | string>
type Json<T = unknown> = ColumnType<T, string, string>
/** pg returns bigint as a string, PGlite as a number; read it through `Number()`. */
type BigIntColumn = ColumnType<string | number, never, never>

export const CONSENT_EVENT_KINDS = ['given', 'refused', 'withdrawn', 'withdrawal_requested', 'withdrawal_refused', 'expired', 'reaffirmed'] as const
export type ConsentEventKind = (typeof CONSENT_EVENT_KINDS)[number]

export const CONSENT_STATUSES = ['given', 'refused', 'withdrawn', 'withdrawal_pending', 'expired'] as const
export type ConsentStatus = (typeof CONSENT_STATUSES)[number]

/** Append-only: one row per consent event; `record` is the full ISO/IEC 27560 / art. 8(4) record. */
export interface ConsentEventsTable {
  operator_id: string
  event_id: string
  seq: BigIntColumn
  subject_id: string | null
  kind: ConsentEventKind
  recorded_at: Timestamp
  /** When the event takes effect: a withdrawal with a notice period later than it was recorded (ESP App.1 §5). */
  effective_at: Timestamp
  form_id: string | null
  form_version: number | null
  purposes: Json<string[]>
  record: Json<Record<string, unknown>>
  /** SHA-256 of the canonical JSON of `record`, also written to the audit chain. */
  record_hash: string
}

/** The projection decisions read: the current state per subject, purpose and channel ('' when the purpose has none). */
export interface ConsentStateTable {
  operator_id: string
  subject_id: string
  purpose_id: string
  channel: ColumnType<string, string | undefined, string>
  status: ConsentStatus
  form_id: string
  form_version: number
  event_id: string
  given_at: Timestamp | null
  expires_at: Timestamp | null
  withdrawal_effective_at: Timestamp | null
  by_representative: ColumnType<boolean, boolean | undefined, boolean>
  /** Countries a cross-border transfer is consented to (ISO 3166 alpha-2). */
  countries: ColumnType<string[], string | undefined, string>
  updated_at: Timestamp
}

/** An obligation of the subject to the operator that is not yet fulfilled blocks withdrawal (TTC-9.1, KZK-2.3.5, art. 8(2)). */
export interface SubjectObligationsTable {
  operator_id: string
  subject_id: string
  obligation_id: string
  kind: string
  description: string | null
  opened_at: Timestamp
  fulfilled_at: Timestamp | null
}

/**
 * A website visitor's cookie choice per category (TTC-5 banner), append-only:
 * the newest row of a visitor is the current choice. Nothing identifies the
 * visitor beyond the banner's random `visitor_id`.
 */
export interface CookieConsentsTable {
  operator_id: string
  consent_id: string
  seq: BigIntColumn
  visitor_id: string
  /** The policy version whose banner the visitor saw. */
  policy_version_id: string
  language: 'kk' | 'ru' | 'en'
  /** Every cookie category of that policy → allowed or not; `necessary` is always true. */
  choices: Json<Record<string, boolean>>
  /** The browser sent Global Privacy Control: every non-necessary category is refused. */
  gpc: boolean
  recorded_at: Timestamp
  /** SHA-256 of the canonical JSON of the stored choice, like a consent record's. */
  record_hash: string
}

/** An SMS code Derbes sent to confirm a consent (ESP-4, KZK-2.3.4): only its HMAC is kept; at most 5 attempts; single use. */
export interface SmsChallengesTable {
  operator_id: string
  challenge_id: string
  subject_id: string
  /** Blind index of the phone the code went to; it matched the subject's phone identifier. */
  phone_index: string
  /** The phone, AES-256-GCM sealed, for the consent record's sealed evidence. */
  phone_sealed: string
  form_id: string
  form_version: number
  language: 'kk' | 'ru' | 'en'
  /** The consent text the code confirms (consentTextHash). */
  text_hash: string
  code_hmac: string
  created_at: Timestamp
  expires_at: Timestamp
  attempts: ColumnType<number, number | undefined, number>
  consumed_at: Timestamp | null
}

/** The default SMS gateway: the operator's SMS provider adapter reads it. The message (phone, text with the code) is sealed and wiped once sent. */
export interface SmsOutboxTable {
  operator_id: string
  message_id: string
  seq: BigIntColumn
  subject_id: string
  challenge_id: string | null
  language: 'kk' | 'ru' | 'en'
  sealed: string | null
  created_at: Timestamp
  expires_at: Timestamp
  sent_at: Timestamp | null
  provider_ref: string | null
}

export interface ConsentTables {
  consent_events: ConsentEventsTable
  consent_state: ConsentStateTable
  subject_obligations: SubjectObligationsTable
  cookie_consents: CookieConsentsTable
  sms_challenges: SmsChallengesTable
  sms_outbox: SmsOutboxTable
}
