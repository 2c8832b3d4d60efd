import type { IncidentsDeps } from './incidents-deps.ts'
import { findIncidentRow } from './find-incident.ts'
import type { TimelineAction } from './incident-kinds.ts'

export interface TimelineEntry {
  at: string
  actor: string
  action: TimelineAction
  details: Record<string, unknown>
}

/**
 * Everything done on an incident, in order: registered, subjects resolved,
 * measures, status changes, the authority notice, subject notices queued,
 * reminders and escalation — and each e-mail notice the outbox reports sent
 * (`subject_notice_sent`, from the e-mail outbox's own record).
 *
 * @example
 * const timeline = await incidentTimeline(deps, 'kzk', incidentId)
 * timeline.map((e) => e.action) // ['registered', 'subjects_resolved', 'authority_notified', 'status_changed', …]
 */
export async function incidentTimeline(deps: Pick<IncidentsDeps, 'db'>, operatorId: string, incidentId: string): Promise<TimelineEntry[]> {
  await findIncidentRow(deps.db, operatorId, incidentId)
  const steps = await deps.db.selectFrom('incident_timeline').select(['seq', 'at', 'actor', 'action', 'details'])
    .where('operator_id', '=', operatorId).where('incident_id', '=', incidentId).orderBy('seq').execute()
  const sent = await deps.db.selectFrom('incident_subjects as i')
    .innerJoin('email_outbox as e', (join) => join.onRef('e.operator_id', '=', 'i.operator_id').onRef('e.message_id', '=', 'i.notice_message_id'))
    .select(['i.subject_id', 'e.message_id', 'e.sent_at', 'i.notice_language'])
    .where('i.operator_id', '=', operatorId).where('i.incident_id', '=', incidentId).where('i.notice_channel', '=', 'email').where('e.sent_at', 'is not', null)
    .execute()
  const entries: (TimelineEntry & { order: number })[] = steps.map((s) => ({ at: new Date(s.at).toISOString(), actor: s.actor, action: s.action, details: s.details, order: s.seq }))
  for (const e of sent) {
    entries.push({ at: new Date(e.sent_at!).toISOString(), actor: 'system:email', action: 'subject_notice_sent', details: { subjectId: e.subject_id, channel: 'email', messageId: e.message_id, language: e.notice_language }, order: Number.MAX_SAFE_INTEGER })
  }
  // Stable: by time, the recorded order breaking ties.
  entries.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.order - b.order))
  return entries.map(({ order: _order, ...entry }) => entry)
}
