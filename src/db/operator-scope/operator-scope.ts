import { AsyncLocalStorage } from 'node:async_hooks'

interface OperatorScope {
  readonly operatorId: string
}

// One store for the process: the HTTP hook enters it per request, the
// connection wrapper (operator-scoped-driver.ts) reads it per acquired connection.
const scopes = new AsyncLocalStorage<OperatorScope>()

/**
 * Runs `work` — and everything it starts, awaits or schedules — as the work
 * of one operator: every database connection acquired inside carries
 * `derbes.operator_id = operatorId`, so on a PostgreSQL server row-level
 * security hides and refuses every other operator's rows (DESIGN "Storage").
 * Requests to `/v1/operators/:operatorId/…` run inside one (the HTTP hook);
 * cross-operator jobs (event dispatch, checkpoints, sweeps, migrations) run
 * outside any. It narrows, never widens: the queries still name their operator.
 *
 * @example
 * const subject = await withOperatorScope('esp', () => getSubject(deps, 'esp', subjectId))
 */
export function withOperatorScope<T>(operatorId: string, work: () => T): T {
  // '' is what the database reads as "no scope": refusing it keeps a blank id from widening a scope.
  if (operatorId === '') throw new Error('an operator scope needs an operator id')
  return scopes.run({ operatorId }, work)
}

/**
 * The operator whose scope the caller runs in, or `undefined` outside any.
 *
 * @example
 * withOperatorScope('tw', () => currentOperatorScope()) // 'tw'
 */
export function currentOperatorScope(): string | undefined {
  return scopes.getStore()?.operatorId
}

/**
 * Runs `work` outside any operator scope, for a job that must see every
 * operator even when something inside a request starts it.
 *
 * @example
 * withoutOperatorScope(() => startEventDispatcher(deps)) // its timers inherit no scope
 */
export function withoutOperatorScope<T>(work: () => T): T {
  return scopes.exit(work)
}
