import { sql, type Kysely } from 'kysely'
import type { Database } from '../db/index.ts'
import type { AuditEntryInput } from './audit-entry.ts'

/** Test support: an operator row the chain can belong to. */
export async function insertOperator(db: Kysely<Database>, operatorId: string): Promise<void> {
  await db.insertInto('operators').values({ operator_id: operatorId, name: JSON.stringify({ kk: operatorId, ru: operatorId, en: operatorId }), bin: null }).execute()
}

export const T0 = new Date('2026-11-21T10:00:00.000Z')

export function entry(operatorId: string, n: number, overrides: Partial<AuditEntryInput> = {}): AuditEntryInput {
  return {
    operatorId,
    at: new Date(T0.getTime() + n * 1000),
    actor: 'staff:7',
    action: 'view',
    subjectId: `s-${n}`,
    basis: 'job_duties',
    purpose: 'contract',
    details: { itemIds: ['phone', 'iin'], count: n },
    ...overrides,
  }
}

/**
 * Tampering as someone with the table owner's rights would: the append-only
 * trigger is switched off first, because it guards against mistakes, not against them.
 */
export async function tamper(db: Kysely<Database>, statement: ReturnType<typeof sql>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`alter table audit_entries disable trigger audit_entries_append_only`.execute(trx)
    await statement.execute(trx)
    await sql`alter table audit_entries enable trigger audit_entries_append_only`.execute(trx)
  })
}
