import type { CompiledPolicy } from '../policy/index.ts'
import type { IntakeChannel } from './request-kinds.ts'

/** How a request proves whose it is (policy `requests.identityProof`, ESP-9). Every value is personal data: sealed. */
export interface IdentityProofInput {
  /** The number of the main ID document of the subject or legal representative (ESP-9). */
  idDocumentNumber?: string | undefined
  idDocumentIssueDate?: string | undefined
  idDocumentIssuer?: string | undefined
  /**
   * How the request is signed: by hand (a paper letter, its scan hashed), with
   * an EDS (an electronic document: with its CMS Derbes checks it, without
   * it the operator's document system did), or — for portal intake only — the subject's portal login or an SMS
   * code. `reference` names the registered document, session or code.
   */
  signature?:
    | {
        kind: SignatureKind
        reference?: string | undefined
        /** An `eds` signature's CMS (base64 DER, from NCALayer): Derbes checks it (verifyRequestEds). */
        cms?: string | undefined
        /** SHA-256 of the signed document, needed for a detached CMS. */
        documentSha256?: string | undefined
      }
    | undefined
}

export const SIGNATURE_KINDS = ['handwritten_signature', 'eds', 'portal_login', 'sms_code'] as const
export type SignatureKind = (typeof SIGNATURE_KINDS)[number]

const DOCUMENT_FIELDS = [
  ['id_document_number', 'idDocumentNumber'],
  ['id_document_issue_date', 'idDocumentIssueDate'],
  ['id_document_issuer', 'idDocumentIssuer'],
] as const
/** Proof that stands for the subject's own authenticated session; only a portal request has one. */
const PORTAL_ONLY: readonly SignatureKind[] = ['portal_login', 'sms_code']

export interface IdentityProofCheck {
  /** What the policy demands; alternatives joined by `|` (`handwritten_signature|eds`). */
  required: string[]
  /** The kinds of proof given (never their values). */
  given: string[]
  missing: string[]
}

/**
 * Checks identity proof against the policy's `requests.identityProof`: each
 * ID-document field it lists is required, and of the signature kinds it lists
 * one is enough (ESP-9: number, issue date and issuer of the ID document, and
 * a handwritten signature — or an electronic one for an electronic request).
 * A portal request's login or SMS code counts as its signature. The
 * authorised body's own requests need none. Nothing demanded: nothing missing.
 *
 * @example
 * identityProofCheck(esp, 'written', { idDocumentNumber: '041234567', signature: { kind: 'handwritten_signature' } })
 * // { required: ['id_document_number', 'id_document_issue_date', 'id_document_issuer', 'handwritten_signature|eds'],
 * //   given: ['id_document_number', 'handwritten_signature'], missing: ['id_document_issue_date', 'id_document_issuer'] }
 */
export function identityProofCheck(
  policy: CompiledPolicy,
  channel: IntakeChannel,
  proof: IdentityProofInput | undefined,
  requestedBy: 'subject' | 'representative' | 'authorised_body' = 'subject',
): IdentityProofCheck {
  const demanded: readonly string[] = policy.document.requests?.identityProof ?? []
  const given: string[] = []
  for (const [kind, field] of DOCUMENT_FIELDS) if (proof?.[field]?.trim()) given.push(kind)
  const signature = proof?.signature?.kind
  const signatureCounts = signature !== undefined && (channel === 'portal' || !PORTAL_ONLY.includes(signature))
  if (signature && signatureCounts) given.push(signature)
  if (demanded.length === 0 || requestedBy === 'authorised_body') return { required: [], given, missing: [] }

  const required: string[] = DOCUMENT_FIELDS.map(([kind]) => kind).filter((kind) => demanded.includes(kind))
  const signatures = new Set(SIGNATURE_KINDS.filter((kind) => demanded.includes(kind)))
  if (channel === 'portal' && signatures.size > 0) for (const kind of PORTAL_ONLY) signatures.add(kind)
  else for (const kind of PORTAL_ONLY) signatures.delete(kind)
  const missing = required.filter((kind) => !given.includes(kind))
  if (signatures.size > 0) {
    const alternatives = [...signatures].join('|')
    required.push(alternatives)
    if (!(signature && signatures.has(signature))) missing.push(alternatives)
  }
  return { required, given, missing }
}
