/**
 * Data subject requests (issue 4): intake with identity proof and a
 * representative's authority, due dates in the operator's business-day
 * calendar (the stricter of policy and law), the state machine with every
 * step audited, reminders and escalation, and the routes under
 * `/v1/operators/{operatorId}/requests`. Fulfilment (`fulfilment/`) and the
 * answer letter (`answers/`) build on what is exported here.
 */
export {
  REQUEST_KINDS,
  REQUEST_STATES,
  INTAKE_CHANNELS,
  REFUSAL_GROUNDS,
  TASK_TARGETS,
  TASK_ACTIONS,
  TASK_STATES,
  isSubjectRequestKind,
  type SubjectRequestKind,
  type RequestState,
  type IntakeChannel,
  type RefusalGround,
  type TaskTarget,
  type TaskAction,
  type TaskState,
} from './request-kinds.ts'
export { REQUESTED_BY, type RequestsTables, type RequestsTable, type RequestTasksTable, type RequestTransitionsTable, type RequestedBy, type RequestVerification } from './requests-tables.ts'
export type { RequestsDeps } from './requests-deps.ts'
export { requestSettings, DEFAULT_REQUEST_SETTINGS, type RequestSettings } from './request-settings.ts'
export { LEGAL_TRANSITIONS, OPEN_STATES, CLOSED_STATES, isLegalTransition, isOpenState } from './request-states.ts'
export { dueDate, deadlineCandidate, type RequestDueDate, type DueBasis, type DeadlineCandidate, type DeadlineRule } from './due-date.ts'
export { startOfAlmatyDay, endOfAlmatyDay } from './almaty-day-bounds.ts'
export { submitRequest, type SubmitRequestInput } from './submit-request.ts'
export { provideIdentityProof, recheckRequest, type VerificationInput } from './provide-identity-proof.ts'
export { identityProofCheck, SIGNATURE_KINDS, type IdentityProofInput, type IdentityProofCheck, type SignatureKind } from './identity-proof.ts'
export { checkRequestContent, type RequestContentInput, type SupportingDocument, type CheckedContent } from './check-request-content.ts'
export { transitionRequest, type TransitionInput, type RequestTransition, type Refusal } from './transition-request.ts'
export { changeRequestState, refuseRequest } from './change-request-state.ts'
export { obligationRefusal } from './obligation-refusal.ts'
export { getRequest, findRequestRow, type RequestDetail, type RequestHistoryEntry, type RequestTaskView } from './get-request.ts'
export { listRequests, DUE_FILTERS, type DueFilter, type RequestFilters, type RequestList } from './list-requests.ts'
export { overdueSummary, type OverdueSummary, type DeadlineCounts } from './overdue-summary.ts'
export { toRequestView, type RequestView, type RequestRow } from './request-view.ts'
export { sealRequestData, openRequestData, type SealedRequestData, type RequestSeal } from './seal-request.ts'
export { readRequestContent, type ReadRequestContentInput, type RequestContent } from './read-request-content.ts'
export { checkIntakeChannel } from './intake-channel.ts'
export { remindAndEscalate, type DeadlineNotice, type ReminderDeps } from './remind-and-escalate.ts'
export { startRequestReminderJob } from './start-request-reminder-job.ts'
export { REQUEST_STATE_TEXTS, WAITING_FOR_TEXTS } from './request-texts.ts'
export { requestRoutes } from './request-routes.ts'
