import { DerbesError } from '../errors/index.ts'
import { findIncidentRow } from './find-incident.ts'
import { INCIDENT_STATUSES, isForwardStatus, type IncidentStatus } from './incident-kinds.ts'
import { toIncidentView, type IncidentView } from './incident-view.ts'
import type { IncidentsDeps } from './incidents-deps.ts'
import { recordStep } from './record-step.ts'

/**
 * Moves an incident forward: open → contained → notified → closed. Steps
 * may be skipped, never undone; `notified` and `closed` need the notice to
 * the authorised body recorded (art. 25(2)(8)) — recording it moves an open
 * or contained incident to `notified` by itself.
 *
 * @example
 * await changeIncidentStatus(deps, 'kzk', incidentId, { to: 'contained', note: 'terminal isolated' }, 'staff:7')
 */
export async function changeIncidentStatus(deps: IncidentsDeps, operatorId: string, incidentId: string, change: { to: IncidentStatus; note?: string | undefined }, actor: string): Promise<IncidentView> {
  if (!(INCIDENT_STATUSES as readonly string[]).includes(change.to)) {
    throw new DerbesError('DERBES_VALIDATION', `'${String(change.to)}' is not an incident status`, [{ pointer: '/body/to', detail: INCIDENT_STATUSES.join(', ') }])
  }
  const now = deps.clock()
  const row = await deps.db.transaction().execute(async (trx) => {
    const incident = await findIncidentRow(trx, operatorId, incidentId, { forUpdate: true })
    if (!isForwardStatus(incident.status, change.to)) {
      throw new DerbesError('DERBES_INCIDENT_STATUS_NOT_ALLOWED', `incident ${incident.reference} is ${incident.status}; it cannot move to ${change.to}`, [{ pointer: '/body/to', detail: 'statuses move forward only: open → contained → notified → closed' }])
    }
    if ((change.to === 'notified' || change.to === 'closed') && incident.authority_notified_at === null) {
      throw new DerbesError('DERBES_INCIDENT_STATUS_NOT_ALLOWED', `incident ${incident.reference} cannot be ${change.to} before the authorised body is notified (art. 25(2)(8))`, [{ pointer: '/body/to', detail: 'record the authority notice first (…/authority-notice)' }])
    }
    const updated = await trx.updateTable('incidents').set({ status: change.to, updated_at: now })
      .where('operator_id', '=', operatorId).where('incident_id', '=', incidentId).returningAll().executeTakeFirstOrThrow()
    await recordStep(trx, {
      operatorId, incidentId, reference: incident.reference, at: now, actor, action: 'status_changed', audit: 'incident_updated', event: 'incident.status_changed',
      details: { change: 'status', from: incident.status, to: change.to, ...(change.note ? { note: change.note } : {}) },
    })
    return updated
  })
  return toIncidentView(row, now, deps.calendar)
}
