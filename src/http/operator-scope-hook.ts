import type { FastifyInstance } from 'fastify'
import { withOperatorScope } from '../db/index.ts'

/**
 * Runs every request for one operator — the routes with an `:operatorId`
 * parameter: `/v1/operators/:operatorId/…` and the public notice and consent
 * form pages — inside that operator's scope, so on a PostgreSQL server each
 * of its queries meets row-level security for that operator (DESIGN
 * "Storage"). The rest (the operator list, health, calendar) runs outside.
 *
 * The rest of the request runs inside `AsyncLocalStorage.run`, as in
 * `@fastify/request-context`; Fastify 5 parses bodies in an async resource of
 * the request, so the scope reaches the later hooks and the handler without
 * re-entering it in `preValidation` (a test proves it over a real socket).
 * Register it after authentication: a bearer token names its own operator
 * and is looked up across operators (another operator's key must be a 403).
 *
 * @example
 * registerAuthentication(app, deps)
 * registerOperatorScope(app)
 */
export function registerOperatorScope(app: FastifyInstance): void {
  app.addHook('onRequest', (request, _reply, done) => {
    const { operatorId } = (request.params ?? {}) as { operatorId?: unknown }
    if (typeof operatorId !== 'string' || operatorId === '') return done()
    withOperatorScope(operatorId, done)
  })
}
