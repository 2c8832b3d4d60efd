import { DerbesError } from '../errors/index.ts'
import type { CompiledPolicy } from '../policy/index.ts'
import { normalizeItemValue } from './item-value.ts'

/** One value to put in the vault, as a caller gives it. */
export interface DataValueInput {
  /** A data item of the policy (the list, Тізбе). */
  itemId: string
  value: string
  /** Where it came from: one of the item's `sources` in the policy (TTC App.1). */
  source: string
  /** Why it is collected: purposes of the policy that cover the item (art. 7(9)). */
  purposes: readonly string[]
  /** When it was collected; now when absent. */
  collectedAt?: Date | string | undefined
}

export interface CheckedValue {
  itemId: string
  /** Normalised for its kind; held in memory only until encrypted. */
  value: string
  source: string
  purposes: string[]
  collectedAt: Date
}

/**
 * Checks values against the published policy before anything is written:
 * the item exists and is collected about this subject kind; the source is one
 * the policy lists for it; every purpose exists and covers the item (purpose
 * limitation at collection, art. 7(9)) and no purpose lock forbids it
 * (KZK-3.16); the value passes its kind's check (`normalizeItemValue`).
 * The first problem is thrown with the field it is in.
 */
export function checkDataValues(
  policy: CompiledPolicy,
  subjectKind: string,
  inputs: readonly DataValueInput[],
  /** The JSON pointer of input `i`, e.g. `(i) => `/body/items/${i}``. */
  pointerOf: (i: number) => string,
  now: Date,
  today: string,
): CheckedValue[] {
  return inputs.map((input, i) => {
    const here = pointerOf(i)
    const item = policy.items.get(input.itemId)
    if (!item) {
      throw new DerbesError('DERBES_VAULT_ITEM_NOT_ALLOWED', `'${input.itemId}' is not a data item of operator '${policy.operatorId}'s policy`, [
        { pointer: `${here}/itemId`, detail: 'unknown item' },
      ])
    }
    if (item.subjectKinds && !item.subjectKinds.includes(subjectKind)) {
      throw new DerbesError('DERBES_VAULT_ITEM_NOT_ALLOWED', `the policy collects '${item.id}' only about ${item.subjectKinds.join(', ')}, not '${subjectKind}' (art. 7(9))`, [
        { pointer: `${here}/itemId`, detail: `not collected about '${subjectKind}'` },
      ])
    }
    if (!(item.sources as readonly string[]).includes(input.source)) {
      throw new DerbesError('DERBES_VAULT_SOURCE_NOT_ALLOWED', `'${item.id}' comes only from ${item.sources.join(', ')}`, [
        { pointer: `${here}/source`, detail: `must be one of ${item.sources.join(', ')}` },
      ])
    }
    input.purposes.forEach((purposeId, j) => {
      const purpose = policy.purposes.get(purposeId)
      const pointer = `${here}/purposes/${j}`
      if (!purpose) throw new DerbesError('DERBES_VAULT_PURPOSE_MISMATCH', `'${purposeId}' is not a purpose of the policy`, [{ pointer, detail: 'unknown purpose' }])
      if (!purpose.itemIds.includes(item.id)) {
        throw new DerbesError('DERBES_VAULT_PURPOSE_MISMATCH', `the purpose '${purposeId}' does not cover '${item.id}' (art. 7(9): no data beyond the purpose)`, [
          { pointer, detail: `does not cover '${item.id}'` },
        ])
      }
      for (const lock of policy.document.ageRules.purposeLocks ?? []) {
        const applies = lock.items.includes(item.id) && (!lock.subjectKinds || lock.subjectKinds.includes(subjectKind))
        if (applies && lock.otherUse === 'forbidden' && !lock.purposes.includes(purposeId)) {
          throw new DerbesError('DERBES_VAULT_PURPOSE_MISMATCH', `'${item.id}' may serve only ${lock.purposes.join(', ')} (${(lock.clauses ?? []).join(', ')})`, [
            { pointer, detail: 'outside the purposes the item is locked to' },
          ])
        }
      }
    })
    const collectedAt = input.collectedAt === undefined ? now : new Date(input.collectedAt)
    if (Number.isNaN(collectedAt.getTime()) || collectedAt > now) {
      throw new DerbesError('DERBES_VALIDATION', 'the collection time is not a past instant', [{ pointer: `${here}/collectedAt`, detail: 'must not be in the future' }])
    }
    const value = normalizeItemValue(item.kind, input.value, `${here}/value`, today)
    return { itemId: item.id, value, source: input.source, purposes: [...new Set(input.purposes)], collectedAt }
  })
}
