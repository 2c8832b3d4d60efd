import { almatyDate } from '../kz/index.ts'
import { checkDataValues, type DataValueInput } from './check-data-values.ts'
import { subjectDataKey } from './data-keys.ts'
import { publishedPolicy } from './subject-policy.ts'
import { assertActive, findSubjectRow } from './subject-row.ts'
import type { SubjectsDeps } from './subjects-deps.ts'
import { insertValues, numberValues, recordValues, valueInfo, type StoredValueInfo } from './vault-values.ts'

export interface CollectDataInput {
  operatorId: string
  subjectId: string
  items: readonly DataValueInput[]
}

/**
 * Puts values in the subject's vault, each encrypted (AES-256-GCM) under the
 * subject's data key, with its source, collection time and purposes. Each
 * value is checked against the policy first (`checkDataValues`: item for the
 * subject's kind, source, purposes covering the item — art. 7(9)). An item's
 * first value is a collection; another value of an item already held is a
 * supplement and gets the next `valueNo`. A blocked, anonymised or destroyed
 * subject refuses. One transaction: the values, the audit entries (`collect`,
 * `supplement`) and the `data.collected` events.
 *
 * @example
 * await collectSubjectData(deps, { operatorId: 'esp', subjectId, items: [
 *   { itemId: 'phone', value: '8 701 123 45 67', source: 'subject', purposes: ['loyalty'] },
 * ] }, 'api_key:crm')
 */
export async function collectSubjectData(deps: SubjectsDeps, input: CollectDataInput, actor: string): Promise<StoredValueInfo[]> {
  const now = deps.clock()
  const policy = await publishedPolicy(deps, input.operatorId)
  return deps.db.transaction().execute(async (trx) => {
    const row = await findSubjectRow(trx, input.operatorId, input.subjectId, { forUpdate: true })
    assertActive(row, 'collect data')
    const values = checkDataValues(policy, row.kind, input.items, (i) => `/body/items/${i}`, now, almatyDate(now))
    const numbered = await numberValues(trx, input.operatorId, input.subjectId, values)
    const dataKey = await subjectDataKey(trx, deps.keys, input.operatorId, input.subjectId)
    try {
      await insertValues(trx, dataKey, input.operatorId, input.subjectId, numbered, now)
    } finally {
      dataKey.fill(0)
    }
    await trx.updateTable('subjects').set({ updated_at: now }).where('operator_id', '=', input.operatorId).where('subject_id', '=', input.subjectId).execute()
    const infos = numbered.map(valueInfo)
    await recordValues(trx, { operatorId: input.operatorId, subjectId: input.subjectId, actor, at: now }, infos)
    return infos
  })
}
