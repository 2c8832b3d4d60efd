import type { Transaction } from 'kysely'
import type { Database } from '../../db/index.ts'
import { subjectDataKey } from '../../subjects/index.ts'
import { decryptField, type KeyProvider } from '../../subjects/crypto/index.ts'

export interface VaultValue {
  itemId: string
  valueNo: number
  value: string
  source: string
  purposes: string[]
  collectedAt: Date
}

/**
 * Every value the vault holds of a subject, decrypted — for the subject's own
 * request only (a copy of every record, ESP-3; the identifiers a connected
 * system finds it by), never for staff: staff read through `readSubjectData`
 * with a recorded basis and their role's items. The caller writes the audit
 * entry in the same transaction. Empty when the subject holds nothing (or has
 * no key any more).
 */
export async function readVaultValues(trx: Transaction<Database>, keys: KeyProvider, operatorId: string, subjectId: string, itemIds?: ReadonlySet<string>): Promise<VaultValue[]> {
  const rows = (await trx
    .selectFrom('vault_items')
    .select(['item_id', 'value_no', 'ciphertext', 'source', 'purposes', 'collected_at'])
    .where('operator_id', '=', operatorId)
    .where('subject_id', '=', subjectId)
    .orderBy('item_id')
    .orderBy('value_no')
    .execute()).filter((r) => itemIds === undefined || itemIds.has(r.item_id))
  if (rows.length === 0) return []
  const dataKey = await subjectDataKey(trx, keys, operatorId, subjectId)
  try {
    return rows.map((r) => ({
      itemId: r.item_id,
      valueNo: r.value_no,
      value: decryptField(dataKey, { operatorId, subjectId, itemId: r.item_id }, r.ciphertext),
      source: r.source,
      purposes: r.purposes,
      collectedAt: new Date(r.collected_at),
    }))
  } finally {
    dataKey.fill(0)
  }
}
