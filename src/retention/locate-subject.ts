import type { Kysely } from 'kysely'
import type { Database } from '../db/index.ts'
import type { CompiledPolicy } from '../policy/index.ts'
import { subjectDataKey } from '../subjects/index.ts'
import { decryptField, type KeyProvider } from '../subjects/crypto/index.ts'
import type { SubjectLocator } from '../systems/index.ts'

type LocatorKey = keyof SubjectLocator['identifiers']
const LOCATOR_KEYS: readonly string[] = ['iin', 'phone', 'email', 'id_document']

/**
 * Who a connected system is to find when retention reaches it: Derbes'
 * subject id and the vault's values of the policy items of kind IIN, phone,
 * e-mail and ID document (the first of each). This is why a subject is
 * destroyed in its systems BEFORE the vault: once its key is shredded no
 * identifier is left to find its rows by (src/retention/execute-retention.ts).
 * The system task's audit entry records the use.
 */
export async function locateSubject(db: Kysely<Database>, keys: KeyProvider, policy: CompiledPolicy, operatorId: string, subjectId: string): Promise<SubjectLocator> {
  const kinds = new Map<string, LocatorKey>()
  for (const item of policy.items.values()) if (LOCATOR_KEYS.includes(item.kind)) kinds.set(item.id, item.kind as LocatorKey)
  const identifiers: SubjectLocator['identifiers'] = {}
  const rows = await db.selectFrom('vault_items').select(['item_id', 'ciphertext']).where('operator_id', '=', operatorId).where('subject_id', '=', subjectId)
    .where('item_id', 'in', kinds.size > 0 ? [...kinds.keys()] : ['']).orderBy('item_id').orderBy('value_no').execute()
  if (rows.length === 0) return { subjectId, identifiers }
  const dataKey = await subjectDataKey(db, keys, operatorId, subjectId)
  try {
    for (const row of rows) identifiers[kinds.get(row.item_id)!] ??= decryptField(dataKey, { operatorId, subjectId, itemId: row.item_id }, row.ciphertext)
  } finally {
    dataKey.fill(0)
  }
  return { subjectId, identifiers }
}
