import type { Kysely } from 'kysely'
import { appendAudit } from '../../audit/index.ts'
import type { Database } from '../../db/index.ts'
import type { Decision, DecisionRequest } from './decision-types.ts'

export interface DecisionRecord {
  operatorId: string
  /** `api_key:<id>` or `staff:<id>`. */
  actor: string
  request: DecisionRequest
  decision: Decision
  policyVersion: string
  decidedAt: Date
  /** When the entry is written (the app's clock). */
  at: Date
}

/**
 * Records a decided use in the audit chain: `use` when allowed, `access_denied`
 * when refused, in its own transaction. Only ids and codes go into details,
 * never personal data.
 *
 * @example
 * await recordDecision(db, { operatorId: 'esp', actor: 'api_key:k1', request, decision, policyVersion: '2025-1', decidedAt: now, at: now })
 */
export async function recordDecision(db: Kysely<Database>, record: DecisionRecord): Promise<{ auditSeq: number; action: 'use' | 'access_denied' }> {
  const { request, decision } = record
  const action = decision.allow ? 'use' : 'access_denied'
  const details = {
    legalBasis: decision.basis,
    policyVersion: record.policyVersion,
    decidedAt: record.decidedAt.toISOString(),
    ...(request.items ? { items: [...request.items] } : {}),
    ...(request.channel !== undefined ? { channel: request.channel } : {}),
    ...(request.recipient !== undefined ? { recipient: request.recipient } : {}),
    ...(request.country !== undefined ? { country: request.country } : {}),
    ...(decision.allow ? {} : { reasons: decision.reasons.map((r) => r.code) }),
  }
  const entry = await db.transaction().execute((trx) =>
    appendAudit(trx, { operatorId: record.operatorId, at: record.at, actor: record.actor, action, subjectId: request.subjectId, purpose: request.purpose, details }),
  )
  return { auditSeq: entry.seq, action }
}
