import { createHash } from 'node:crypto'
import type * as asn1js from 'asn1js'
import * as pkijs from 'pkijs'
import { certificateSigner, describeCertificate, mayProveConsent, validAt } from './eds-certificate.ts'
import { chainToTrustedCa } from './eds-chain.ts'
import { EdsCheckFailure } from './eds-check-failure.ts'
import { parseSignedData, signedAttribute, signerCertificate } from './eds-cms.ts'
import { EDS_ENGINE } from './eds-crypto.ts'
import type { EdsTrustStore } from './eds-trust-store.ts'

const DIGESTS: Readonly<Record<string, string>> = { '2.16.840.1.101.3.4.2.1': 'SHA-256', '2.16.840.1.101.3.4.2.2': 'SHA-384', '2.16.840.1.101.3.4.2.3': 'SHA-512' }
/** Signature OIDs that name only the key type: the digest comes from the SignerInfo (as openssl writes RSA). */
const BARE_KEY_ALGORITHMS = new Set(['1.2.840.113549.1.1.1', '1.2.840.10045.2.1'])
/** A signing time this far ahead of the verifier's clock is still "now" (clocks drift). */
export const EDS_CLOCK_SKEW_MS = 5 * 60_000

export interface CmsCheck {
  /** SHA-256 (hex) of what must have been signed: the content attached, or the detached message digest. */
  /**
   * SHA-256 (hex) of what must have been signed. Absent: whatever content is
   * attached is taken as what was signed (its hash is returned), and a
   * detached signature is refused — there is nothing to check it against.
   */
  contentHash?: string | undefined
  /** Other SHA-256s (hex) accepted as well: a destruction act signed over its hash's text rather than its content. */
  alsoAccept?: readonly string[]
  /** What that content is, for the mismatch message: "the consent text shown", "the act's content". */
  contentName: string
  now: Date
  trust: EdsTrustStore
}

export interface VerifiedCms {
  der: Buffer
  /** SHA-256 (hex) of what was signed: `contentHash` or one of `alsoAccept`. */
  signedContentHash: string
  attached: boolean
  digestAlgorithm: string
  signatureAlgorithm: string
  signedAt: Date
  signingTimeSource: 'signed_attribute' | 'verification_time'
  /** Fingerprint, serial, issuer and validity of the signer certificate: no personal data. */
  certificate: ReturnType<typeof describeCertificate>
  chain: Awaited<ReturnType<typeof chainToTrustedCa>>
  /** Who the certificate names (KZ NCA: IIN in serialNumber `IIN…`, BIN in OU `BIN…`); `sealed` holds the name — personal data. */
  signer: ReturnType<typeof certificateSigner>
}

/**
 * Checks an EDS — a CMS (PKCS#7) SignedData, base64 DER, attached or
 * detached — against its signer certificate, for whatever it signs (a
 * consent text, a destruction act):
 * 1. the signature verifies with the signer certificate's key (for signed
 *    attributes, the message digest matches the attached content);
 * 2. the signed content is the expected one: its SHA-256 is `contentHash`
 *    (detached: the SHA-256 message-digest attribute is `contentHash`);
 * 3. the signer certificate was valid, and allowed signing, at the signing
 *    time (the signing-time attribute, else now; not in the future);
 * 4. it chains to a CA of the trust store, valid at that time.
 * Who signed is returned for the caller to match (the subject's IIN, the
 * responsible person). Failures are EdsCheckFailure; revocation is not
 * checked (no OCSP/CRL offline), GOST keys are unsupported (WebCrypto).
 */
