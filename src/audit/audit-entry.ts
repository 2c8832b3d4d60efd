import { hash } from 'node:crypto'
import { canonicalEntryJson } from './canonical-entry-json.ts'
import type { AuditAction } from './audit-actions.ts'

/** A value allowed in `details`: ids, item ids, counts — never a personal-data value. */
export type AuditDetail = string | number | boolean | null | readonly AuditDetail[] | { readonly [key: string]: AuditDetail }

/** What a caller records. */
export interface AuditEntryInput {
  operatorId: string
  /** When it happened; pass the caller's clock so tests can fix it. Stored to the millisecond. */
  at: Date
  /** A staff id, an API key id, `system`, or `subject:<id>`. */
  actor: string
  action: AuditAction
  subjectId?: string | null
  /** The recorded basis of the access, e.g. `job_duties` (TTC-7.2). */
  basis?: string | null
  /** The policy purpose id the action served. */
  purpose?: string | null
  details?: { readonly [key: string]: AuditDetail }
}

/** An entry as stored in the chain. */
export interface AuditEntry {
  operatorId: string
  seq: number
  at: Date
  actor: string
  action: string
  subjectId: string | null
  basis: string | null
  purpose: string | null
  details: Record<string, unknown>
  prevHash: string
  hash: string
}

/** The `prev_hash` of each chain's first entry. */
export const GENESIS_HASH = '0'.repeat(64)

/** Names the serialisation, so a future change of format cannot be confused with this one. */
const FORMAT = 'derbes-audit-v1'

/**
 * The hash of an entry: lower-case hex SHA-256 of the UTF-8 bytes of
 *
 *     canonicalJson(["derbes-audit-v1", operator_id, seq, at, actor, action,
 *                    subject_id, basis, purpose, details, prev_hash])
 *
 * where `seq` is a JSON number, `at` is `Date.prototype.toISOString()`
 * (UTC, milliseconds, `Z`), absent `subject_id`/`basis`/`purpose` are `null`,
 * `details` is an object, and canonicalJson is `JSON.stringify` with every
 * object's keys sorted by UTF-16 code unit and no whitespace (src/policy/canonical-json.ts).
 * Because `prev_hash` is inside, each entry commits to the whole chain before it.
 */
export function auditEntryHash(entry: Omit<AuditEntry, 'hash'>): string {
  // One-shot crypto.hash: no Hash object per entry, about twice as fast as createHash here.
  return hash('sha256', auditEntryBytes(entry), 'hex')
}

const q = JSON.stringify
const isTextOrNull = (value: unknown): value is string | null => value === null || typeof value === 'string'
const orNull = (value: string | null) => (value === null ? 'null' : q(value))

/** The canonical text that {@link auditEntryHash} hashes; exported for the benchmark's baseline. */
export function auditEntryBytes(entry: Omit<AuditEntry, 'hash'>): string {
  const { operatorId, seq, at, actor, action, subjectId, basis, purpose, details, prevHash } = entry
  // The common shape, written directly — the same text canonicalJson gives (a test holds them equal);
  // verification spends most of its time here. Anything unusual takes the general path.
  if (
    typeof operatorId === 'string' && Number.isSafeInteger(seq) && at instanceof Date && typeof actor === 'string' && typeof action === 'string' &&
    isTextOrNull(subjectId) && isTextOrNull(basis) && isTextOrNull(purpose) && typeof prevHash === 'string'
  ) {
    return `["${FORMAT}",${q(operatorId)},${seq},${q(at.toISOString())},${q(actor)},${q(action)},${orNull(subjectId)},${orNull(basis)},${orNull(purpose)},${canonicalEntryJson(details)},${q(prevHash)}]`
  }
  return canonicalEntryJson([FORMAT, operatorId, seq, at.toISOString(), actor, action, subjectId, basis, purpose, details, prevHash])
}

/** A stored row (either driver) as an entry. */
export interface AuditEntryRow {
  operator_id: string
  seq: string | number
  at: Date
  actor: string
  action: string
  subject_id: string | null
  basis: string | null
  purpose: string | null
  details: Record<string, unknown>
  prev_hash: string
  hash: string
}

export function toAuditEntry(row: AuditEntryRow): AuditEntry {
  return {
    operatorId: row.operator_id,
    seq: Number(row.seq),
    at: row.at,
    actor: row.actor,
    action: row.action,
    subjectId: row.subject_id,
    basis: row.basis,
    purpose: row.purpose,
    details: row.details,
    prevHash: row.prev_hash,
    hash: row.hash,
  }
}

export const AUDIT_ENTRY_COLUMNS = ['operator_id', 'seq', 'at', 'actor', 'action', 'subject_id', 'basis', 'purpose', 'details', 'prev_hash', 'hash'] as const
