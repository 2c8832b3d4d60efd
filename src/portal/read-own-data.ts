import { appendAudit } from '../audit/index.ts'
import { getPublishedVersion } from '../operators/index.ts'
import type { Localized } from '../policy/render/index.ts'
import { subjectDataKey } from '../subjects/index.ts'
import { decryptField } from '../subjects/crypto/index.ts'
import type { ActingFor } from './acting-for.ts'
import type { PortalDeps } from './portal-deps.ts'
import type { SubjectSession } from './subject-sessions.ts'

export interface OwnDataValue {
  itemId: string
  /** The item's name in the operator's policy, kk / ru / en; the id when the policy no longer lists it. */
  itemName: Localized
  valueNo: number
  value: string
  source: string
  purposes: { purposeId: string; name: Localized }[]
  collectedAt: string
  updatedAt: string
}

export interface OwnData {
  subjectId: string
  values: OwnDataValue[]
}

const named = (id: string, name: Localized | undefined): Localized => name ?? { kk: id, ru: id, en: id }

/**
 * Every value the vault holds of the subject, decrypted, for the subject
 * itself (art. 24(1): to know what is held) or its representative — not a
 * staff access: no access basis, no role filter, and the audit entry (`view`,
 * in the same transaction, committed before a value is returned) names the
 * subject, or the representative, as the reader and the portal session.
 *
 * @example
 * const { values } = await readOwnData(deps, session, { subjectId: session.subjectId, representative: null })
 */
export async function readOwnData(deps: PortalDeps, session: SubjectSession, target: ActingFor): Promise<OwnData> {
  const { operatorId } = session
  const { subjectId } = target
  const { compiled: policy } = await getPublishedVersion(deps, operatorId)
  const now = deps.clock()
  return deps.db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom('vault_items')
      .select(['item_id', 'value_no', 'ciphertext', 'source', 'purposes', 'collected_at', 'updated_at'])
      .where('operator_id', '=', operatorId)
      .where('subject_id', '=', subjectId)
      .orderBy('item_id')
      .orderBy('value_no')
      .execute()
    const values: OwnDataValue[] = []
    if (rows.length > 0) {
      const dataKey = await subjectDataKey(trx, deps.keys, operatorId, subjectId)
      try {
        for (const r of rows) {
          values.push({
            itemId: r.item_id,
            itemName: named(r.item_id, policy.items.get(r.item_id)?.name),
            valueNo: r.value_no,
            value: decryptField(dataKey, { operatorId, subjectId, itemId: r.item_id }, r.ciphertext),
            source: r.source,
            purposes: r.purposes.map((purposeId) => ({ purposeId, name: named(purposeId, policy.purposes.get(purposeId)?.name) })),
            collectedAt: new Date(r.collected_at).toISOString(),
            updatedAt: new Date(r.updated_at).toISOString(),
          })
        }
      } finally {
        dataKey.fill(0)
      }
    }
    await appendAudit(trx, {
      operatorId,
      at: now,
      actor: session.actor,
      action: 'view',
      subjectId,
      details: {
        via: 'portal',
        reader: target.representative ? 'representative' : 'subject',
        sessionId: session.sessionId,
        ...(target.representative ? { representativeId: target.representative.representativeId, relation: target.representative.relation } : {}),
        items: values.map((v) => ({ itemId: v.itemId, valueNo: v.valueNo })),
      },
    })
    return { subjectId, values }
  })
}
