import { appendAudit } from '../../audit/index.ts'
import { DerbesError } from '../../errors/index.ts'
import { enqueueEvent } from '../../notify/index.ts'
import type { RetentionDeps } from '../retention-deps.ts'
import { actHash } from './act-content.ts'
import { getAct, type ActView } from './act-view.ts'

export interface SignActInput {
  /** The responsible person, as the audit log names them (`staff:<id>`). */
  actor: string
  /** The hash the signer was shown (GET …/acts/:actId): refused when the act is not that act. */
  contentHash?: string
  /** An EDS (CMS) signature over the hash: not verified by Derbes yet, so refused rather than stored unchecked. */
  signatureCms?: string
}

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
 * A CMS/EDS signature is refused (DERBES_RETENTION_SIGNATURE_INVALID): the
 * CMS check of src/consent/evidence/ proves a consent text signed by the
 * subject (the certificate's IIN must be the subject's) and is not exported
 * for other content, and storing a signature nobody verified would make the
 * act look stronger than it is.
 *
 * @example
 * const signed = await signAct(deps, 'tw', actId, { actor: 'staff:dpo-1', contentHash })
 */
export async function signAct(deps: Pick<RetentionDeps, 'db' | 'clock'>, operatorId: string, actId: string, input: SignActInput): Promise<ActView> {
  const act = await getAct(deps, operatorId, actId)
  if (act.signedAt !== null) throw new DerbesError('DERBES_RETENTION_ACT_ALREADY_SIGNED', `act ${act.number} was signed by ${act.signedBy} at ${act.signedAt}`)
  if (input.signatureCms !== undefined) {
    throw invalid('/body/signatureCms', 'EDS (CMS) signatures over destruction acts are not verified by Derbes yet; sign without `signatureCms` — the signer, time and content hash are recorded and audited')
  }
  const recomputed = actHash(act.content)
  if (recomputed !== act.contentHash) {
    throw invalid('/body', `the act's stored content hashes to ${recomputed}, not to the hash recorded when it was made (${act.contentHash}); it cannot be signed`)
  }
  if (input.contentHash !== undefined && input.contentHash.toLowerCase() !== act.contentHash) {
    throw invalid('/body/contentHash', `the act's content hash is ${act.contentHash}, not ${input.contentHash}: sign the act as it is`)
  }
  const now = deps.clock()
  await deps.db.transaction().execute(async (trx) => {
    const updated = await trx.updateTable('retention_acts').set({ signed_by: input.actor, signed_at: now })
      .where('operator_id', '=', operatorId).where('act_id', '=', actId).where('signed_at', 'is', null).executeTakeFirst()
    if (Number(updated.numUpdatedRows) === 0) throw new DerbesError('DERBES_RETENTION_ACT_ALREADY_SIGNED', `act ${act.number} was signed meanwhile`)
    const details = { actId, runId: act.runId, number: act.number, contentHash: act.contentHash, ...act.counts }
    await appendAudit(trx, { operatorId, at: now, actor: input.actor, action: 'retention_act_signed', details })
    await enqueueEvent(trx, { operatorId, type: 'retention.act_signed', occurredAt: now, data: { ...details, signedBy: input.actor } })
  })
  const { content: _content, ...view } = act
  return { ...view, signedBy: input.actor, signedAt: now.toISOString() }
}
