import type { JobLog } from '../jobs/index.ts'
import { almatyDate, type LocalDate } from '../kz/index.ts'
import { startOfAlmatyDay } from '../requests/index.ts'
import type { IncidentsDeps } from './incidents-deps.ts'
import { recordStep } from './record-step.ts'

/** A reminder on the due day or an escalation after it — ids and dates, no personal data. */
export interface IncidentDeadlineNotice {
  type: 'deadline_approaching' | 'overdue'
  operatorId: string
  incidentId: string
  reference: string
  dueOn: LocalDate
  dueAt: string
  subjectCount: number
}

export type IncidentReminderDeps = Pick<IncidentsDeps, 'db' | 'clock' | 'calendar'> & {
  /** Tells the responsible person (art. 25(3)), once per notice after it committed; the events reach webhooks and NATS either way. */
  notifyResponsiblePerson?: ((notice: IncidentDeadlineNotice) => Promise<void>) | undefined
  log?: JobLog | undefined
}

type Marked = 'reminded_at' | 'escalated_at'
const BATCH = 500
export const REMINDER_ACTOR = 'system:incident-reminders'

/**
 * One pass of the incident deadline job, across operators: each incident
 * whose notice to the authorised body is not recorded gets
 * `incident.deadline_approaching` once when its due day (Almaty) has begun —
 * with one working day there is no earlier day to warn on — and
 * `incident.overdue` once after the due time. Each is marked, put on the
 * timeline, audited and enqueued in one transaction that re-checks the
 * incident, so several processes may run passes side by side and nothing
 * is sent twice.
 *
 * @example
 * const { reminded, escalated } = await remindIncidents(deps)
 */
export async function remindIncidents(deps: IncidentReminderDeps, now: Date = deps.clock()): Promise<{ reminded: IncidentDeadlineNotice[]; escalated: IncidentDeadlineNotice[] }> {
  const reminded: IncidentDeadlineNotice[] = []
  const escalated: IncidentDeadlineNotice[] = []
  // Due by the end of today (Almaty) means the due day has begun.
  const dueDayBegun = new Date(startOfAlmatyDay(almatyDate(now)).getTime() + 86_400_000)
  for (const [column, into, bound] of [['escalated_at', escalated, now], ['reminded_at', reminded, dueDayBegun]] as const) {
    for (;;) {
      const batch = await deps.db.selectFrom('incidents').select(['operator_id', 'incident_id'])
        .where('authority_notified_at', 'is', null).where(column, 'is', null).where('due_at', '<', bound)
        .orderBy('due_at').orderBy('operator_id').orderBy('incident_id').limit(BATCH).execute()
      for (const key of batch) {
        const notice = await mark(deps, column, key, now)
        if (notice) into.push(notice)
      }
      if (batch.length < BATCH) break
    }
  }
  if (deps.notifyResponsiblePerson) {
    for (const notice of [...escalated, ...reminded]) {
      try {
        await deps.notifyResponsiblePerson(notice)
      } catch (err) {
        deps.log?.error({ err, incidentId: notice.incidentId, notice: notice.type }, 'telling the responsible person failed')
      }
    }
  }
  return { reminded, escalated }
}

async function mark(deps: IncidentReminderDeps, column: Marked, key: { operator_id: string; incident_id: string }, now: Date): Promise<IncidentDeadlineNotice | undefined> {
  return deps.db.transaction().execute(async (trx) => {
    const row = await trx.updateTable('incidents')
      .set(column === 'escalated_at' ? { escalated_at: now } : { reminded_at: now })
      .where('operator_id', '=', key.operator_id).where('incident_id', '=', key.incident_id)
      .where(column, 'is', null).where('authority_notified_at', 'is', null)
      .returning(['operator_id', 'incident_id', 'reference', 'due_at', 'subject_count'])
      .executeTakeFirst()
    if (!row) return undefined
    const dueAt = new Date(row.due_at)
    const notice: IncidentDeadlineNotice = {
      type: column === 'escalated_at' ? 'overdue' : 'deadline_approaching',
      operatorId: row.operator_id,
      incidentId: row.incident_id,
      reference: row.reference,
      dueOn: almatyDate(dueAt),
      dueAt: dueAt.toISOString(),
      subjectCount: row.subject_count,
    }
    await recordStep(trx, {
      operatorId: row.operator_id, incidentId: row.incident_id, reference: row.reference, at: now, actor: REMINDER_ACTOR,
      action: notice.type, audit: 'incident_updated', event: notice.type === 'overdue' ? 'incident.overdue' : 'incident.deadline_approaching',
      details: { change: notice.type, dueOn: notice.dueOn, dueAt: notice.dueAt, article: 'art. 25(2)(8)' },
    })
    return notice
  })
}
