import type * as pkijs from 'pkijs'
import { EdsCheckFailure } from './eds-check-failure.ts'
import { certificateDer, describeCertificate, formatName, isCa, validAt } from './eds-certificate.ts'
import { EDS_ENGINE } from './eds-crypto.ts'
import type { EdsTrustStore } from './eds-trust-store.ts'

const MAX_DEPTH = 6

async function signedBy(certificate: pkijs.Certificate, issuer: pkijs.Certificate): Promise<boolean> {
  if (!certificate.issuer.isEqual(issuer.subject)) return false
  try {
    return await certificate.verify(issuer, EDS_ENGINE)
  } catch {
    return false
  }
}

const untrusted = (detail: string) => new EdsCheckFailure('UNTRUSTED', detail)

/**
 * The path from the signer certificate up to a trusted CA: each link's
 * signature checked, each CA valid at the signing time and marked as a CA
 * (basicConstraints), intermediates taken from the CMS's own certificates.
 * Returns the CAs above the signer, the anchor last. Revocation (CRL, OCSP)
 * is not checked: the NCA's OCSP responder cannot be reached from here.
 */
export async function chainToTrustedCa(signer: pkijs.Certificate, intermediates: readonly pkijs.Certificate[], trust: EdsTrustStore, at: Date) {
  if (trust.anchors.length === 0) throw untrusted(`no CA certificates are trusted: put the CA certificates in ${trust.source} (docs/operations.md)`)
  const anchorDers = new Set(trust.anchors.map((a) => certificateDer(a).toString('base64')))
  const path: pkijs.Certificate[] = []
  let current = signer
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    let next: pkijs.Certificate | undefined
    for (const candidate of [...trust.anchors, ...intermediates]) {
      if (candidate === current || !(await signedBy(current, candidate))) continue
      next = candidate
      break
    }
    if (!next) throw untrusted(`no trusted CA issued '${formatName(current.issuer)}' (trust directory ${trust.source})`)
    const anchored = anchorDers.has(certificateDer(next).toString('base64'))
    if (!validAt(next, at)) throw untrusted(`CA '${formatName(next.subject)}' was not valid at the signing time ${at.toISOString()}`)
    if (!anchored && !isCa(next)) throw untrusted(`'${formatName(next.subject)}' is not a CA certificate`)
    path.push(next)
    if (anchored) return path.map((ca) => ({ subject: formatName(ca.subject), ...describeCertificate(ca) }))
    current = next
  }
  throw untrusted(`the chain is longer than ${MAX_DEPTH} certificates`)
}
