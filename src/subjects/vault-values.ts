import type { Kysely, Transaction } from 'kysely'
import { appendAudit, type AuditDetail } from '../audit/index.ts'
import type { Database } from '../db/index.ts'
import { enqueueEvent } from '../notify/index.ts'
import type { CheckedValue } from './check-data-values.ts'
import { encryptField } from './crypto/index.ts'

type Db = Transaction<Database> | Kysely<Database>

/** A value as it is written: which of the item's values it is, and whether it is the item's first or one more. */
export interface NumberedValue extends CheckedValue {
  valueNo: number
  /** `collect` for an item's first value, `supplement` for another value of an item already held (art. 1: дополнение). */
  action: 'collect' | 'supplement'
}

/** What callers get back about a stored value: everything but the value. */
export interface StoredValueInfo {
  itemId: string
  valueNo: number
  action: 'collect' | 'supplement' | 'change'
  source: string
  purposes: string[]
  collectedAt: string
}

/**
 * Numbers new values: an item the subject holds nothing of starts at 0
 * (`collect`); any further value of an item gets the next number (`supplement`),
 * so a second phone never overwrites the first.
 */
export async function numberValues(trx: Db, operatorId: string, subjectId: string, values: readonly CheckedValue[]): Promise<NumberedValue[]> {
  const held = new Map<string, number>()
  if (values.length > 0) {
    const rows = await trx
      .selectFrom('vault_items')
      .select(['item_id', (eb) => eb.fn.max('value_no').as('max_no')])
      .where('operator_id', '=', operatorId)
      .where('subject_id', '=', subjectId)
      .where('item_id', 'in', [...new Set(values.map((v) => v.itemId))])
      .groupBy('item_id')
      .execute()
    for (const r of rows) held.set(r.item_id, Number(r.max_no))
  }
  return values.map((value) => {
    const last = held.get(value.itemId)
    held.set(value.itemId, last === undefined ? 0 : last + 1)
    return { ...value, valueNo: last === undefined ? 0 : last + 1, action: last === undefined ? 'collect' : 'supplement' }
  })
}

/** Encrypts each value under the subject's data key, bound to operator, subject and item, and stores it. */
export async function insertValues(trx: Db, dataKey: Buffer, operatorId: string, subjectId: string, values: readonly NumberedValue[], now: Date): Promise<void> {
  if (values.length === 0) return
  await trx
    .insertInto('vault_items')
    .values(
      values.map((v) => ({
        operator_id: operatorId,
        subject_id: subjectId,
        item_id: v.itemId,
        value_no: v.valueNo,
        ciphertext: encryptField(dataKey, { operatorId, subjectId, itemId: v.itemId }, v.value),
        source: v.source,
        collected_at: v.collectedAt,
        purposes: JSON.stringify(v.purposes),
        updated_at: now,
      })),
    )
    .execute()
}

export function valueInfo(v: NumberedValue | (CheckedValue & { valueNo: number; action: 'change' })): StoredValueInfo {
  return { itemId: v.itemId, valueNo: v.valueNo, action: v.action, source: v.source, purposes: v.purposes, collectedAt: v.collectedAt.toISOString() }
}

/** The one purpose all values share, for the audit entry's `purpose` column; the details list each value's purposes. */
function sharedPurpose(values: readonly StoredValueInfo[]): string | null {
  const first = values[0]?.purposes
  return first?.length === 1 && values.every((v) => v.purposes.length === 1 && v.purposes[0] === first[0]) ? first[0]! : null
}

/**
 * Records stored values in the audit chain — one entry per action
 * (`collect`, `supplement`, `change`) with item ids, value numbers, sources and
 * purposes, never the values — and as `data.collected` / `data.changed` events,
 * in the caller's transaction.
 */
export async function recordValues(trx: Db, entry: { operatorId: string; subjectId: string; actor: string; at: Date }, values: readonly StoredValueInfo[], extra: Record<string, AuditDetail> = {}): Promise<void> {
  for (const action of ['collect', 'supplement', 'change'] as const) {
    const these = values.filter((v) => v.action === action)
    if (these.length === 0) continue
    const list = these.map((v) => ({ itemId: v.itemId, valueNo: v.valueNo, source: v.source, purposes: v.purposes }))
    await appendAudit(trx, { ...entry, action, purpose: sharedPurpose(these), details: { values: list, ...extra } })
    await enqueueEvent(trx, {
      operatorId: entry.operatorId,
      type: action === 'change' ? 'data.changed' : 'data.collected',
      subjectId: entry.subjectId,
      occurredAt: entry.at,
      data: { action, items: these.map((v) => ({ itemId: v.itemId, valueNo: v.valueNo })) },
    })
  }
}
