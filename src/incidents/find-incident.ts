import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../db/index.ts'
import { DerbesError } from '../errors/index.ts'
import type { IncidentsDeps } from './incidents-deps.ts'
import { toIncidentView, type IncidentRow, type IncidentView } from './incident-view.ts'

/** The incident's row, locked for update inside a transaction when asked; `DERBES_INCIDENT_NOT_FOUND` otherwise. */
export async function findIncidentRow(db: Kysely<Database> | Transaction<Database>, operatorId: string, incidentId: string, options: { forUpdate?: boolean } = {}): Promise<IncidentRow> {
  let query = db.selectFrom('incidents').selectAll().where('operator_id', '=', operatorId).where('incident_id', '=', incidentId)
  if (options.forUpdate) query = query.forUpdate()
  const row = await query.executeTakeFirst()
  if (!row) throw new DerbesError('DERBES_INCIDENT_NOT_FOUND', `operator '${operatorId}' has no incident '${incidentId}'`)
  return row
}

/**
 * One incident of the breach register with its deadline's state now.
 *
 * @example
 * const incident = await getIncident(deps, 'kzk', incidentId)
 * incident.overdue // true once the end of the due day (Almaty) passed without a recorded notice
 */
export async function getIncident(deps: Pick<IncidentsDeps, 'db' | 'clock' | 'calendar'>, operatorId: string, incidentId: string): Promise<IncidentView> {
  return toIncidentView(await findIncidentRow(deps.db, operatorId, incidentId), deps.clock(), deps.calendar)
}
