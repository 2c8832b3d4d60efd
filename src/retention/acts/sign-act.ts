import { createHash } from 'node:crypto'
import { appendAudit } from '../../audit/index.ts'
import { EdsCheckFailure } from '../../eds/eds-check-failure.ts'
import { edsTrustFromEnvironment, type EdsTrustStore } from '../../eds/eds-trust-store.ts'
import { verifyCmsSignature } from '../../eds/verify-cms-signature.ts'
import { DerbesError } from '../../errors/index.ts'
import { enqueueEvent } from '../../notify/index.ts'
import type { RetentionDeps } from '../retention-deps.ts'
import { actHash } from './act-content.ts'
import { getAct, type ActEdsSignature, type ActView } from './act-view.ts'

export interface SignActInput {
  /** The responsible person, as the audit log names them (`staff:<id>`). */
  actor: string
  /** The hash the signer was shown (GET …/acts/:actId): refused when the act is not that act. */
  contentHash?: string
  /**
   * The responsible person's EDS: a CMS (PKCS#7) SignedData, base64 DER,
   * attached or detached, over the act's canonical content (whose SHA-256 is
   * `contentHash`) or over the text of `contentHash` itself (64 lower-case
   * hex characters, as a signing tool signs a short string).
   */
  signatureCms?: string
}

/** The CA certificates an act's EDS must chain to; DERBES_EDS_TRUST_DIR (as for consents) when absent. */
export type SignActDeps = Pick<RetentionDeps, 'db' | 'clock'> & { edsTrust?: EdsTrustStore }

const invalid = (pointer: string, detail: string) => new DerbesError('DERBES_RETENTION_SIGNATURE_INVALID', detail, [{ pointer, detail }])

/**
 * The responsible person confirms a destruction act (issue 5 §3): the hash of
 * its canonical content is computed again and must equal the one stored
 * when the act was made (and the one the signer was shown, if sent); then the
 * signer and the time are recorded, audited (`retention_act_signed`) with a
 * `retention.act_signed` event, in one transaction. An act is signed once:
 * DERBES_RETENTION_ACT_ALREADY_SIGNED after that, even for two signers at the
 * same moment (the update takes only an unsigned row).
 *
 * With `signatureCms` the act is signed with an EDS: the CMS is checked by
 * the same code that checks EDS-signed consents (src/eds/
 * `verifyCmsSignature`: signature, signed content, certificate valid and
 * allowing signing at the signing time, chain to a CA of the trust
 * directory) and the CMS is kept with what the check established — the
 * certificate's subject, its IIN (KZ NCA `serialNumber=IIN…`) if present,
 * fingerprint, issuer, chain, signing time. Any failure is
 * DERBES_RETENTION_SIGNATURE_INVALID at `/body/signatureCms`, and nothing
 * changes. Derbes does not know staff members' IINs, so it records whose
 * certificate signed rather than comparing it with the signed-in person.
 *
 * @example
 * const signed = await signAct(deps, 'tw', actId, { actor: 'staff:dpo-1', contentHash, signatureCms })
 */
export async function signAct(deps: SignActDeps, operatorId: string, actId: string, input: SignActInput): Promise<ActView> {
  const act = await getAct(deps, operatorId, actId)
  if (act.signedAt !== null) throw new DerbesError('DERBES_RETENTION_ACT_ALREADY_SIGNED', `act ${act.number} was signed by ${act.signedBy} at ${act.signedAt}`)
  const recomputed = actHash(act.content)
  if (recomputed !== act.contentHash) {
    throw invalid('/body', `the act's stored content hashes to ${recomputed}, not to the hash recorded when it was made (${act.contentHash}); it cannot be signed`)
  }
  if (input.contentHash !== undefined && input.contentHash.toLowerCase() !== act.contentHash) {
    throw invalid('/body/contentHash', `the act's content hash is ${act.contentHash}, not ${input.contentHash}: sign the act as it is`)
  }
  const now = deps.clock()
  const eds = input.signatureCms === undefined ? null : await checkActEds(deps, act.contentHash, input.signatureCms, now)
  await deps.db.transaction().execute(async (trx) => {
    const updated = await trx.updateTable('retention_acts')
      .set({ signed_by: input.actor, signed_at: now, ...(eds ? { signature_cms: eds.cms, eds_signer: JSON.stringify(eds.record) } : {}) })
      .where('operator_id', '=', operatorId).where('act_id', '=', actId).where('signed_at', 'is', null).executeTakeFirst()
    if (Number(updated.numUpdatedRows) === 0) throw new DerbesError('DERBES_RETENTION_ACT_ALREADY_SIGNED', `act ${act.number} was signed meanwhile`)
    // The audit entry names the certificate by fingerprint; its subject and IIN stay in the act record.
    const details = { actId, runId: act.runId, number: act.number, contentHash: act.contentHash, ...act.counts, ...(eds ? { eds: { certificateFingerprint: eds.record.certificate.fingerprintSha256, signedAt: eds.record.signedAt } } : {}) }
    await appendAudit(trx, { operatorId, at: now, actor: input.actor, action: 'retention_act_signed', details })
    await enqueueEvent(trx, { operatorId, type: 'retention.act_signed', occurredAt: now, data: { ...details, signedBy: input.actor } })
  })
  const { content: _content, ...view } = act
  return { ...view, signedBy: input.actor, signedAt: now.toISOString(), edsSigned: eds !== null, eds: eds?.record ?? null }
}

/** The EDS check of an act's signature: the shared CMS check, its failures in the act's words. */
async function checkActEds(deps: SignActDeps, contentHash: string, signatureCms: string, now: Date): Promise<{ cms: string; record: ActEdsSignature }> {
  const hashText = createHash('sha256').update(contentHash, 'utf8').digest('hex')
  const trust = deps.edsTrust ?? (await edsTrustFromEnvironment())
  let checked: Awaited<ReturnType<typeof verifyCmsSignature>>
  try {
    checked = await verifyCmsSignature(signatureCms, { contentHash, alsoAccept: [hashText], contentName: "the act's canonical content or its content hash", now, trust })
  } catch (error) {
    if (error instanceof EdsCheckFailure) throw invalid('/body/signatureCms', `the EDS does not prove this act signed (${error.kind.toLowerCase().replaceAll('_', ' ')}): ${error.message}`)
    throw error
  }
  const sealed = checked.signer.sealed
  return {
    cms: checked.der.toString('base64'),
    record: {
      signedContent: checked.signedContentHash === contentHash ? 'canonical_content' : 'content_hash',
      attached: checked.attached,
      digestAlgorithm: checked.digestAlgorithm,
      signatureAlgorithm: checked.signatureAlgorithm,
      signedAt: checked.signedAt.toISOString(),
      signingTimeSource: checked.signingTimeSource,
      verifiedAt: now.toISOString(),
      subject: sealed.subjectDn!,
      ...(checked.signer.iin ? { iin: checked.signer.iin } : {}),
      ...(sealed.commonName ? { commonName: sealed.commonName } : {}),
      ...(checked.signer.bin ? { bin: checked.signer.bin } : {}),
      certificate: checked.certificate,
      chain: checked.chain,
      revocation: 'not_checked',
    },
  }
}
