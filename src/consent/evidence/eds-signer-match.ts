import type { Kysely } from 'kysely'
import type { Database } from '../../db/index.ts'
import { DerbesError } from '../../errors/index.ts'
import { almatyDate } from '../../kz/index.ts'
import type { KeyProvider } from '../../subjects/crypto/index.ts'
import { blindIndexFor } from '../../subjects/crypto/index.ts'

export type SignerMatch = { matched: 'subject' } | { matched: 'representative'; representativeId: string; relation: string } | { matched: 'not_checked' }

const consentMismatch = (detail: string) => new DerbesError('DERBES_CONSENT_EDS_SIGNER_MISMATCH', detail, [{ pointer: '/body/evidence/cms', detail }])

/**
 * Who signed, compared by blind index with what the operator registered: the
 * subject's IIN, or the IIN of one of its representatives valid at the
 * signing time (a parent for a child, KZK-1.13; an attorney, ESP-3). When
 * Derbes knows no IIN of the subject it cannot compare: `not_checked`, and
 * the certificate's IIN stays in the sealed evidence. Shared by the consent
 * ledger's EDS evidence and a request's EDS signature (ESP-9, TW-4.5).
 */
export async function matchSigner(
  db: Kysely<Database>,
  keys: KeyProvider,
  context: { operatorId: string; subjectId: string },
  iin: string | undefined,
  signedAt: Date,
  /** The error a mismatch is, in the caller's words (a consent's by default; a request's is its own). */
  mismatch: (detail: string) => Error = consentMismatch,
): Promise<SignerMatch> {
  const { operatorId, subjectId } = context
  const subjectIin = await db
    .selectFrom('subject_identifiers')
    .select('blind_index')
    .where('operator_id', '=', operatorId)
    .where('subject_id', '=', subjectId)
    .where('kind', '=', 'iin')
    .executeTakeFirst()
  let index: string | undefined
  try {
    index = iin ? await blindIndexFor(keys, operatorId, 'iin', iin) : undefined
  } catch {
    index = undefined // an IIN with a wrong check digit matches nobody
  }
  if (!index) {
    if (subjectIin) throw mismatch('the certificate carries no valid IIN, and the subject has one')
    return { matched: 'not_checked' }
  }
  const owner = await db
    .selectFrom('subject_identifiers')
    .select('subject_id')
    .where('operator_id', '=', operatorId)
    .where('kind', '=', 'iin')
    .where('blind_index', '=', index)
    .executeTakeFirst()
  if (owner?.subject_id === subjectId) return { matched: 'subject' }
  if (owner) {
    const day = almatyDate(signedAt) // representation dates are days in Kazakhstan
    const representative = await db
      .selectFrom('subject_representatives')
      .select(['representative_id', 'relation'])
      .where('operator_id', '=', operatorId)
      .where('subject_id', '=', subjectId)
      .where('representative_id', '=', owner.subject_id)
      .where((eb) => eb.or([eb('valid_from', 'is', null), eb('valid_from', '<=', day)]))
      .where((eb) => eb.or([eb('valid_until', 'is', null), eb('valid_until', '>=', day)]))
      .executeTakeFirst()
    if (representative) return { matched: 'representative', representativeId: representative.representative_id, relation: representative.relation }
  }
  // Another person the operator knows, or not the IIN the subject registered.
  if (subjectIin || owner) throw mismatch("the certificate's IIN is neither the subject's nor a registered representative's")
  return { matched: 'not_checked' }
}
