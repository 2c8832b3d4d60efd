import { createHash } from 'node:crypto'
import * as asn1js from 'asn1js'
import * as pkijs from 'pkijs'
import type { Kysely } from 'kysely'
import type { Database } from '../../db/index.ts'
import { DerbesError } from '../../errors/index.ts'
import type { KeyProvider } from '../../subjects/crypto/index.ts'
import { certificateSigner, describeCertificate, mayProveConsent, validAt } from './eds-certificate.ts'
import { chainToTrustedCa } from './eds-chain.ts'
import { parseSignedData, signedAttribute, signerCertificate } from './eds-cms.ts'
import { EDS_ENGINE } from './eds-crypto.ts'
import { matchSigner } from './eds-signer-match.ts'
import type { EdsTrustStore } from './eds-trust-store.ts'
import { CLOCK_SKEW_MS } from './evidence-time.ts'
import type { VerifiedEvidence } from './evidence-input.ts'

const DIGESTS: Readonly<Record<string, string>> = { '2.16.840.1.101.3.4.2.1': 'SHA-256', '2.16.840.1.101.3.4.2.2': 'SHA-384', '2.16.840.1.101.3.4.2.3': 'SHA-512' }
/** Signature OIDs that name only the key type: the digest comes from the SignerInfo (as openssl writes RSA). */
const BARE_KEY_ALGORITHMS = new Set(['1.2.840.113549.1.1.1', '1.2.840.10045.2.1'])

const at = (detail: string) => [{ pointer: '/body/evidence/cms', detail }]
const fail = (code: 'DERBES_CONSENT_EDS_UNSUPPORTED' | 'DERBES_CONSENT_EDS_CONTENT_MISMATCH' | 'DERBES_CONSENT_EDS_SIGNATURE_INVALID' | 'DERBES_CONSENT_EDS_CERTIFICATE_NOT_VALID', detail: string) =>
  new DerbesError(code, detail, at(detail))

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
 * consent text (`consentText`), attached or detached:
 * 1. the signature verifies with the signer certificate's key (for signed
 *    attributes, the message digest matches the attached content);
 * 2. the signed content is the text shown: its SHA-256 is `textHash`
 *    (detached: the SHA-256 message-digest attribute is `textHash`);
 * 3. the signer certificate was valid, and allowed signing, at the signing
 *    time (the signing-time attribute, else now; not in the future);
 * 4. it chains to a CA of the trust store, valid at that time;
 * 5. the certificate's IIN is the subject's or a representative's (blind index).
 * The CMS itself and the signer's name, IIN and BIN are sealed; the summary
 * keeps hashes, times, algorithms and the certificates' fingerprints.
 */
