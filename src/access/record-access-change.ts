import type { Kysely, Transaction } from 'kysely'
import { appendAudit, type AuditDetail } from '../audit/index.ts'
import type { Database } from '../db/index.ts'

/** What changed about who may act for the operator; ids and permission names only, never a login or a name. */
export type AccessChange =
  | { change: 'api_key_issued'; keyId: string; permissions: readonly string[]; roleId: string | null; expiresAt: string | null }
  | { change: 'api_key_revoked'; keyId: string }
  | { change: 'staff_added'; staffId: string; roleId: string; extraPermissions: readonly string[] }
  | { change: 'staff_changed'; staffId: string; fields: readonly string[]; roleId: string; extraPermissions: readonly string[]; active: boolean }
  | { change: 'second_factor_reset'; staffId: string }

/**
 * Records a change of access in the operator's audit chain, inside the
 * transaction that makes it, so an auditor can see who gave whom which
 * rights and when (TW-7.1: access is monitored).
 */
export async function recordAccessChange(trx: Transaction<Database> | Kysely<Database>, operatorId: string, actor: string, at: Date, change: AccessChange): Promise<void> {
  await appendAudit(trx, { operatorId, at, actor, action: 'access_changed', details: change as unknown as { readonly [key: string]: AuditDetail } })
}
