import { parseAccessBasis, visibleItemIds, type Principal } from '../access/index.ts'
import { appendAudit } from '../audit/index.ts'
import type { SubjectStatus } from '../db/database-schema.ts'
import { DerbesError } from '../errors/index.ts'
import { decryptField } from './crypto/index.ts'
import { subjectDataKey } from './data-keys.ts'
import { publishedPolicy } from './subject-policy.ts'
import { assertNotGone, findSubjectRow } from './subject-row.ts'
import type { SubjectsDeps } from './subjects-deps.ts'

export interface ReadDataInput {
  operatorId: string
  subjectId: string
  /** The recorded ground of this access (TTC-7.2), one of the policy's `access.bases`. */
  basis?: string | undefined
  /** The memo, order, task or contract the basis rests on; required for all but job duties. */
  reference?: string | undefined
  /** Read for this purpose only: its items, and values collected for it. */
  purpose?: string | undefined
}

export interface DataValue {
  itemId: string
  valueNo: number
  value: string
  source: string
  purposes: string[]
  collectedAt: string
  updatedAt: string
}

export interface SubjectData {
  subjectId: string
  status: SubjectStatus
  basis: string
  reference: string | null
  purpose: string | null
  values: DataValue[]
}

/**
 * Opens a subject's vault for a principal with `data:read`, on a basis the
 * policy allows (TTC-7.2; `parseAccessBasis`), returning only the items its
 * staff role may see (TTC-7.1, minimum necessary; `visibleItemIds`) and, with
 * a purpose, only the purpose's items collected for it (art. 7(9)). The
 * `view` audit entry — basis, reference, purpose, the item ids and value
 * numbers read — commits before any value is returned. A blocked subject can
 * still be read (to verify accuracy, ESP-7); an anonymised or destroyed one is gone.
 *
 * @example
 * const data = await readSubjectData(deps, { operatorId: 'esp', subjectId, basis: 'job_duties', purpose: 'loyalty' }, principal)
 */
export async function readSubjectData(deps: SubjectsDeps, input: ReadDataInput, principal: Principal): Promise<SubjectData> {
  if (principal.operatorId !== input.operatorId || !principal.permissions.has('data:read')) {
    throw new DerbesError('DERBES_FORBIDDEN', `reading personal data of operator '${input.operatorId}' needs its permission 'data:read'`)
  }
  const now = deps.clock()
  const policy = await publishedPolicy(deps, input.operatorId)
  const basis = parseAccessBasis({ basis: input.basis, reference: input.reference }, policy, '/querystring')
  let visible = visibleItemIds(policy, principal)
  if (input.purpose !== undefined) {
    const purpose = policy.purposes.get(input.purpose)
    if (!purpose) {
      throw new DerbesError('DERBES_VAULT_PURPOSE_MISMATCH', `'${input.purpose}' is not a purpose of the policy`, [{ pointer: '/querystring/purpose', detail: 'unknown purpose' }])
    }
    visible = new Set(purpose.itemIds.filter((id) => visible.has(id)))
  }
  return deps.db.transaction().execute(async (trx) => {
    const row = await findSubjectRow(trx, input.operatorId, input.subjectId)
    assertNotGone(row, 'read data')
    const rows = await trx
      .selectFrom('vault_items')
      .select(['item_id', 'value_no', 'ciphertext', 'source', 'purposes', 'collected_at', 'updated_at'])
      .where('operator_id', '=', input.operatorId)
      .where('subject_id', '=', input.subjectId)
      .orderBy('item_id')
      .orderBy('value_no')
      .execute()
    const readable = rows.filter((r) => visible.has(r.item_id) && (input.purpose === undefined || r.purposes.includes(input.purpose)))
    const values: DataValue[] = []
    if (readable.length > 0) {
      const dataKey = await subjectDataKey(trx, deps.keys, input.operatorId, input.subjectId)
      try {
        for (const r of readable) {
          values.push({
            itemId: r.item_id,
            valueNo: r.value_no,
            value: decryptField(dataKey, { operatorId: input.operatorId, subjectId: input.subjectId, itemId: r.item_id }, r.ciphertext),
            source: r.source,
            purposes: r.purposes,
            collectedAt: new Date(r.collected_at).toISOString(),
            updatedAt: new Date(r.updated_at).toISOString(),
          })
        }
      } finally {
        dataKey.fill(0)
      }
    }
    await appendAudit(trx, {
      operatorId: input.operatorId,
      at: now,
      actor: principal.actor,
      action: 'view',
      subjectId: input.subjectId,
      basis: basis.basis,
      purpose: input.purpose ?? null,
      details: {
        items: values.map((v) => ({ itemId: v.itemId, valueNo: v.valueNo })),
        ...(basis.reference ? { reference: basis.reference } : {}),
        ...(principal.roleId ? { roleId: principal.roleId } : {}),
      },
    })
    return { subjectId: input.subjectId, status: row.status, basis: basis.basis, reference: basis.reference ?? null, purpose: input.purpose ?? null, values }
  })
}
