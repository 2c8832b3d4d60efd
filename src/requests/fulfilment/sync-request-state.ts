import { transitionRequest } from '../transition-request.ts'
import { FULFILMENT_ACTOR, type FulfilmentDeps } from './fulfilment-deps.ts'
import { loadRequest } from './fulfilment-request.ts'

/**
 * Keeps a request's state telling the truth about its tasks: `awaiting_systems`
 * while a connected system has work open, `in_progress` while only Derbes or
 * staff do (a paper archive, the vault's destruction after the systems). The
 * answer itself is `answerRequest`'s step.
 */
export async function syncRequestState(deps: FulfilmentDeps, operatorId: string, requestId: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const request = await loadRequest(trx, operatorId, requestId, { forUpdate: true })
    if (request.state !== 'in_progress' && request.state !== 'awaiting_systems') return
    const open = await trx
      .selectFrom('request_tasks')
      .select(['target'])
      .where('operator_id', '=', operatorId)
      .where('request_id', '=', requestId)
      .where('state', 'not in', ['done', 'cancelled'])
      .execute()
    if (open.length === 0) return
    const wanted = open.some((t) => t.target === 'system') ? 'awaiting_systems' : 'in_progress'
    if (wanted === request.state) return
    const note = wanted === 'awaiting_systems' ? 'waiting for connected systems' : 'the connected systems are done; the rest is in Derbes or with staff'
    await transitionRequest(trx, deps, { operatorId, requestId, to: wanted, actor: FULFILMENT_ACTOR, note })
  })
}
