import type { SubjectStatus } from '../db/database-schema.ts'
import type { RetentionTrigger } from '../policy/index.ts'
import type { SubjectFacts } from './subject-retention.ts'

/** A row of `subjectFactsColumns` with its subject's columns; pg and PGlite both return jsonb parsed. */
export interface SubjectFactsRow {
  subject_id: string
  kind: string
  status: SubjectStatus
  relationship_ended_at: Date | string | null
  items: { i: string; n: number; c: string; p: string[] }[]
  consents: { p: string; w: string | null; e: string | null }[]
  recorded: { t: RetentionTrigger; p: string; at: string }[]
  deletion_requested_at: Date | string | null
}

const date = (v: Date | string | null): Date | null => (v === null ? null : v instanceof Date ? v : new Date(v))

export function toSubjectFacts(row: SubjectFactsRow): SubjectFacts {
  return {
    subjectId: row.subject_id,
    kind: row.kind,
    status: row.status,
    relationshipEndedAt: date(row.relationship_ended_at),
    items: row.items.map((i) => ({ itemId: i.i, valueNo: i.n, collectedAt: new Date(i.c), purposes: i.p })),
    consents: row.consents.map((c) => ({ purposeId: c.p, withdrawnAt: date(c.w), expiresAt: date(c.e) })),
    recorded: row.recorded.map((r) => ({ trigger: r.t, purposeId: r.p, occurredAt: new Date(r.at) })),
    deletionRequestedAt: date(row.deletion_requested_at),
  }
}

/** A subject a sweep's page found due, with the dates the page read (find-due-retention.ts). */
export interface PageRow {
  subject_id: string
  kind: string
  status: SubjectStatus
  relationship_end: Date | string | null
  contract_end: Date | string | null
  account_closed: Date | string | null
  deletion_request: Date | string | null
  items: { i: string; n: number; c: string; p: string[] }[]
  purposes: { p: string; w: string | null; e: string | null; a: string | null }[]
}

export function pageRowFacts(row: PageRow): SubjectFacts {
  const recorded: SubjectFacts['recorded'] = []
  const contractEnd = date(row.contract_end)
  const accountClosed = date(row.account_closed)
  if (contractEnd) recorded.push({ trigger: 'contract_end', purposeId: '', occurredAt: contractEnd })
  if (accountClosed) recorded.push({ trigger: 'account_closed', purposeId: '', occurredAt: accountClosed })
  for (const p of row.purposes) if (p.a) recorded.push({ trigger: 'purpose_achieved', purposeId: p.p, occurredAt: new Date(p.a) })
  return {
    subjectId: row.subject_id,
    kind: row.kind,
    status: row.status,
    relationshipEndedAt: date(row.relationship_end),
    items: row.items.map((i) => ({ itemId: i.i, valueNo: i.n, collectedAt: new Date(i.c), purposes: i.p })),
    consents: row.purposes.filter((p) => p.w !== null || p.e !== null).map((p) => ({ purposeId: p.p, withdrawnAt: date(p.w), expiresAt: date(p.e) })),
    recorded,
    deletionRequestedAt: date(row.deletion_request),
  }
}