export async function verifyEds(db: Kysely<Database>, keys: KeyProvider, trust: EdsTrustStore, context: EdsContext, cms: string): Promise<VerifiedEvidence> {
  const der = Buffer.from(cms.replace(/\s+/g, ''), 'base64')
  const signed = parseSignedData(der)
  const signerInfo = signed.signerInfos[0]!
  const certificate = await signerCertificate(signed, signerInfo)

  const digestAlgorithm = DIGESTS[signerInfo.digestAlgorithm.algorithmId]
  if (!digestAlgorithm) throw fail('DERBES_CONSENT_EDS_UNSUPPORTED', `digest algorithm ${signerInfo.digestAlgorithm.algorithmId} is not SHA-256, SHA-384 or SHA-512`)
  const eContent = signed.encapContentInfo.eContent
  const content = eContent ? Buffer.from(eContent.getValue()) : undefined
  const messageDigest = signedAttribute(signerInfo, '1.2.840.113549.1.9.4')
  if (!content && (!messageDigest || digestAlgorithm !== 'SHA-256')) {
    throw fail('DERBES_CONSENT_EDS_UNSUPPORTED', 'a detached signature must carry signed attributes with a SHA-256 message digest')
  }
  const digestOf = (bytes: Buffer) => createHash(digestAlgorithm.replace('-', '').toLowerCase()).update(bytes).digest()

  // 1. Integrity: the digest of the content and the signature over what was signed.
  let signedBytes: Uint8Array<ArrayBuffer>
  if (signerInfo.signedAttrs) {
    const digest = messageDigest ? Buffer.from((messageDigest as asn1js.OctetString).valueBlock.valueHexView) : undefined
    if (!digest || !signedAttribute(signerInfo, '1.2.840.113549.1.9.3')) throw fail('DERBES_CONSENT_EDS_SIGNATURE_INVALID', 'the signed attributes lack the content type or the message digest')
    if (content && !digest.equals(digestOf(content))) throw fail('DERBES_CONSENT_EDS_SIGNATURE_INVALID', 'the attached content was changed after signing (message digest differs)')
    signedBytes = new Uint8Array(signerInfo.signedAttrs.encodedValue)
  } else {
    signedBytes = new Uint8Array(content!)
  }
  let verified: boolean
  try {
    const sigAlg = signerInfo.signatureAlgorithm
    verified = BARE_KEY_ALGORITHMS.has(sigAlg.algorithmId)
      ? await EDS_ENGINE.verifyWithPublicKey(signedBytes, signerInfo.signature, certificate.subjectPublicKeyInfo, sigAlg, digestAlgorithm)
      : await EDS_ENGINE.verifyWithPublicKey(signedBytes, signerInfo.signature, certificate.subjectPublicKeyInfo, sigAlg)
  } catch (error) {
    throw fail('DERBES_CONSENT_EDS_UNSUPPORTED', `the signature algorithm cannot be checked here: ${(error as Error).message}`)
  }
  if (!verified) throw fail('DERBES_CONSENT_EDS_SIGNATURE_INVALID', "the signature does not verify with the signer certificate's key")

  // 2. The text shown.
  const contentHash = content ? createHash('sha256').update(content).digest('hex') : Buffer.from((messageDigest as asn1js.OctetString).valueBlock.valueHexView).toString('hex')
  if (contentHash !== context.textHash) throw fail('DERBES_CONSENT_EDS_CONTENT_MISMATCH', `the signed content hashes to ${contentHash}, not to the consent text shown (${context.textHash})`)

  // 3. The certificate at the signing time.
  const signingTime = signedAttribute(signerInfo, '1.2.840.113549.1.9.5') as asn1js.UTCTime | asn1js.GeneralizedTime | undefined
  const signedAt = signingTime ? signingTime.toDate() : context.now
  if (signedAt.getTime() > context.now.getTime() + CLOCK_SKEW_MS) throw fail('DERBES_CONSENT_EDS_CERTIFICATE_NOT_VALID', `the signing time ${signedAt.toISOString()} lies in the future`)
  if (!validAt(certificate, signedAt)) {
    throw fail('DERBES_CONSENT_EDS_CERTIFICATE_NOT_VALID', `the signer certificate is valid ${certificate.notBefore.value.toISOString()} to ${certificate.notAfter.value.toISOString()}, not at the signing time ${signedAt.toISOString()}`)
  }
  if (!mayProveConsent(certificate)) throw fail('DERBES_CONSENT_EDS_CERTIFICATE_NOT_VALID', "the certificate's key usage allows neither digital signature nor non-repudiation")

  // 4. Trust, 5. who signed.
  const intermediates = (signed.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate)
  const chain = await chainToTrustedCa(certificate, intermediates, trust, signedAt)
  const signer = certificateSigner(certificate)
  const match = await matchSigner(db, keys, context, signer.iin, signedAt)

  return {
    method: 'eds',
    summary: {
      method: 'eds',
      textHash: context.textHash,
      attached: content !== undefined,
      digestAlgorithm,
      signatureAlgorithm: signerInfo.signatureAlgorithm.algorithmId,
      signedAt: signedAt.toISOString(),
      signingTimeSource: signingTime ? 'signed_attribute' : 'verification_time',
      verifiedAt: context.now.toISOString(),
      certificate: describeCertificate(certificate),
      chain,
      signerKind: signer.bin ? 'legal_entity_representative' : signer.iin ? 'individual' : 'unknown',
      signer: match,
      revocation: 'not_checked',
    },
    sealed: { cms: der.toString('base64'), signer: signer.sealed },
  }
}