export async function verifyCmsSignature(cms: string, check: CmsCheck): Promise<VerifiedCms> {
  const fail = (kind: ConstructorParameters<typeof EdsCheckFailure>[0], detail: string) => new EdsCheckFailure(kind, detail)
  const der = Buffer.from(cms.replace(/\s+/g, ''), 'base64')
  const signed = parseSignedData(der)
  const signerInfo = signed.signerInfos[0]!
  const certificate = await signerCertificate(signed, signerInfo)

  const digestAlgorithm = DIGESTS[signerInfo.digestAlgorithm.algorithmId]
  if (!digestAlgorithm) throw fail('UNSUPPORTED', `digest algorithm ${signerInfo.digestAlgorithm.algorithmId} is not SHA-256, SHA-384 or SHA-512`)
  const eContent = signed.encapContentInfo.eContent
  const content = eContent ? Buffer.from(eContent.getValue()) : undefined
  const messageDigest = signedAttribute(signerInfo, '1.2.840.113549.1.9.4')
  if (!content && (!messageDigest || digestAlgorithm !== 'SHA-256')) {
    throw fail('UNSUPPORTED', 'a detached signature must carry signed attributes with a SHA-256 message digest')
  }
  const digestOf = (bytes: Buffer) => createHash(digestAlgorithm.replace('-', '').toLowerCase()).update(bytes).digest()

  // 1. Integrity: the digest of the content and the signature over what was signed.
  let signedBytes: Uint8Array<ArrayBuffer>
  if (signerInfo.signedAttrs) {
    const digest = messageDigest ? Buffer.from((messageDigest as asn1js.OctetString).valueBlock.valueHexView) : undefined
    if (!digest || !signedAttribute(signerInfo, '1.2.840.113549.1.9.3')) throw fail('SIGNATURE_INVALID', 'the signed attributes lack the content type or the message digest')
    if (content && !digest.equals(digestOf(content))) throw fail('SIGNATURE_INVALID', 'the attached content was changed after signing (message digest differs)')
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
    throw fail('UNSUPPORTED', `the signature algorithm cannot be checked here: ${(error as Error).message}`)
  }
  if (!verified) throw fail('SIGNATURE_INVALID', "the signature does not verify with the signer certificate's key")

  // 2. The expected content.
  const contentHash = content ? createHash('sha256').update(content).digest('hex') : Buffer.from((messageDigest as asn1js.OctetString).valueBlock.valueHexView).toString('hex')
  if (check.contentHash === undefined) {
    if (!content) throw fail('CONTENT_MISMATCH', `a detached signature needs ${check.contentName}'s SHA-256 to be checked against`)
  } else {
    const accepted = [check.contentHash, ...(check.alsoAccept ?? [])].map((h) => h.toLowerCase())
    if (!accepted.includes(contentHash)) throw fail('CONTENT_MISMATCH', `the signed content hashes to ${contentHash}, not to ${check.contentName} (${check.contentHash})`)
  }

  // 3. The certificate at the signing time.
  const signingTime = signedAttribute(signerInfo, '1.2.840.113549.1.9.5') as asn1js.UTCTime | asn1js.GeneralizedTime | undefined
  const signedAt = signingTime ? signingTime.toDate() : check.now
  if (signedAt.getTime() > check.now.getTime() + EDS_CLOCK_SKEW_MS) throw fail('CERTIFICATE_NOT_VALID', `the signing time ${signedAt.toISOString()} lies in the future`)
  if (!validAt(certificate, signedAt)) {
    throw fail('CERTIFICATE_NOT_VALID', `the signer certificate is valid ${certificate.notBefore.value.toISOString()} to ${certificate.notAfter.value.toISOString()}, not at the signing time ${signedAt.toISOString()}`)
  }
  if (!mayProveConsent(certificate)) throw fail('CERTIFICATE_NOT_VALID', "the certificate's key usage allows neither digital signature nor non-repudiation")

  // 4. Trust.
  const intermediates = (signed.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate)
  const chain = await chainToTrustedCa(certificate, intermediates, check.trust, signedAt)

  return {
    der,
    signedContentHash: contentHash,
    attached: content !== undefined,
    digestAlgorithm,
    signatureAlgorithm: signerInfo.signatureAlgorithm.algorithmId,
    signedAt,
    signingTimeSource: signingTime ? 'signed_attribute' : 'verification_time',
    certificate: describeCertificate(certificate),
    chain,
    signer: certificateSigner(certificate),
  }
}
