/** Why a CMS signature was refused, independent of what it signed; each caller maps it to its own problem code and field. */
export type EdsFailureKind = 'MALFORMED' | 'UNSUPPORTED' | 'SIGNATURE_INVALID' | 'CONTENT_MISMATCH' | 'CERTIFICATE_NOT_VALID' | 'UNTRUSTED'

/**
 * Thrown by the shared CMS check (`verifyCmsSignature`): the consent ledger
 * turns it into `DERBES_CONSENT_EDS_<kind>` at `/body/evidence/cms`, a
 * destruction act into `DERBES_RETENTION_SIGNATURE_INVALID` at
 * `/body/signatureCms` — the same check, the caller's own words.
 */
export class EdsCheckFailure extends Error {
  readonly kind: EdsFailureKind

  constructor(kind: EdsFailureKind, detail: string) {
    super(detail)
    this.name = 'EdsCheckFailure'
    this.kind = kind
  }
}
