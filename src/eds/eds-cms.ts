import { createHash } from 'node:crypto'
import * as asn1js from 'asn1js'
import * as pkijs from 'pkijs'
import { EdsCheckFailure } from './eds-check-failure.ts'

const SIGNED_DATA = '1.2.840.113549.1.7.2'

const malformed = (detail: string) => new EdsCheckFailure('MALFORMED', detail)

/** The SignedData of a DER CMS ContentInfo with exactly one signer; an EdsCheckFailure (MALFORMED or UNSUPPORTED) otherwise. */
export function parseSignedData(der: Buffer): pkijs.SignedData {
  let signed: pkijs.SignedData
  try {
    const asn = asn1js.fromBER(new Uint8Array(der))
    if (asn.offset === -1) throw new Error(asn.result.error)
    const info = new pkijs.ContentInfo({ schema: asn.result })
    if (info.contentType !== SIGNED_DATA) throw new Error(`content type ${info.contentType} is not SignedData`)
    signed = new pkijs.SignedData({ schema: info.content })
  } catch (error) {
    throw malformed(`not a DER CMS SignedData: ${(error as Error).message}`)
  }
  if (signed.signerInfos.length === 0) throw malformed('the SignedData has no signer')
  if (signed.signerInfos.length > 1) {
    throw new EdsCheckFailure('UNSUPPORTED', 'one person signs; this CMS has several signers')
  }
  return signed
}

/** The signer's certificate among the CMS's, by issuer and serial number or by subject key identifier. */
export async function signerCertificate(signed: pkijs.SignedData, signerInfo: pkijs.SignerInfo): Promise<pkijs.Certificate> {
  const certificates = (signed.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate)
  const sid = signerInfo.sid
  const found =
    sid instanceof pkijs.IssuerAndSerialNumber
      ? certificates.find((c) => c.issuer.isEqual(sid.issuer) && c.serialNumber.isEqual(sid.serialNumber))
      : certificates.find((c) => {
          const keyId = Buffer.from((sid as asn1js.OctetString).valueBlock.valueHexView)
          const sha1 = createHash('sha1').update(c.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView).digest()
          return sha1.equals(keyId)
        })
  if (!found) throw malformed("the CMS does not include the signer's certificate")
  return found
}

/** The first value of a signed attribute, or undefined. */
export function signedAttribute(signerInfo: pkijs.SignerInfo, type: string): asn1js.AsnType | undefined {
  return signerInfo.signedAttrs?.attributes.find((a) => a.type === type)?.values[0]
}
