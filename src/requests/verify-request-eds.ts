import { matchSigner, type SignerMatch } from '../consent/evidence/index.ts'
import { DerbesError } from '../errors/index.ts'
import { EdsCheckFailure } from '../eds/eds-check-failure.ts'
import { edsTrustFromEnvironment } from '../eds/eds-trust-store.ts'
import { verifyCmsSignature } from '../eds/verify-cms-signature.ts'
import type { IdentityProofInput } from './identity-proof.ts'
import type { RequestsDeps } from './requests-deps.ts'

const POINTER = '/body/identityProof/signature/cms'

/** What Derbes found checking a request's EDS: no personal data (the certificate's name and IIN stay in the sealed CMS). */
export interface RequestEdsCheck {
  /** SHA-256 of the signed document: the attached content's, or the one given for a detached signature. */
  documentSha256: string
  attached: boolean
  signedAt: string
  signingTimeSource: 'signed_attribute' | 'verification_time'
  verifiedAt: string
  certificateFingerprint: string
  signer: SignerMatch
  revocation: 'not_checked'
}

export type RequestEdsDeps = Pick<RequestsDeps, 'db' | 'keys' | 'edsTrust'>

/**
 * Checks the EDS of a request received as an electronic document (ESP-9: an
 * electronic request is signed with EDS; TW-4.5; art. 10(2)) — a CMS
 * SignedData, base64 DER, the document attached or, detached, named by its
 * SHA-256 — with the check shared by consents and destruction acts
 * (src/eds/): signature, content, the certificate at the signing time, the
 * chain to a trusted CA. Then, when the subject is known, the certificate's
 * IIN must be the subject's or a representative's valid that day (by blind
 * index). Revocation is not checked (no OCSP/CRL offline).
 *
 * @example
 * const check = await verifyRequestEds(deps, { operatorId: 'esp', subjectId, now }, { cms, documentSha256 })
 */
export async function verifyRequestEds(
  deps: RequestEdsDeps,
  context: { operatorId: string; subjectId: string | null; now: Date },
  signature: { cms: string; documentSha256?: string | undefined },
): Promise<RequestEdsCheck> {
  const trust = deps.edsTrust ?? (await edsTrustFromEnvironment())
  let checked: Awaited<ReturnType<typeof verifyCmsSignature>>
  try {
    checked = await verifyCmsSignature(signature.cms, { contentHash: signature.documentSha256, contentName: 'the request document', now: context.now, trust })
  } catch (error) {
    if (error instanceof EdsCheckFailure) {
      const detail = `the EDS does not prove the request document signed (${error.kind.toLowerCase().replaceAll('_', ' ')}): ${error.message}`
      throw new DerbesError('DERBES_REQUEST_EDS_INVALID', detail, [{ pointer: POINTER, detail }])
    }
    throw error
  }
  const mismatch = (detail: string) => new DerbesError('DERBES_REQUEST_EDS_SIGNER_MISMATCH', detail, [{ pointer: POINTER, detail }])
  const signer: SignerMatch = context.subjectId
    ? await matchSigner(deps.db, deps.keys, { operatorId: context.operatorId, subjectId: context.subjectId }, checked.signer.iin, checked.signedAt, mismatch)
    : { matched: 'not_checked' }
  return {
    documentSha256: checked.signedContentHash,
    attached: checked.attached,
    signedAt: checked.signedAt.toISOString(),
    signingTimeSource: checked.signingTimeSource,
    verifiedAt: context.now.toISOString(),
    certificateFingerprint: checked.certificate.fingerprintSha256,
    signer,
    revocation: 'not_checked',
  }
}

/**
 * The EDS check of a request's identity proof, when it carries a CMS: only
 * an `eds` signature may (a CMS beside a handwritten signature is a
 * mistake, refused). Without a CMS nothing is checked here — an `eds`
 * signature then stands for the operator's own document system's check.
 */
export async function checkIdentityProofEds(
  deps: RequestEdsDeps,
  context: { operatorId: string; subjectId: string | null; now: Date },
  proof: IdentityProofInput | undefined,
): Promise<RequestEdsCheck | undefined> {
  const signature = proof?.signature
  if (signature?.cms === undefined) return undefined
  if (signature.kind !== 'eds') {
    const detail = `a CMS signature belongs to an eds signature, not to ${signature.kind}`
    throw new DerbesError('DERBES_VALIDATION', detail, [{ pointer: POINTER, detail }])
  }
  return verifyRequestEds(deps, context, { cms: signature.cms, documentSha256: signature.documentSha256 })
}

/** What the audit entry says of a checked EDS: the certificate and whom it matched. */
export const edsAuditDetails = (check: RequestEdsCheck) => ({
  eds: { certificateFingerprint: check.certificateFingerprint, signedAt: check.signedAt, documentSha256: check.documentSha256, signer: check.signer.matched },
})
