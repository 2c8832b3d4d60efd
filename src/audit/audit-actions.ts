/**
 * Every kind of action the audit log records. Processing actions follow
 * art. 1 of Law 94-V (collection, storage, change, supplement, use,
 * distribution, depersonalisation, blocking, destruction); the rest are the
 * consent ledger's, staff access (TTC-7.2), data subject requests, retention,
 * incidents and the policy's own life cycle.
 */
export const AUDIT_ACTIONS = [
  // processing of personal data (art. 1(2), art. 20–21)
  'collect',
  'view',
  'change',
  'supplement',
  'use',
  'transfer',
  'block',
  'unblock',
  'anonymise',
  'destroy',
  'export',
  // consent (art. 8, art. 9)
  'consent_given',
  'consent_refused',
  'consent_withdrawn',
  'consent_expired',
  'consent_reaffirmed',
  // a withdrawal with a notice period (ESP App.1 §5) and one refused while an obligation is open (TTC-9.1, art. 8(2))
  'consent_withdrawal_requested',
  'consent_withdrawal_refused',
  // staff access and its recorded basis (TTC-7.2); a refused decision is recorded too
  'staff_access',
  'access_denied',
  // who was given or lost access: API keys issued and revoked, staff added, changed, disabled (TW-7.1 monitoring)
  'access_changed',
  // a data subject signed in to the portal with a one-time code (issue 4 item 2)
  'subject_signed_in',
  // data subject requests (art. 12, 16, 18–20)
  'request_received',
  'request_state_changed',
  'request_answered',
  'recipients_notified',
  // the responsible person told which requests are overdue or due soon (issue 4 §3, art. 25(3)); ids and references only
  'request_deadlines_notified',
  // fulfilment (issue 4 item 5): tasks planned for a request, one completed by staff or retried, one that failed
  'request_tasks_planned',
  'request_task_completed',
  'request_task_failed',
  'request_task_retried',
  // the data map of the operator's own systems was declared, changed or removed (issue 4 item 5)
  'system_changed',
  // discovery (issue 7): a connected system scanned for personal data (samples read, no value kept); a proposal accepted or rejected
  'discovery_scanned',
  'discovery_proposal_decided',
  // an e-mail with personal data (an answer, its PDF and export) accepted by the SMTP server (src/notify/email/)
  'email_sent',
  // retention
  'legal_hold_placed',
  'legal_hold_released',
  // a retention trigger Derbes cannot derive recorded by staff: purpose achieved, contract end, account closed (issue 5 §1)
  'retention_trigger_recorded',
  // a retention run started and finished (dry or real, with its counts); a destruction act made and signed (issue 5 §3)
  'retention_run',
  'retention_act_created',
  'retention_act_signed',
  // minors found under the policy's minimum age (TTC-10.4, KZK-1.13): a scan, each flag and its end
  'minors_scanned',
  'minor_flagged',
  'minor_flag_cleared',
  // anonymised statistics handed out (art. 17(1), TW-3.2.6, PS-8.1): who, which dimensions, which k
  'statistics_exported',
  // incidents
  'incident_recorded',
  'incident_notified',
  // the affected subjects resolved, a measure added, a status changed; each subject's breach notice or why none went (KZK-6.1, KZK-6.2)
  'incident_subjects_resolved',
  'incident_updated',
  'incident_subject_notice',
  // sessions, one-time codes, sent service mail and delivered events removed once past keeping (src/housekeeping/); counts only
  'housekeeping_pruned',
  // the policy (art. 25(2)(1-1))
  'policy_uploaded',
  'policy_approved',
  'policy_published',
] as const

export type AuditAction = (typeof AUDIT_ACTIONS)[number]

const KNOWN: ReadonlySet<string> = new Set(AUDIT_ACTIONS)

export function isAuditAction(value: string): value is AuditAction {
  return KNOWN.has(value)
}
