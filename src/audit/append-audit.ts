import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../db/index.ts'
import type { AuditEntry, AuditEntryInput } from './audit-entry.ts'
import { checkAuditInputs, lockAuditChains } from './locked-audit-chains.ts'

/**
 * Appends one entry to the operator's audit chain and returns it with its
 * `seq`, `body` and `hash`.
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
 * head lock per operator and one INSERT per 5,000 rows. Entries of one
 * operator get consecutive `seq` in the order given; the result is in input
 * order. Same transaction rule as {@link appendAudit}. An invalid entry
 * (`DERBES_AUDIT_ENTRY_INVALID`) appends none.
 *
 * @example
 * await db.transaction().execute((trx) => appendAuditBatch(trx, consents.map((c) => ({ operatorId, at, actor: 'import:crm', action: 'consent_given', subjectId: c.subjectId }))))
 */
export async function appendAuditBatch(trx: Transaction<Database> | Kysely<Database>, entries: readonly AuditEntryInput[]): Promise<AuditEntry[]> {
  // Checked before any head is locked: a bad batch touches nothing.
  checkAuditInputs(entries)
  const chains = await lockAuditChains(trx, entries.map((e) => e.operatorId))
  const chained = chains.chain(entries)
  await chains.write(chained)
  await chains.finish()
  return chained
}
