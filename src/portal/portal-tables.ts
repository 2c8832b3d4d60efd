import type { ColumnType } from 'kysely'
import type { Language } from '../policy/index.ts'

type Timestamp = ColumnType<Date, Date | string, Date | string>

/** The identifiers a sign-in code goes to: a registered phone (SMS) or e-mail. */
export const SIGN_IN_IDENTIFIER_KINDS = ['phone', 'email'] as const
export type SignInIdentifierKind = (typeof SIGN_IN_IDENTIFIER_KINDS)[number]

/**
 * One sign-in code asked for. A row exists for an identifier nobody holds too
 * (`subject_id` null, no code sent): the answer, the attempt limit and the
 * rate limit then look the same whether or not the identifier is registered.
 * The code exists only as an HMAC; the identifier only as its blind index.
 */
export interface PortalSignInCodesTable {
  operator_id: string
  challenge_id: string
  identifier_kind: SignInIdentifierKind
  identifier_index: string
  subject_id: string | null
  language: Language
  code_hmac: string
  created_at: Timestamp
  expires_at: Timestamp
  attempts: ColumnType<number, number | undefined, number>
  consumed_at: Timestamp | null
}

/** A subject's portal session: only the SHA-256 of the `dss.` token's secret is stored. */
export interface PortalSessionsTable {
  operator_id: string
  session_id: string
  subject_id: string
  secret_hash: string
  /** The sign-in code that opened it. */
  challenge_id: string
  identifier_kind: SignInIdentifierKind
  language: Language
  created_at: Timestamp
  last_seen_at: Timestamp
  expires_at: Timestamp
  ended_at: Timestamp | null
}

/**
 * One take counted against a per-address limit of the portal (`address-limits.ts`):
 * the client address only as a keyed hash, pruned an hour on.
 */
export interface PortalAddressTakesTable {
  operator_id: string
  counter: 'sign_in_codes' | 'requests'
  address_key: string
  taken_at: Timestamp
}

export interface PortalTables {
  portal_sign_in_codes: PortalSignInCodesTable
  portal_sessions: PortalSessionsTable
  portal_address_takes: PortalAddressTakesTable
}
