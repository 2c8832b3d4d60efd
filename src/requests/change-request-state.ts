import { getRequest, type RequestDetail } from './get-request.ts'
import type { RequestState } from './request-kinds.ts'
import type { RequestsDeps } from './requests-deps.ts'
import { transitionRequest, type Refusal } from './transition-request.ts'

/**
 * Moves a request one legal step, in a transaction of its own (the route's
 * `POST …/requests/:id/transitions`): see `transitionRequest`.
 *
 * @example
 * await changeRequestState(deps, { operatorId: 'kzk', requestId, to: 'answered', note: 'complaint settled by phone and letter' }, 'staff:3')
 */
export async function changeRequestState(
  deps: Pick<RequestsDeps, 'db' | 'clock' | 'calendar'>,
  input: { operatorId: string; requestId: string; to: RequestState; note?: string | undefined },
  actor: string,
): Promise<RequestDetail> {
  await deps.db.transaction().execute((trx) => transitionRequest(trx, deps, { ...input, actor }))
  return getRequest(deps, input.operatorId, input.requestId)
}

/**
 * Refuses an open request with a ground and the clauses it cites — an
 * unfulfilled obligation (TTC-9.1, KZK-2.3.5, art. 8(2)), a law that requires
 * keeping the data (art. 8(2), TTC-4.1 accounting documents), identity not
 * proven (ESP-9) — in a transaction of its own.
 *
 * @example
 * await refuseRequest(deps, { operatorId: 'esp', requestId, ground: 'identity_not_proven', clauses: ['ESP-9'] }, 'staff:7')
 */
export async function refuseRequest(
  deps: Pick<RequestsDeps, 'db' | 'clock' | 'calendar'>,
  input: { operatorId: string; requestId: string; note?: string | undefined } & Refusal,
  actor: string,
): Promise<RequestDetail> {
  const { operatorId, requestId, note, ground, clauses, detail } = input
  const refusal: Refusal = { ground, clauses, ...(detail ? { detail } : {}) }
  await deps.db.transaction().execute((trx) => transitionRequest(trx, deps, { operatorId, requestId, to: 'refused', actor, note, refusal }))
  return getRequest(deps, operatorId, requestId)
}
