import type { Selectable } from 'kysely'
import { almatyDate, type BusinessCalendar, type LocalDate } from '../kz/index.ts'
import type { DueBasis } from './due-date.ts'
import type { IntakeChannel, RefusalGround, RequestState, SubjectRequestKind } from './request-kinds.ts'
import { isOpenState } from './request-states.ts'
import type { RequestedBy, RequestsTable, RequestVerification } from './requests-tables.ts'

export type RequestRow = Selectable<RequestsTable>

/** What anyone with `requests:read` sees of a request: metadata and deadline, never a sealed value. */
export interface RequestView {
  operatorId: string
  requestId: string
  reference: string
  kind: SubjectRequestKind
  state: RequestState
  /** Null when the requester is not a subject the operator holds (answered "no data held"). */
  subjectId: string | null
  representativeId: string | null
  requestedBy: RequestedBy
  channel: IntakeChannel
  language: 'kk' | 'ru' | 'en'
  receivedAt: string
  dueOn: LocalDate
  dueAt: string
  dueBasis: DueBasis
  /** Open and past its due time: listed first, counted in the summary, escalated. */
  overdue: boolean
  /** Business days from today to the due date in the operator's calendar; negative once overdue; null when closed. */
  businessDaysLeft: number | null
  /** Closed after its due time. */
  late: boolean
  /** What a `verifying` request waits for: `identity_proof`, `authority`. */
  waitingFor: string[]
  verification: RequestVerification
  scope: Record<string, unknown>
  scanSha256: string | null
  postalReference: string | null
  refusal: { ground: RefusalGround; clauses: string[]; detail?: string } | null
  answeredAt: string | null
  remindedAt: string | null
  escalatedAt: string | null
  /** Whether personal data (contacts, proof, values, text) is sealed with it. */
  hasSealedData: boolean
  createdBy: string
  updatedAt: string
}

/**
 * @example
 * toRequestView(row, clock(), calendar).overdue
 */
export function toRequestView(row: RequestRow, now: Date, calendar: BusinessCalendar): RequestView {
  const open = isOpenState(row.state)
  const dueAt = new Date(row.due_at)
  const dueOn = almatyDate(dueAt)
  const closedAt = row.answered_at ?? (open ? null : row.updated_at)
  return {
    operatorId: row.operator_id,
    requestId: row.request_id,
    reference: row.reference,
    kind: row.kind,
    state: row.state,
    subjectId: row.subject_id,
    representativeId: row.representative_id,
    requestedBy: row.requested_by,
    channel: row.channel,
    language: row.language,
    receivedAt: new Date(row.received_at).toISOString(),
    dueOn,
    dueAt: dueAt.toISOString(),
    dueBasis: row.due_basis as unknown as DueBasis,
    overdue: open && now > dueAt,
    businessDaysLeft: open ? calendar.businessDaysBetween(almatyDate(now), dueOn) : null,
    late: closedAt !== null && new Date(closedAt) > dueAt,
    waitingFor: row.waiting_for,
    verification: row.verification,
    scope: row.scope,
    scanSha256: row.scan_sha256,
    postalReference: row.postal_reference,
    refusal: row.refusal,
    answeredAt: row.answered_at ? new Date(row.answered_at).toISOString() : null,
    remindedAt: row.reminded_at ? new Date(row.reminded_at).toISOString() : null,
    escalatedAt: row.escalated_at ? new Date(row.escalated_at).toISOString() : null,
    hasSealedData: row.sealed !== null,
    createdBy: row.created_by,
    updatedAt: new Date(row.updated_at).toISOString(),
  }
}
