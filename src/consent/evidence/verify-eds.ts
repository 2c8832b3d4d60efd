import type { Kysely } from 'kysely'
import type { Database } from '../../db/index.ts'
import { DerbesError } from '../../errors/index.ts'
import type { KeyProvider } from '../../subjects/crypto/index.ts'
import { EdsCheckFailure } from '../../eds/eds-check-failure.ts'
import type { EdsTrustStore } from '../../eds/eds-trust-store.ts'
import { verifyCmsSignature, type VerifiedCms } from '../../eds/verify-cms-signature.ts'
import { matchSigner } from './eds-signer-match.ts'
import type { VerifiedEvidence } from './evidence-input.ts'

export interface EdsContext {
  operatorId: string
  subjectId: string
  /** consentTextHash of the form in the language shown: what must have been signed. */
  textHash: string
  now: Date
}

/**
 * Checks an EDS-signed consent (TTC-1.6, App.2 §2: an electronic document
 * signed with EDS; art. 8(1)) — a CMS SignedData, base64 DER, over the exact
 * consent text (`consentText`), attached or detached. The CMS check itself
 * (signature, content, certificate at the signing time, chain to a trusted
 * CA) is the shared one of src/eds/ (`verifyCmsSignature`), the one that
 * checks signed destruction acts too; here:
 * 5. the certificate's IIN is the subject's or a representative's (blind index).
 * A failure is `DERBES_CONSENT_EDS_<kind>` at `/body/evidence/cms`.
 * The CMS itself and the signer's name, IIN and BIN are sealed; the summary
 * keeps hashes, times, algorithms and the certificates' fingerprints.
 */
export async function verifyEds(db: Kysely<Database>, keys: KeyProvider, trust: EdsTrustStore, context: EdsContext, cms: string): Promise<VerifiedEvidence> {
  let checked: VerifiedCms
  try {
    checked = await verifyCmsSignature(cms, { contentHash: context.textHash, contentName: 'the consent text shown', now: context.now, trust })
  } catch (error) {
    if (error instanceof EdsCheckFailure) throw new DerbesError(`DERBES_CONSENT_EDS_${error.kind}`, error.message, [{ pointer: '/body/evidence/cms', detail: error.message }])
    throw error
  }
  const match = await matchSigner(db, keys, context, checked.signer.iin, checked.signedAt)
  return {
    method: 'eds',
    summary: {
      method: 'eds',
      textHash: context.textHash,
      attached: checked.attached,
      digestAlgorithm: checked.digestAlgorithm,
      signatureAlgorithm: checked.signatureAlgorithm,
      signedAt: checked.signedAt.toISOString(),
      signingTimeSource: checked.signingTimeSource,
      verifiedAt: context.now.toISOString(),
      certificate: checked.certificate,
      chain: checked.chain,
      signerKind: checked.signer.bin ? 'legal_entity_representative' : checked.signer.iin ? 'individual' : 'unknown',
      signer: match,
      revocation: 'not_checked',
    },
    sealed: { cms: checked.der.toString('base64'), signer: checked.signer.sealed },
  }
}
