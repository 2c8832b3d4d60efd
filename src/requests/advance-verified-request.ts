import type { Transaction } from 'kysely'
import type { Database } from '../db/index.ts'
import type { CompiledPolicy } from '../policy/index.ts'
import { obligationRefusal } from './obligation-refusal.ts'
import type { SubjectRequestKind } from './request-kinds.ts'
import { transitionRequest, type RequestTransition } from './transition-request.ts'

/**
 * Takes a `verifying` request on once nothing is missing: refused at once
 * when an open obligation suspends what it asks (TTC-9.1, KZK-2.3.5,
 * art. 8(2)), otherwise into `in_progress`. A request still waiting stays
 * where it is — visibly waiting, its deadline running.
 */
export async function advanceVerifiedRequest(
  trx: Transaction<Database>,
  deps: { clock: () => Date },
  policy: CompiledPolicy,
  request: { operatorId: string; requestId: string; subjectId: string | null; kind: SubjectRequestKind; scope: Record<string, unknown>; waitingFor: readonly string[] },
  actor: string,
): Promise<RequestTransition | undefined> {
  if (request.waitingFor.length > 0) return undefined
  const refusal = request.subjectId === null ? undefined : await obligationRefusal(trx, policy, request.operatorId, request.subjectId, request.kind, request.scope)
  if (refusal) {
    return transitionRequest(trx, deps, { operatorId: request.operatorId, requestId: request.requestId, to: 'refused', actor, refusal, note: 'refused on intake: an obligation of the subject is open' })
  }
  return transitionRequest(trx, deps, { operatorId: request.operatorId, requestId: request.requestId, to: 'in_progress', actor, note: 'verified' })
}
