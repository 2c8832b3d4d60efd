import type { ColumnType } from 'kysely'
import type { Language } from '../../policy/index.ts'

type Timestamp = ColumnType<Date, Date | string, Date | string>
type Json<T = unknown> = ColumnType<T, string, string>

/**
 * The answer a request got, kept for download (issue 4 item 7: "download
 * from the portal"). What is in the clear says what kind of answer, when,
 * under which policy version and how it went out; the letter itself
 * (`AnswerDocument` JSON) is sealed under the subject's data key, or under a
 * key of the answer's own (wrapped by the operator's keyring) when there is
 * no subject key — a requester not held, or a subject destroyed by the
 * request itself.
 */
export interface RequestAnswersTable {
  operator_id: string
  request_id: string
  language: Language
  outcome: 'fulfilled' | 'refused' | 'no_data_held'
  issued_at: Timestamp
  policy_version_id: string
  /** SHA-256 of the sealed JSON: the letter that was sent is the letter that is downloaded. */
  document_sha256: string
  /** How it was delivered: `download` always, `email` when one was queued. */
  delivered: Json<string[]>
  sealed: string
  sealed_key_id: string | null
  sealed_wrapped_key: string | null
}

export interface FulfilmentTables {
  request_answers: RequestAnswersTable
}
