import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../db/index.ts'
import { DerbesError } from '../errors/index.ts'
import { isAuditAction } from './audit-actions.ts'
import { auditEntryHash, GENESIS_HASH, type AuditEntry, type AuditEntryInput } from './audit-entry.ts'

/** Rows per INSERT in a batch: 11 parameters each stays well under PostgreSQL's 65,535. */
const INSERT_CHUNK = 1000

/**
 * Appends one entry to the operator's audit chain and returns it with its
 * `seq` and `hash`.
 *
 * Call it INSIDE the transaction that does the recorded action, passing that
 * transaction: the entry then commits or rolls back with the action
 * ("every action on personal data writes an audit entry in the same
 * transaction"). It locks the operator's `audit_heads` row until that
 * transaction ends, so concurrent appends queue and the chain never forks;
 * keep such transactions short. Passing a plain `Kysely` works (each
 * statement then commits on its own) and is meant for tests and scripts only.
 *
 * @example
 * await db.transaction().execute(async (trx) => {
 *   await trx.insertInto('vault_items').values(item).execute()
 *   await appendAudit(trx, { operatorId, at: clock(), actor: 'staff:42', action: 'collect', subjectId, purpose: 'contract', details: { itemIds: ['phone'] } })
 * })
 */
export async function appendAudit(trx: Transaction<Database> | Kysely<Database>, entry: AuditEntryInput): Promise<AuditEntry> {
  const [appended] = await appendAuditBatch(trx, [entry])
  return appended!
}

/**
 * Appends many entries in one go — for bulk work such as an import — with one
 * head lock and one multi-row INSERT per operator (per 1,000 rows). Entries of
 * one operator get consecutive `seq` in the order given; the result is in
 * input order. Same transaction rule as {@link appendAudit}.
 */
export async function appendAuditBatch(trx: Transaction<Database> | Kysely<Database>, entries: readonly AuditEntryInput[]): Promise<AuditEntry[]> {
  const byOperator = new Map<string, number[]>()
  entries.forEach((entry, index) => {
    checkInput(entry, index)
    const indexes = byOperator.get(entry.operatorId) ?? []
    indexes.push(index)
    byOperator.set(entry.operatorId, indexes)
  })
  const result: AuditEntry[] = new Array(entries.length)
  // Heads are locked in operator order so two batches spanning the same operators cannot deadlock.
  for (const operatorId of [...byOperator.keys()].sort()) {
    const indexes = byOperator.get(operatorId)!
    let { seq, hash } = await lockHead(trx, operatorId)
    const chained: AuditEntry[] = []
    for (const index of indexes) {
      const input = entries[index]!
      const unhashed = {
        operatorId,
        seq: ++seq,
        at: new Date(input.at.getTime()),
        actor: input.actor,
        action: input.action,
        subjectId: input.subjectId ?? null,
        basis: input.basis ?? null,
        purpose: input.purpose ?? null,
        // Through JSON once, so what is hashed is exactly what jsonb gives back.
        details: JSON.parse(JSON.stringify(input.details ?? {})) as Record<string, unknown>,
        prevHash: hash,
      }
      hash = auditEntryHash(unhashed)
      const entry = { ...unhashed, hash }
      chained.push(entry)
      result[index] = entry
    }
    for (let start = 0; start < chained.length; start += INSERT_CHUNK) {
      await trx
        .insertInto('audit_entries')
        .values(
          chained.slice(start, start + INSERT_CHUNK).map((e) => ({
            operator_id: e.operatorId,
            seq: e.seq,
            at: e.at,
            actor: e.actor,
            action: e.action,
            subject_id: e.subjectId,
            basis: e.basis,
            purpose: e.purpose,
            details: JSON.stringify(e.details),
            prev_hash: e.prevHash,
            hash: e.hash,
          })),
        )
        .execute()
    }
    await trx.updateTable('audit_heads').set({ seq, hash }).where('operator_id', '=', operatorId).execute()
  }
  return result
}

/**
 * Creates the operator's head at the genesis if it has none, and in the same
 * statement row-locks it until the transaction ends. Under READ COMMITTED a
 * waiting append then reads the head its predecessor committed.
 */
async function lockHead(trx: Kysely<Database>, operatorId: string): Promise<{ seq: number; hash: string }> {
  const head = await trx
    .insertInto('audit_heads')
    .values({ operator_id: operatorId, seq: 0, hash: GENESIS_HASH })
    .onConflict((oc) => oc.column('operator_id').doUpdateSet((eb) => ({ seq: eb.ref('audit_heads.seq') })))
    .returning(['seq', 'hash'])
    .executeTakeFirstOrThrow()
  return { seq: Number(head.seq), hash: head.hash }
}

function checkInput(entry: AuditEntryInput, index: number): void {
  const problems: { pointer: string; detail: string }[] = []
  if (!entry.operatorId) problems.push({ pointer: `/${index}/operatorId`, detail: 'is empty' })
  if (!entry.actor || entry.actor.length > 300) problems.push({ pointer: `/${index}/actor`, detail: 'must be 1–300 characters' })
  if (!isAuditAction(entry.action)) problems.push({ pointer: `/${index}/action`, detail: `'${String(entry.action)}' is not an audit action` })
  if (!(entry.at instanceof Date) || Number.isNaN(entry.at.getTime())) problems.push({ pointer: `/${index}/at`, detail: 'is not a valid date' })
  const details = entry.details
  if (details !== undefined && (details === null || typeof details !== 'object' || Array.isArray(details))) {
    problems.push({ pointer: `/${index}/details`, detail: 'must be an object' })
  }
  if (problems.length > 0) throw new DerbesError('DERBES_AUDIT_ENTRY_INVALID', `audit entry ${index} is not valid`, problems)
}
