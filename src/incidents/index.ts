/**
 * The breach register (issue 5 item 6; art. 1(15-1), art. 25(2)(8),
 * KZK-6.1–6.2): incidents with their deadline to notify the authorised body
 * in the operator's calendar, affected subjects resolved by query, the notice
 * to the authorised body (text and PDF in kk/ru), notices to subjects in
 * their language with the policy's exceptions, reminders and escalation,
 * and a timeline. Other modules use it through this file.
 */
export { INCIDENT_KINDS, INCIDENT_STATUSES, AUTHORITY_CHANNELS, NOTICE_STATUSES, NOTICE_CHANNELS, type IncidentKind, type IncidentStatus } from './incident-kinds.ts'
export type { IncidentsTables } from './incidents-tables.ts'
export type { IncidentsDeps } from './incidents-deps.ts'
export { incidentDueDate, type IncidentDueDate, type IncidentDueBasis } from './incident-due-date.ts'
export { registerIncident, type RegisterIncidentInput } from './register-incident.ts'
export { getIncident } from './find-incident.ts'
export { listIncidents, type IncidentList, type IncidentSummary, type IncidentFilters } from './list-incidents.ts'
export { resolveIncidentSubjects, type SubjectSelector, type ResolvedSubjects } from './resolve-subjects.ts'
export { addIncidentMeasure } from './add-measure.ts'
export { changeIncidentStatus } from './change-incident-status.ts'
export { recordAuthorityNotice, type AuthorityNoticeSent } from './record-authority-notice.ts'
export { authorityNotice, composeAuthorityNotice, type AuthorityNotice } from './compose-authority-notice.ts'
export { renderAuthorityNoticePdf } from './render-authority-notice-pdf.ts'
export { queueSubjectNotices, type QueueNoticesInput, type QueuedNotices } from './queue-subject-notices.ts'
export { incidentTimeline, type TimelineEntry } from './incident-timeline.ts'
export { remindIncidents, type IncidentDeadlineNotice, type IncidentReminderDeps } from './remind-incidents.ts'
export { startIncidentReminderJob } from './start-incident-reminder-job.ts'
export type { IncidentView } from './incident-view.ts'
export { incidentRoutes } from './incident-routes.ts'
