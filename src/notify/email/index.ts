/**
 * E-mail to data subjects over SMTP (issue 4 item 7): a transactional outbox
 * whose content is sealed until sent and wiped after, a dispatcher that
 * leases, sends, retries with back-off and never sends a message twice at
 * once, and the nodemailer transport of `DERBES_SMTP_URL`.
 */
export type { EmailTables, EmailOutboxTable, EmailStatus } from './email-tables.ts'
export { EMAIL_STATUSES } from './email-tables.ts'
export { enqueueEmail, MAX_EMAIL_BYTES, type OutgoingEmail, type EmailAttachment } from './enqueue-email.ts'
export {
  dispatchEmailsOnce, claimDueEmails, recordEmailOutcome, messageIdHeader, DEFAULT_EMAIL_SETTINGS,
  type EmailDispatchDeps, type EmailDispatchSettings, type EmailDispatchResult, type ClaimedEmail, type EmailOutcome,
} from './dispatch-emails-once.ts'
export { startEmailDispatcher, type EmailDispatcherOptions } from './start-email-dispatcher.ts'
export { createSmtpTransport, type EmailTransport, type SmtpSettings } from './email-transport.ts'
export { listRequestEmails, retryEmail, type EmailStatusView } from './email-status.ts'
export { startConfiguredEmail } from './start-configured-email.ts'
