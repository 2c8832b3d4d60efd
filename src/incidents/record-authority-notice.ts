import { DerbesError } from '../errors/index.ts'
import { findIncidentRow } from './find-incident.ts'
import { AUTHORITY_CHANNELS, type AuthorityChannel } from './incident-kinds.ts'
import { toIncidentView, type IncidentView } from './incident-view.ts'
import type { IncidentsDeps } from './incidents-deps.ts'
import type { AuthorityNoticeRecord } from './incidents-tables.ts'
import { recordStep } from './record-step.ts'

export interface AuthorityNoticeSent {
  /** When it went out; now when absent. */
  sentAt?: Date | string | undefined
  channel: AuthorityChannel
  /** The registration number, e-Otinish reference, postal reference … */
  reference?: string | undefined
}

/**
 * Records that the notice to the authorised body was sent — when, how, under
 * which reference. That stops the art. 25(2)(8) clock: no more reminders or
 * escalations. Sent after the due time it is recorded as `late`, never
 * refused. An open or contained incident becomes `notified`. Recorded once:
 * a second record is `DERBES_INCIDENT_ALREADY_NOTIFIED` (the first stands).
 *
 * @example
 * await recordAuthorityNotice(deps, 'kzk', incidentId, { channel: 'eotinish', reference: 'ЖТ-2026-123456' }, 'staff:7')
 */
export async function recordAuthorityNotice(deps: IncidentsDeps, operatorId: string, incidentId: string, sent: AuthorityNoticeSent, actor: string): Promise<IncidentView> {
  if (!(AUTHORITY_CHANNELS as readonly string[]).includes(sent.channel)) {
    throw new DerbesError('DERBES_VALIDATION', `'${String(sent.channel)}' is not a channel`, [{ pointer: '/body/channel', detail: AUTHORITY_CHANNELS.join(', ') }])
  }
  const now = deps.clock()
  const sentAt = sent.sentAt === undefined ? now : new Date(sent.sentAt)
  if (Number.isNaN(sentAt.getTime())) throw new DerbesError('DERBES_VALIDATION', 'sentAt is not a time', [{ pointer: '/body/sentAt', detail: 'must be an ISO 8601 date-time' }])
  if (sentAt > now) throw new DerbesError('DERBES_VALIDATION', 'a notice cannot be sent in the future', [{ pointer: '/body/sentAt', detail: 'is after now' }])
  const row = await deps.db.transaction().execute(async (trx) => {
    const incident = await findIncidentRow(trx, operatorId, incidentId, { forUpdate: true })
    if (incident.authority_notified_at !== null) {
      throw new DerbesError('DERBES_INCIDENT_ALREADY_NOTIFIED', `the notice of incident ${incident.reference} was recorded sent at ${new Date(incident.authority_notified_at).toISOString()}`)
    }
    if (sentAt < new Date(incident.discovered_at)) {
      throw new DerbesError('DERBES_VALIDATION', 'a notice cannot be sent before the breach was discovered', [{ pointer: '/body/sentAt', detail: 'is before discoveredAt' }])
    }
    const late = sentAt > new Date(incident.due_at)
    const record: AuthorityNoticeRecord = { sentAt: sentAt.toISOString(), channel: sent.channel, reference: sent.reference ?? null, recordedBy: actor, recordedAt: now.toISOString(), late }
    const status = incident.status === 'open' || incident.status === 'contained' ? 'notified' : incident.status
    const updated = await trx.updateTable('incidents')
      .set({ authority_notice: JSON.stringify(record), authority_notified_at: sentAt, status, updated_at: now })
      .where('operator_id', '=', operatorId).where('incident_id', '=', incidentId).returningAll().executeTakeFirstOrThrow()
    await recordStep(trx, {
      operatorId, incidentId, reference: incident.reference, at: now, actor, action: 'authority_notified', audit: 'incident_notified', event: 'incident.authority_notified',
      details: {
        sentAt: record.sentAt, channel: record.channel, ...(record.reference ? { noticeReference: record.reference } : {}),
        dueAt: new Date(incident.due_at).toISOString(), late, subjectCount: incident.subject_count,
      },
    })
    if (status !== incident.status) {
      await recordStep(trx, {
        operatorId, incidentId, reference: incident.reference, at: now, actor, action: 'status_changed', audit: 'incident_updated', event: 'incident.status_changed',
        details: { change: 'status', from: incident.status, to: status, note: 'the authorised body was notified' },
      })
    }
    return updated
  })
  return toIncidentView(row, now, deps.calendar)
}
