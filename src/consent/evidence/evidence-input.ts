import { Type, type Static } from '@sinclair/typebox'
import type { ConsentMethod } from '../../policy/index.ts'

const DateTime = Type.String({ format: 'date-time', description: 'ISO 8601 date and time with an offset' })

/** A ticked box, a registration, continued use of a resource, a submitted form (TTC-1.6, App.2 §2, KZK-2.3.4). */
const Interaction = Type.Object(
  {
    method: Type.Union([Type.Literal('checkbox'), Type.Literal('registration'), Type.Literal('continued_use'), Type.Literal('form_submission')]),
    checkedAt: Type.Optional(DateTime),
    ip: Type.Optional(Type.String({ minLength: 2, maxLength: 45, description: 'IPv4 or IPv6 address' })),
    userAgent: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })),
    pageUrl: Type.Optional(Type.String({ minLength: 1, maxLength: 2000, pattern: '^https?://' })),
  },
  { additionalProperties: false },
)

/** A code Derbes sent by SMS and checks itself (ESP-4, KZK-2.3.4). */
const SmsCode = Type.Object(
  {
    method: Type.Literal('sms_code'),
    challengeId: Type.String({ minLength: 1, maxLength: 64 }),
    code: Type.String({ pattern: '^[0-9]{6}$' }),
  },
  { additionalProperties: false },
)

/** A CMS SignedData (base64 DER) over the exact consent text (TTC-1.6, App.2 §2: an electronic document signed with EDS). */
const Eds = Type.Object(
  {
    method: Type.Literal('eds'),
    cms: Type.String({ minLength: 16, maxLength: 700_000, pattern: '^[A-Za-z0-9+/=\\s]+$' }),
  },
  { additionalProperties: false },
)

/** A paper form signed by hand, registered by staff with the SHA-256 of its scan. */
const PaperSignature = Type.Object(
  {
    method: Type.Literal('paper_signature'),
    scanSha256: Type.String({ pattern: '^[0-9a-fA-F]{64}$' }),
    receivedAt: Type.Optional(DateTime),
  },
  { additionalProperties: false },
)

/** A recorded call or a confirmation by phone (ESP-4: recorded phone calls). */
const Call = Type.Object(
  {
    method: Type.Union([Type.Literal('call_recording'), Type.Literal('phone_confirmation')]),
    recordingRef: Type.String({ minLength: 1, maxLength: 500 }),
    calledAt: Type.Optional(DateTime),
  },
  { additionalProperties: false },
)

/** Consent given through a state or non-state service, or by an application (art. 8(1)). */
const Reference = Type.Object(
  {
    method: Type.Union([Type.Literal('state_service'), Type.Literal('non_state_service'), Type.Literal('application')]),
    reference: Type.String({ minLength: 1, maxLength: 500 }),
  },
  { additionalProperties: false },
)

/** The schema of each method's evidence, for checks outside a route. */
export const EVIDENCE_SCHEMAS = [Interaction, SmsCode, Eds, PaperSignature, Call, Reference] as const

/** The proof of a consent as a client sends it; `verifyEvidence` checks it. */
export const EvidenceInputSchema = Type.Union([Interaction, SmsCode, Eds, PaperSignature, Call, Reference], {
  $id: 'EvidenceInput',
  description: 'How the consent was obtained and its proof (art. 8(1); TTC-1.6, App.2 §2; ESP-4; KZK-2.3.4)',
})

export type EvidenceInput = Static<typeof EvidenceInputSchema>

/**
 * Evidence after checking. `summary` holds no personal data (method, times,
 * hashes, verification results, the certificate's fingerprint, issuer and
 * validity) and goes into the consent record in the clear; `sealed` holds the
 * personal data (IP, user agent, phone, the signer's name and IIN, the CMS
 * itself), which the ledger encrypts under the subject's data key.
 */
export interface VerifiedEvidence {
  method: ConsentMethod
  summary: Record<string, unknown>
  sealed: Record<string, unknown>
}
