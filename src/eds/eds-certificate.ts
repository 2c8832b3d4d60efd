import { createHash } from 'node:crypto'
import type * as pkijs from 'pkijs'

const NAME_KEYS: Readonly<Record<string, string>> = {
  '2.5.4.3': 'CN',
  '2.5.4.4': 'SURNAME',
  '2.5.4.42': 'G',
  '2.5.4.5': 'SERIALNUMBER',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '1.2.840.113549.1.9.1': 'E',
}

/** The attributes of a distinguished name in order, with their usual short names. */
export function nameAttributes(name: pkijs.RelativeDistinguishedNames): { key: string; value: string }[] {
  return name.typesAndValues.map((tv) => ({
    key: NAME_KEYS[tv.type] ?? tv.type,
    value: String((tv.value as { valueBlock?: { value?: unknown } }).valueBlock?.value ?? ''),
  }))
}

/** "CN=…, O=…, C=KZ". */
export function formatName(name: pkijs.RelativeDistinguishedNames): string {
  return nameAttributes(name).map(({ key, value }) => `${key}=${value}`).join(', ')
}

export function certificateDer(certificate: pkijs.Certificate): Buffer {
  return Buffer.from(certificate.toSchema(true).toBER(false))
}

export function fingerprintSha256(certificate: pkijs.Certificate): string {
  return createHash('sha256').update(certificateDer(certificate)).digest('hex')
}

/** What a receipt may show of a certificate: no personal data (the subject's name stays sealed). */
export function describeCertificate(certificate: pkijs.Certificate) {
  return {
    fingerprintSha256: fingerprintSha256(certificate),
    serialNumber: Buffer.from(certificate.serialNumber.valueBlock.valueHexView).toString('hex'),
    issuer: formatName(certificate.issuer),
    notBefore: certificate.notBefore.value.toISOString(),
    notAfter: certificate.notAfter.value.toISOString(),
  }
}

/**
 * Who a certificate names, the way Kazakhstan's NCA (НУЦ РК) writes it: the
 * person's IIN in the subject's serialNumber as `IIN123456789012`, a legal
 * entity's BIN in an organizational unit as `BIN123456789012`, the name in
 * CN (surname and given name), SURNAME and G. Personal data: sealed.
 */
export function certificateSigner(certificate: pkijs.Certificate) {
  const attributes = nameAttributes(certificate.subject)
  const first = (key: string) => attributes.find((a) => a.key === key)?.value
  const iin = attributes.map((a) => (a.key === 'SERIALNUMBER' ? /^IIN(\d{12})$/.exec(a.value)?.[1] : undefined)).find(Boolean)
  const bin = attributes.map((a) => (a.key === 'OU' ? /^BIN(\d{12})$/.exec(a.value)?.[1] : undefined)).find(Boolean)
  const signer: Record<string, string> = { subjectDn: formatName(certificate.subject) }
  const fields = { commonName: first('CN'), surname: first('SURNAME'), givenName: first('G'), organization: first('O'), email: first('E'), iin, bin }
  for (const [key, value] of Object.entries(fields)) if (value) signer[key] = value
  return { iin, bin, sealed: signer }
}

/** Whether the key usage extension, when present, allows signing documents (digitalSignature or nonRepudiation). */
export function mayProveConsent(certificate: pkijs.Certificate): boolean {
  const keyUsage = certificate.extensions?.find((e) => e.extnID === '2.5.29.15')
  if (!keyUsage) return true
  const bits = (keyUsage.parsedValue as { valueBlock?: { valueHexView?: Uint8Array } } | undefined)?.valueBlock?.valueHexView
  return bits !== undefined && bits.length > 0 && (bits[0]! & 0xc0) !== 0
}

/** A CA certificate: basicConstraints cA = true (a version 1 self-signed root has no extensions and is accepted as an anchor only). */
export function isCa(certificate: pkijs.Certificate): boolean {
  const constraints = certificate.extensions?.find((e) => e.extnID === '2.5.29.19')
  return (constraints?.parsedValue as { cA?: boolean } | undefined)?.cA === true
}

export function validAt(certificate: pkijs.Certificate, at: Date): boolean {
  return certificate.notBefore.value <= at && at <= certificate.notAfter.value
}
