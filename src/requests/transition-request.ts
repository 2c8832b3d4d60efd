import type { Kysely, Transaction } from 'kysely'
import { appendAudit } from '../audit/index.ts'
import type { Database } from '../db/index.ts'
import { DerbesError } from '../errors/index.ts'
import { enqueueEvent } from '../notify/index.ts'
import { REFUSAL_GROUNDS, type RefusalGround, type RequestState } from './request-kinds.ts'
import { isLegalTransition, LEGAL_TRANSITIONS } from './request-states.ts'

/** Why a request is refused: a ground, the clauses or articles it rests on, and a word for the answer. */
export interface Refusal {
  ground: RefusalGround
  /** At least one: `TTC-9.1`, `KZK-2.3.5`, `art. 8(2)`, `ESP-9` … */
  clauses: string[]
  /** Shown to the subject in the answer; no personal data. */
  detail?: string
}

export interface TransitionInput {
  operatorId: string
  requestId: string
  to: RequestState
  /** `staff:<id>`, `api_key:<id>`: who moved it (the audit log's actor). */
  actor: string
  /** For the request's history; no personal data. */
  note?: string | null | undefined
  /** Required when `to` is `refused`. */
  refusal?: Refusal | undefined
}

export interface RequestTransition {
  requestId: string
  seq: number
  from: RequestState
  to: RequestState
  at: string
  actor: string
  note: string | null
}

function checkRefusal(refusal: Refusal | undefined): Refusal {
  if (!refusal) throw new DerbesError('DERBES_VALIDATION', 'a refusal needs its ground and the clauses it cites', [{ pointer: '/body/ground', detail: 'is required to refuse' }])
  if (!(REFUSAL_GROUNDS as readonly string[]).includes(refusal.ground)) {
    throw new DerbesError('DERBES_VALIDATION', `'${refusal.ground}' is not a refusal ground`, [{ pointer: '/body/ground', detail: `must be one of ${REFUSAL_GROUNDS.join(', ')}` }])
  }
  const clauses = refusal.clauses.map((c) => c.trim())
  if (clauses.length === 0 || clauses.some((c) => c === '')) {
    throw new DerbesError('DERBES_VALIDATION', 'a refusal cites the clause or article it rests on', [{ pointer: '/body/clauses', detail: 'at least one non-empty clause or article' }])
  }
  return { ground: refusal.ground, clauses, ...(refusal.detail ? { detail: refusal.detail } : {}) }
}

/**
 * Moves a request to `to` — only along the legal steps (`LEGAL_TRANSITIONS`):
 * the step goes to `request_transitions`, the audit chain
 * (`request_state_changed`) and the outbox (`request.state_changed`, plus
 * `request.answered` or `request.refused`) in the caller's transaction, so
 * all of it commits or none. An illegal step is
 * `DERBES_REQUEST_TRANSITION_NOT_ALLOWED` (409); a `verifying` request moves
 * on only when nothing is missing (`DERBES_REQUEST_VERIFICATION_PENDING`); a
 * refusal needs a ground and the clauses it cites (TTC-9.1, KZK-2.3.5 and
 * art. 8(2) for an unfulfilled obligation; ESP-9 for identity not proven).
 * Throwing inside the caller's transaction rolls everything back.
 *
 * @example
 * await db.transaction().execute((trx) =>
 *   transitionRequest(trx, { clock }, { operatorId: 'tw', requestId, to: 'awaiting_systems', actor: 'system:fulfilment' }))
 */
export async function transitionRequest(
  trx: Transaction<Database> | Kysely<Database>,
  deps: { clock: () => Date },
  input: TransitionInput,
): Promise<RequestTransition> {
  const { operatorId, requestId, to } = input
  const row = await trx
    .selectFrom('requests')
    .select(['state', 'kind', 'reference', 'subject_id', 'waiting_for'])
    .where('operator_id', '=', operatorId)
    .where('request_id', '=', requestId)
    .forUpdate()
    .executeTakeFirst()
  if (!row) throw new DerbesError('DERBES_REQUEST_NOT_FOUND', `operator '${operatorId}' has no request '${requestId}'`)
  const from = row.state
  if (!isLegalTransition(from, to)) {
    const next = LEGAL_TRANSITIONS[from]
    throw new DerbesError('DERBES_REQUEST_TRANSITION_NOT_ALLOWED', `request ${row.reference} is ${from}: it ${next.length > 0 ? `can move to ${next.join(', ')}` : 'is closed'}, not to ${to}`, [
      { pointer: '/body/to', detail: next.length > 0 ? `from ${from}: ${next.join(', ')}` : `${from} is final` },
    ])
  }
  const waiting = row.waiting_for
  if (from === 'verifying' && to !== 'refused' && waiting.length > 0) {
    throw new DerbesError('DERBES_REQUEST_VERIFICATION_PENDING', `request ${row.reference} waits for ${waiting.join(' and ')}: provide it, or refuse the request`, [
      { pointer: '/body/to', detail: `still waiting for ${waiting.join(', ')}` },
    ])
  }
  const refusal = to === 'refused' ? checkRefusal(input.refusal) : undefined
  const at = deps.clock()
  const note = input.note?.trim() || null
  await trx
    .updateTable('requests')
    .set({
      state: to,
      updated_at: at,
      // What verification waited for is kept in `verification`; only a verifying request is shown waiting.
      ...(from === 'verifying' && to !== 'verifying' ? { waiting_for: '[]' } : {}),
      ...(refusal ? { refusal: JSON.stringify(refusal) } : {}),
      ...(to === 'answered' ? { answered_at: at } : {}),
    })
    .where('operator_id', '=', operatorId)
    .where('request_id', '=', requestId)
    .execute()
  const inserted = await trx
    .insertInto('request_transitions')
    .values({ operator_id: operatorId, request_id: requestId, from_state: from, to_state: to, at, actor: input.actor, note })
    .returning('seq')
    .executeTakeFirstOrThrow()
  const facts = { requestId, reference: row.reference, kind: row.kind, from, to }
  await appendAudit(trx, {
    operatorId,
    at,
    actor: input.actor,
    action: 'request_state_changed',
    subjectId: row.subject_id,
    details: { ...facts, ...(refusal ? { ground: refusal.ground, clauses: refusal.clauses } : {}) },
  })
  const event = { operatorId, subjectId: row.subject_id, occurredAt: at }
  await enqueueEvent(trx, { ...event, type: 'request.state_changed', data: facts })
  if (to === 'answered') await enqueueEvent(trx, { ...event, type: 'request.answered', data: { requestId, reference: row.reference, kind: row.kind } })
  if (refusal) await enqueueEvent(trx, { ...event, type: 'request.refused', data: { requestId, reference: row.reference, kind: row.kind, ground: refusal.ground, clauses: refusal.clauses } })
  return { requestId, seq: inserted.seq, from, to, at: at.toISOString(), actor: input.actor, note }
}
