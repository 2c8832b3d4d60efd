/**
 * What happened, in the words of art. 1(15-1) of Law 94-V: a breach of
 * protection that led to unlawful distribution, change, destruction of, or
 * unauthorised access to personal data.
 */
export const INCIDENT_KINDS = ['unlawful_distribution', 'change', 'destruction', 'unauthorised_access'] as const
export type IncidentKind = (typeof INCIDENT_KINDS)[number]

/** An incident moves forward only: open → contained → notified → closed (a step may be skipped). */
export const INCIDENT_STATUSES = ['open', 'contained', 'notified', 'closed'] as const
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number]

/** How a notice to the authorised body went out (recorded, not sent by Derbes). */
export const AUTHORITY_CHANNELS = ['eotinish', 'email', 'letter', 'courier', 'portal', 'other'] as const
export type AuthorityChannel = (typeof AUTHORITY_CHANNELS)[number]

/** What became of one affected subject's notice (KZK-6.1, KZK-6.2). */
export const NOTICE_STATUSES = ['queued', 'excepted', 'not_required', 'no_contact'] as const
export type NoticeStatus = (typeof NOTICE_STATUSES)[number]

export const NOTICE_CHANNELS = ['email', 'sms'] as const
export type NoticeChannel = (typeof NOTICE_CHANNELS)[number]

/** Every entry of an incident's timeline. */
export const TIMELINE_ACTIONS = [
  'registered', 'subjects_resolved', 'measure_added', 'status_changed', 'authority_notified', 'subject_notices_queued', 'subject_notice_sent',
  'deadline_approaching', 'overdue',
] as const
export type TimelineAction = (typeof TIMELINE_ACTIONS)[number]

export function isIncidentKind(value: string): value is IncidentKind {
  return (INCIDENT_KINDS as readonly string[]).includes(value)
}

/** True when `to` is later in the life cycle than `from`. */
export function isForwardStatus(from: IncidentStatus, to: IncidentStatus): boolean {
  return INCIDENT_STATUSES.indexOf(to) > INCIDENT_STATUSES.indexOf(from)
}
