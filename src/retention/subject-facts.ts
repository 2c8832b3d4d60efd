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
