import type { RequestKind as DeadlineKind } from '../policy/index.ts'

/**
 * What a data subject (or a representative) can ask for (issue 4 item 1).
 * Each kind is also the key of its deadline in the policy's `deadlines` and in
 * the law profile, so the stricter of the two is found by kind.
 */
export const REQUEST_KINDS = [
  'information', // art. 24(1)(1)–(2), ESP-9: the fact, purposes, sources, methods, recipients, list of data, terms
  'access', // a copy of every record (ESP-3, TW-9.1) — never another subject's data
  'rectify', // backed by documents (TW-9.3, ESP-4)
  'supplement', // TW-9.3
  'block', // art. 25(2)(8), KZK-5.1.4
  'unblock', // art. 25(2)(8)
  'destroy_unlawful', // art. 25(2)(8), TW-9.4, TTC-9.3 (account deletion)
  'anonymise', // PS-7.1
  'stop_unlawful_processing', // TW-9.6
  'withdraw_consent', // whole or per purpose (TTC-9.4), art. 8(7)
  'marketing_opt_out', // TTC-9.4
  'automated_decision_objection', // art. 19-1
  'remove_published', // art. 6
  'complaint', // KZK-7.1
] as const satisfies readonly DeadlineKind[]
export type SubjectRequestKind = (typeof REQUEST_KINDS)[number]

const KNOWN: ReadonlySet<string> = new Set(REQUEST_KINDS)
export function isSubjectRequestKind(value: string): value is SubjectRequestKind {
  return KNOWN.has(value)
}

/**
 * received → verifying → in_progress → awaiting_systems → answered, or refused
 * (issue 4 item 4). `verifying` is where a request waits for identity proof or
 * a representative's authority: visibly waiting, not silently late.
 */
export const REQUEST_STATES = ['received', 'verifying', 'in_progress', 'awaiting_systems', 'answered', 'refused'] as const
export type RequestState = (typeof REQUEST_STATES)[number]

/** How a request reached the operator (policy `requests.channels` plus the API). */
export const INTAKE_CHANNELS = ['api', 'portal', 'written', 'post', 'courier', 'email', 'electronic_document', 'in_person'] as const
export type IntakeChannel = (typeof INTAKE_CHANNELS)[number]

/** Why a request is refused; each cites its ground in the answer. */
export const REFUSAL_GROUNDS = [
  'obligation_unfulfilled', // TTC-9.1, KZK-2.3.5, art. 8(2)
  'law_requires_keeping', // art. 8(2), TTC-4.1.11 accounting documents
  'identity_not_proven', // ESP-9
  'authority_not_proven', // a representative without a valid power (ESP-3, KZK-1.13)
  'no_data_held',
  'other',
] as const
export type RefusalGround = (typeof REFUSAL_GROUNDS)[number]

/** Where a fulfilment task does its work. */
export const TASK_TARGETS = ['vault', 'ledger', 'system', 'recipients', 'manual'] as const
export type TaskTarget = (typeof TASK_TARGETS)[number]

/** What a task does there. */
export const TASK_ACTIONS = ['export', 'rectify', 'supplement', 'block', 'unblock', 'anonymise', 'delete', 'withdraw_consent', 'stop_processing', 'notify'] as const
export type TaskAction = (typeof TASK_ACTIONS)[number]

export const TASK_STATES = ['pending', 'running', 'done', 'failed', 'cancelled'] as const
export type TaskState = (typeof TASK_STATES)[number]
