import type { CompiledPolicy } from '../../policy/index.ts'
import type { FulfilmentDeps } from './fulfilment-deps.ts'
import type { FulfilmentRequest } from './fulfilment-request.ts'
import type { LeasedTask } from './lease-tasks.ts'
import type { RequestScope } from './request-scope.ts'

/** What an executor gets: the leased task, its request (and scope), the policy in force. */
export interface TaskContext {
  deps: FulfilmentDeps
  task: LeasedTask
  request: FulfilmentRequest
  scope: RequestScope
  policy: CompiledPolicy
}

/** The subject a task acts on; an executor only runs for a request with one (planning gives none to others). */
export function subjectOf(ctx: TaskContext): string {
  if (ctx.request.subject_id === null) throw new Error(`request '${ctx.request.request_id}' has no subject`)
  return ctx.request.subject_id
}
