import { appendAudit } from '../audit/index.ts'
import { DerbesError } from '../errors/index.ts'
import { getPublishedVersion } from '../operators/index.ts'
import { advanceVerifiedRequest } from './advance-verified-request.ts'
import { checkAuthority } from './check-authority.ts'
import { findRequestRow, getRequest, type RequestDetail } from './get-request.ts'
import { identityProofCheck, type IdentityProofInput } from './identity-proof.ts'
import { checkIdentityProofEds, edsAuditDetails } from './verify-request-eds.ts'
import type { RequestVerification } from './requests-tables.ts'
import type { RequestsDeps } from './requests-deps.ts'
import { openRequestData, sealRequestData } from './seal-request.ts'

export interface VerificationInput {
  operatorId: string
  requestId: string
  /** Proof to add; fields given replace those given before. */
  identityProof?: IdentityProofInput | undefined
}

/**
 * Completes what a `verifying` request waits for: merges new identity proof
 * into the sealed proof and checks it again against the policy (ESP-9), and
 * checks the representative's authority again (registered or renewed since —
 * it counts when valid at receipt or now). Once nothing is missing the
 * request moves on as on intake: into `in_progress`, or refused when an open
 * obligation suspends it. Otherwise it stays, `waitingFor` showing what is
 * still missing. A request not in `verifying` is `DERBES_REQUEST_NOT_VERIFYING`.
 */
async function completeVerification(deps: RequestsDeps, input: VerificationInput, actor: string): Promise<RequestDetail> {
  const { operatorId, requestId } = input
  const policy = (await getPublishedVersion(deps, operatorId)).compiled
  const now = deps.clock()
  // The EDS is checked before the transaction: a refused one changes nothing.
  const subjectId = input.identityProof?.signature?.cms === undefined ? null : (await findRequestRow(deps.db, operatorId, requestId)).subject_id
  const eds = await checkIdentityProofEds(deps, { operatorId, subjectId, now }, input.identityProof)
  await deps.db.transaction().execute(async (trx) => {
    const row = await findRequestRow(trx, operatorId, requestId, { forUpdate: true })
    if (row.state !== 'verifying') {
      throw new DerbesError('DERBES_REQUEST_NOT_VERIFYING', `request ${row.reference} is ${row.state}, not waiting for verification`)
    }
    const verification: RequestVerification = { ...row.verification, ...(eds ? { eds } : {}) }
    const waitingFor: string[] = []
    let sealed = { sealed: row.sealed, keyId: row.sealed_key_id, wrappedKey: row.sealed_wrapped_key }
    const data = await openRequestData(trx, deps.keys, row)
    if (input.identityProof) {
      const merged = { ...data.identityProof, ...input.identityProof }
      const existing = row.sealed_key_id && row.sealed_wrapped_key ? { keyId: row.sealed_key_id, wrappedKey: row.sealed_wrapped_key } : undefined
      sealed = await sealRequestData(trx, deps.keys, operatorId, requestId, row.subject_id, { ...data, identityProof: merged }, existing)
      data.identityProof = merged
    }
    const proof = identityProofCheck(policy, row.channel, data.identityProof, row.requested_by)
    if (proof.required.length > 0 || proof.given.length > 0) verification.identityProof = proof
    if (proof.missing.length > 0) waitingFor.push('identity_proof')
    if (row.representative_id) {
      const atReceipt = await checkAuthority(trx, operatorId, row.subject_id, row.representative_id, new Date(row.received_at))
      const authority = atReceipt.active ? atReceipt : await checkAuthority(trx, operatorId, row.subject_id, row.representative_id, now)
      verification.authority = { representativeId: row.representative_id, relation: authority.relation, active: authority.active, checkedAt: now.toISOString() }
      if (!authority.active) waitingFor.push('authority')
    }
    await trx
      .updateTable('requests')
      .set({
        verification: JSON.stringify(verification),
        waiting_for: JSON.stringify(waitingFor),
        sealed: sealed.sealed,
        sealed_key_id: sealed.keyId,
        sealed_wrapped_key: sealed.wrappedKey,
        updated_at: now,
      })
      .where('operator_id', '=', operatorId)
      .where('request_id', '=', requestId)
      .execute()
    if (input.identityProof) {
      // Identity proof values are personal data collected from the requester: recorded, by kind only.
      await appendAudit(trx, { operatorId, at: now, actor, action: 'collect', subjectId: row.subject_id, details: { requestId, reference: row.reference, identityProofGiven: proof.given, ...(eds ? edsAuditDetails(eds) : {}), stillWaitingFor: waitingFor } })
    }
    await advanceVerifiedRequest(trx, deps, policy, { operatorId, requestId, subjectId: row.subject_id, kind: row.kind, scope: row.scope, waitingFor }, actor)
  })
  return getRequest(deps, operatorId, requestId)
}

/**
 * Adds identity proof to a request waiting for it (ESP-9: the ID document's
 * number, issue date and issuer, and a handwritten or electronic signature).
 * The values are sealed, never stored plain.
 *
 * @example
 * await provideIdentityProof(deps, { operatorId: 'esp', requestId, identityProof: { idDocumentIssuer: 'МВД РК' } }, 'staff:7')
 */
export async function provideIdentityProof(deps: RequestsDeps, input: VerificationInput & { identityProof: IdentityProofInput }, actor: string): Promise<RequestDetail> {
  return completeVerification(deps, input, actor)
}

/**
 * Checks a `verifying` request again without new proof — after the
 * representative's power of attorney was registered or renewed (ESP-3).
 *
 * @example
 * await recheckRequest(deps, { operatorId: 'esp', requestId }, 'staff:7')
 */
export async function recheckRequest(deps: RequestsDeps, input: Omit<VerificationInput, 'identityProof'>, actor: string): Promise<RequestDetail> {
  return completeVerification(deps, { operatorId: input.operatorId, requestId: input.requestId }, actor)
}
