import { findIncidentRow } from './find-incident.ts'
import { toIncidentView, type IncidentView } from './incident-view.ts'
import type { IncidentsDeps } from './incidents-deps.ts'
import { recordStep } from './record-step.ts'

/**
 * Adds a measure taken (passwords reset, access closed, the processor told)
 * — listed in the notice to the authorised body (Order 481/НҚ) and on the
 * timeline, audited as `incident_updated`.
 *
 * @example
 * await addIncidentMeasure(deps, 'kzk', incidentId, 'terminal taken off the network', 'staff:7')
 */
export async function addIncidentMeasure(deps: IncidentsDeps, operatorId: string, incidentId: string, text: string, actor: string): Promise<IncidentView> {
  const now = deps.clock()
  const row = await deps.db.transaction().execute(async (trx) => {
    const incident = await findIncidentRow(trx, operatorId, incidentId, { forUpdate: true })
    const measures = [...incident.measures, { at: now.toISOString(), by: actor, text }]
    const updated = await trx.updateTable('incidents').set({ measures: JSON.stringify(measures), updated_at: now })
      .where('operator_id', '=', operatorId).where('incident_id', '=', incidentId).returningAll().executeTakeFirstOrThrow()
    await recordStep(trx, {
      operatorId, incidentId, reference: incident.reference, at: now, actor, action: 'measure_added', audit: 'incident_updated', event: 'incident.measure_added',
      details: { change: 'measure', measureNo: measures.length },
    })
    return updated
  })
  return toIncidentView(row, now, deps.calendar)
}
