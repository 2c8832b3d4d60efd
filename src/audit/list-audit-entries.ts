import type { Kysely } from 'kysely'
import type { Database } from '../db/index.ts'
import { DerbesError } from '../errors/index.ts'
import { BODY_PREV_HASH_AT, type AuditEntry } from './audit-entry.ts'

/**
 * An entry as the API shows it: its operator is the route's, its time an ISO
 * string; `body` is the text that was hashed, so anyone can check
 * `sha256(body) = hash` and that `body` holds `prevHash`.
 */
export type AuditEntryView = Omit<AuditEntry, 'operatorId' | 'at'> & { at: string }

export interface AuditPage {
  entries: AuditEntryView[]
  /** Pass as `after` for the next page; null on the last page. */
  nextAfter: number | null
}

export const MAX_PAGE = 1000

/** One page of an operator's entries in seq order, after `after` (keyset), optionally one subject's only. */
export async function listAuditEntries(
  db: Kysely<Database>,
  operatorId: string,
  query: { after?: number; limit?: number; subjectId?: string } = {},
): Promise<AuditPage> {
  await requireOperator(db, operatorId)
  const limit = Math.min(Math.max(query.limit ?? 100, 1), MAX_PAGE)
  let select = db
    .selectFrom('audit_entries')
    // The columns besides body and hash are generated from body by the database: they cannot differ from it.
    .select(['seq', 'at', 'actor', 'action', 'subject_id', 'basis', 'purpose', 'details', 'body', 'hash'])
    .where('operator_id', '=', operatorId)
    .where('seq', '>', query.after ?? 0)
    .orderBy('seq')
    .limit(limit)
  if (query.subjectId !== undefined) select = select.where('subject_id', '=', query.subjectId)
  const rows = await select.execute()
  const entries = rows.map((r) => ({
    seq: Number(r.seq),
    at: r.at.toISOString(),
    actor: r.actor,
    action: r.action,
    subjectId: r.subject_id,
    basis: r.basis,
    purpose: r.purpose,
    details: r.details,
    prevHash: r.body.slice(BODY_PREV_HASH_AT, BODY_PREV_HASH_AT + 64),
    body: r.body,
    hash: r.hash,
  }))
  return { entries, nextAfter: entries.length === limit ? entries[entries.length - 1]!.seq : null }
}

export async function requireOperator(db: Kysely<Database>, operatorId: string): Promise<void> {
  const operator = await db.selectFrom('operators').select('operator_id').where('operator_id', '=', operatorId).executeTakeFirst()
  if (!operator) throw new DerbesError('DERBES_OPERATOR_NOT_FOUND', `no operator '${operatorId}'`)
}
