import { DerbesError } from '../errors/index.ts'
import { almatyDate } from '../kz/index.ts'
import { checkDataValues } from './check-data-values.ts'
import { encryptField } from './crypto/index.ts'
import { subjectDataKey } from './data-keys.ts'
import { publishedPolicy } from './subject-policy.ts'
import { assertActive, findSubjectRow } from './subject-row.ts'
import type { SubjectsDeps } from './subjects-deps.ts'
import { recordValues, valueInfo, type StoredValueInfo } from './vault-values.ts'

export interface ChangeDataInput {
  operatorId: string
  subjectId: string
  itemId: string
  /** Which of the item's values; 0, the first, when absent. */
  valueNo?: number | undefined
  value: string
  /** The new value's source and purposes; the old value's when absent. */
  source?: string | undefined
  purposes?: readonly string[] | undefined
  collectedAt?: Date | string | undefined
}

/**
 * Replaces one value the subject holds (rectification: art. 24(1), 25(2)(8);
 * ESP-3, PS-7.1 changes backed by documents) with a fresh ciphertext, checked
 * like a collection, in one transaction with a `change` audit entry and a
 * `data.changed` event. A value not held is `DERBES_VAULT_VALUE_NOT_FOUND`.
 *
 * @example
 * await changeSubjectData(deps, { operatorId: 'ps', subjectId, itemId: 'postcode', value: 'Z05H9A7' }, 'staff:2')
 */
export async function changeSubjectData(deps: SubjectsDeps, input: ChangeDataInput, actor: string): Promise<StoredValueInfo> {
  const now = deps.clock()
  const valueNo = input.valueNo ?? 0
  const policy = await publishedPolicy(deps, input.operatorId)
  return deps.db.transaction().execute(async (trx) => {
    const row = await findSubjectRow(trx, input.operatorId, input.subjectId, { forUpdate: true })
    assertActive(row, 'change data')
    const held = await trx
      .selectFrom('vault_items')
      .select(['source', 'purposes'])
      .where('operator_id', '=', input.operatorId)
      .where('subject_id', '=', input.subjectId)
      .where('item_id', '=', input.itemId)
      .where('value_no', '=', valueNo)
      .executeTakeFirst()
    if (!held) throw new DerbesError('DERBES_VAULT_VALUE_NOT_FOUND', `subject '${input.subjectId}' holds no value ${valueNo} of '${input.itemId}'`)
    const [value] = checkDataValues(
      policy,
      row.kind,
      [{ itemId: input.itemId, value: input.value, source: input.source ?? held.source, purposes: input.purposes ?? held.purposes, collectedAt: input.collectedAt }],
      () => '/body',
      now,
      almatyDate(now),
    )
    const checked = value!
    const dataKey = await subjectDataKey(trx, deps.keys, input.operatorId, input.subjectId)
    let ciphertext: string
    try {
      ciphertext = encryptField(dataKey, { operatorId: input.operatorId, subjectId: input.subjectId, itemId: checked.itemId }, checked.value)
    } finally {
      dataKey.fill(0)
    }
    await trx
      .updateTable('vault_items')
      .set({ ciphertext, source: checked.source, purposes: JSON.stringify(checked.purposes), collected_at: checked.collectedAt, updated_at: now })
      .where('operator_id', '=', input.operatorId)
      .where('subject_id', '=', input.subjectId)
      .where('item_id', '=', checked.itemId)
      .where('value_no', '=', valueNo)
      .execute()
    await trx.updateTable('subjects').set({ updated_at: now }).where('operator_id', '=', input.operatorId).where('subject_id', '=', input.subjectId).execute()
    const info = valueInfo({ ...checked, valueNo, action: 'change' })
    await recordValues(trx, { operatorId: input.operatorId, subjectId: input.subjectId, actor, at: now }, [info])
    return info
  })
}

