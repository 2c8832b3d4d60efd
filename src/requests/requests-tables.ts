import type { RequestEdsCheck } from './verify-request-eds.ts'
import type { ColumnType, Generated } from 'kysely'
import type { IntakeChannel, RefusalGround, RequestState, SubjectRequestKind, TaskAction, TaskState, TaskTarget } from './request-kinds.ts'

type Timestamp = ColumnType<Date, Date | string, Date | string>
type Json<T = unknown> = ColumnType<T, string, string>

/**
 * One data subject request. Personal data in it (the requester's contacts,
 * identity proof, the values of a correction, free text) is never stored in
 * plain text: `sealed` holds it under the subject's data key, so destroying
 * the subject shreds it too and only the request's metadata — what was asked,
 * when, when answered — stays as proof the operator did its duty.
 */
export interface RequestsTable {
  operator_id: string
  request_id: string
  /** A short human reference printed on letters: `ESP-2026-000123`. */
  reference: string
  kind: SubjectRequestKind
  /** Null while the requester is not (yet) matched to a subject the operator holds. */
  subject_id: string | null
  /** The representative acting for the subject (KZK-1.13, TW-4.1, ESP-3), when one is. */
  representative_id: string | null
  channel: IntakeChannel
  /** When the operator received it — the deadline counts from here (DESIGN "Time"). */
  received_at: Timestamp
  /** The binding due date (end of that day, Asia/Almaty) and how it was found. */
  due_at: Timestamp
  due_basis: Json<Record<string, unknown>>
  state: RequestState
  /** What a `verifying` request waits for: identity proof, a representative's authority. Empty when nothing. */
  waiting_for: Json<string[]>
  /** Purposes, channels, items the request is limited to (a withdrawal per purpose, TTC-9.4). */
  scope: Json<Record<string, unknown>>
  /** AES-256-GCM under the subject's data key: requester contacts, identity proof, values, text. */
  sealed: string | null
  /** Paper intake: the scan's SHA-256 and the postal reference (issue 4 item 2). */
  scan_sha256: string | null
  postal_reference: string | null
  language: 'kk' | 'ru' | 'en'
  refusal: Json<{ ground: RefusalGround; clauses: string[]; detail?: string } | null>
  answered_at: Timestamp | null
  /** Reminder and escalation bookkeeping, so each is sent once. */
  reminded_at: Timestamp | null
  escalated_at: Timestamp | null
  created_by: string
  updated_at: Timestamp
  /** Who asked: the subject, a representative for it, or the authorised body (TW-9.5, ESP-8, KZK-5.1.4). */
  requested_by: ColumnType<RequestedBy, RequestedBy | undefined, RequestedBy>
  /** What intake checked: identity proof kinds required, given and missing (ESP-9), a representative's authority. Never a value. */
  verification: ColumnType<RequestVerification, string | undefined, string>
  /**
   * A request's own data key, wrapped by the operator's keyring, when `sealed`
   * cannot be under a subject's key (a requester the operator does not hold).
   * Null when `sealed` is under the subject's key.
   */
  sealed_key_id: string | null
  sealed_wrapped_key: string | null
}

export const REQUESTED_BY = ['subject', 'representative', 'authorised_body'] as const
export type RequestedBy = (typeof REQUESTED_BY)[number]

/** What a request's verification found; kinds and outcomes only. */
export interface RequestVerification {
  identityProof?: { required: string[]; given: string[]; missing: string[] }
  authority?: { representativeId: string; relation: string | null; active: boolean; checkedAt: string }
  /** The EDS of an electronic-document request, as Derbes checked it (no personal data). */
  eds?: RequestEdsCheck
}

/** Every state change, with who and why: the request's history (also in the audit chain). */
export interface RequestTransitionsTable {
  operator_id: string
  request_id: string
  seq: Generated<number>
  from_state: RequestState | null
  to_state: RequestState
  at: Timestamp
  actor: string
  note: string | null
}

/**
 * One piece of fulfilment: in the vault, the consent ledger, a connected
 * system, telling recipients, or a manual task for staff (a paper archive).
 * The request completes only when every task is done; a failed attempt is
 * retried with back-off and its error kept, never lost.
 */
export interface RequestTasksTable {
  operator_id: string
  task_id: string
  request_id: string
  target: TaskTarget
  /** The connected system for `system` tasks, the recipient for `recipients`. */
  target_id: string | null
  action: TaskAction
  state: TaskState
  attempts: number
  next_attempt_at: Timestamp | null
  last_error: string | null
  /** Counts and ids only; exported values are sealed. */
  result: Json<Record<string, unknown> | null>
  /** AES-256-GCM under the subject's data key: what an export task brought back. */
  result_sealed: string | null
  assigned_to: string | null
  created_at: Timestamp
  done_at: Timestamp | null
}

export interface RequestsTables {
  requests: RequestsTable
  request_transitions: RequestTransitionsTable
  request_tasks: RequestTasksTable
}
