import type { ConsentMethod, ConsentTerm, LocalizedText } from '../policy/index.ts'
import type { ConsentEventKind } from './consent-tables.ts'

/**
 * One consent event as the ledger keeps it (`consent_events.record`): the
 * fields of an ISO/IEC TS 27560 consent record and what art. 8(4) of Law
 * 94-V demands of a consent. Its SHA-256 (canonical JSON) is the event's
 * `record_hash`, chained into the audit log. Personal data the record needs
 * (the subject's full name, IP address, user agent, phone, the signed
 * document) is never in the clear here: it is in `sealed`, encrypted under
 * the subject's data key, and is shredded with the subject.
 */
export interface ConsentRecord {
  schema: 'derbes.consent-record.v1'
  /** = the event id (27560 record identifier). */
  recordId: string
  kind: ConsentEventKind
  /** art. 8(4)(1): the operator's name and BIN. */
  operator: { id: string; bin: string | null; name: LocalizedText }
  /** art. 8(4)(2): the subject; the full name is sealed. */
  subject: { id: string; kind: string }
  /** Who consented: the subject, or a representative (KZK-1.13 parent, TW-4.1 legal representative, ESP-3 attorney). */
  givenBy: { kind: 'subject' } | { kind: 'representative'; representativeId: string; relation: string }
  /** The exact text shown (27560 notice): form id and version, the policy version, language and the SHA-256 of the text. */
  form: { id: string; version: number; policyVersionId: string; language: 'kk' | 'ru' | 'en'; textHash: string }
  purposes: { id: string; basis: string }[]
  /** art. 8(4)(7): the list of data. */
  categories: string[]
  items: string[]
  /** Per-channel marketing consent (ESP-2); empty when the purposes have no channel. */
  channels: string[]
  /** The same per purpose: which channels of which marketing purpose (ESP-2, TTC-9.4). Absent when none. */
  channelsByPurpose?: Record<string, string[]>
  /** art. 8(4)(4)–(6): third-party transfer, cross-border transfer and its countries, publication. */
  recipients: { id: string; role: string; country: string }[]
  thirdPartyTransfer: boolean
  crossBorder: { allowed: boolean; countries: string[] }
  publication: boolean
  /** art. 8(4)(3), 8(5)–(6): the term, and when it ends if that is known. */
  term: ConsentTerm | null
  expiresAt: string | null
  /** art. 8(1) and 25(2)(5): how consent was obtained and the proof (no personal data here; see `sealed`). */
  method: ConsentMethod | null
  evidence: Record<string, unknown>
  /** For withdrawals: the channel, the notice period, why it was refused (TTC-9.1, art. 8(2)). */
  withdrawal?: {
    channel: string
    noticeBusinessDays: number
    refusedFor?: { code: string; clause: string; detail: string }[]
    /** The form's consequences this withdrawal triggers (whole-form withdrawals only: ESP-9, TTC-9.3, PS-7.1). */
    consequences?: string[]
    /** When the subject's application was received, if not when it was recorded (registered mail, courier). */
    receivedAt?: string
  }
  /** The consent event this one answers (a withdrawal of a given consent, a re-affirmation). */
  previousEventId?: string
  /** All the consent events this one answers, when more than one (a withdrawal of purposes consented at different times). */
  previousEventIds?: string[]
  recordedAt: string
  effectiveAt: string
  /** Who recorded it: `subject:<id>`, `api_key:<id>`, `staff:<id>`. */
  recordedBy: string
  /** Personal data of the record, AES-256-GCM under the subject's data key (vault format), or null. */
  sealed: string | null
}
