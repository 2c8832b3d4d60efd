import type { Transaction } from 'kysely'
import type { Database } from '../../db/index.ts'
import type { CompiledPolicy } from '../../policy/index.ts'
import type { KeyProvider } from '../../subjects/crypto/index.ts'
import type { SubjectLocator } from '../../systems/index.ts'
import type { SealedRequestData } from '../seal-request.ts'
import { readVaultValues } from './read-vault-values.ts'

type LocatorKey = keyof SubjectLocator['identifiers']
const LOCATOR_KEYS: readonly LocatorKey[] = ['iin', 'phone', 'email', 'id_document']

/**
 * Who a connected system is to find: Derbes' subject id and the identifiers
 * known in plain text — the vault's values of the policy items of kind
 * IIN, phone, e-mail and ID document (the first of each), and what the
 * request itself carried (the identifier it was matched by, the ID document
 * number of its identity proof, ESP-9). The vault is read for the subject's
 * own request; the system task's audit entry records the use.
 */
export async function subjectLocator(
  trx: Transaction<Database>,
  keys: KeyProvider,
  policy: CompiledPolicy,
  operatorId: string,
  subjectId: string,
  sealed: SealedRequestData,
): Promise<SubjectLocator> {
  const identifiers: SubjectLocator['identifiers'] = {}
  const itemKinds = new Map<string, LocatorKey>()
  for (const item of policy.items.values()) if ((LOCATOR_KEYS as readonly string[]).includes(item.kind)) itemKinds.set(item.id, item.kind as LocatorKey)
  const held = await trx.selectFrom('subject_keys').select('subject_id').where('operator_id', '=', operatorId).where('subject_id', '=', subjectId).executeTakeFirst()
  if (held) {
    for (const value of await readVaultValues(trx, keys, operatorId, subjectId, new Set(itemKinds.keys()))) {
      const kind = itemKinds.get(value.itemId)!
      identifiers[kind] ??= value.value
    }
  }
  const matched = sealed.identifier
  if (matched && (LOCATOR_KEYS as readonly string[]).includes(matched.kind)) identifiers[matched.kind as LocatorKey] ??= matched.value
  if (sealed.identityProof?.idDocumentNumber) identifiers.id_document ??= sealed.identityProof.idDocumentNumber
  if (sealed.requester?.email) identifiers.email ??= sealed.requester.email
  if (sealed.requester?.phone) identifiers.phone ??= sealed.requester.phone
  return { subjectId, identifiers }
}
