import type { Transaction } from 'kysely'
import { appendAudit, type AuditAction, type AuditDetail } from '../audit/index.ts'
import type { Database } from '../db/index.ts'
import { enqueueEvent, type EventType } from '../notify/index.ts'
import type { TimelineAction } from './incident-kinds.ts'

export interface IncidentStep {
  operatorId: string
  incidentId: string
  reference: string
  at: Date
  actor: string
  /** The timeline entry. */
  action: TimelineAction
  /** Ids, kinds, counts and dates — never a personal-data value: it goes to the audit chain, the event and the timeline. */
  details: Record<string, AuditDetail>
  audit: AuditAction
  event: EventType
}

/**
 * One thing done on an incident, written three ways in the caller's
 * transaction: an entry of the incident's timeline, an audit entry of the
 * operator's chain, and an event for its webhooks and NATS — so the
 * timeline, the audit log and the outbox never disagree.
 */
export async function recordStep(trx: Transaction<Database>, step: IncidentStep): Promise<void> {
  const details = { incidentId: step.incidentId, reference: step.reference, ...step.details }
  await trx.insertInto('incident_timeline').values({
    operator_id: step.operatorId,
    incident_id: step.incidentId,
    at: step.at,
    actor: step.actor,
    action: step.action,
    details: JSON.stringify(step.details),
  }).execute()
  await appendAudit(trx, { operatorId: step.operatorId, at: step.at, actor: step.actor, action: step.audit, details })
  await enqueueEvent(trx, { operatorId: step.operatorId, type: step.event, occurredAt: step.at, data: details })
}
