import { Type } from '@sinclair/typebox'
import type { FastifyInstance } from 'fastify'
import type { DatabaseHandle } from '../db/index.ts'
import { PROBLEM_CONTENT_TYPE, toProblem } from './problem-details.ts'

/** `/healthz`: the process is alive. `/readyz`: it can reach its database. */
export function registerHealth(app: FastifyInstance, database: DatabaseHandle) {
  app.get('/healthz', {
    schema: { tags: ['health'], summary: 'Liveness', response: { 200: Type.Object({ status: Type.Literal('ok') }) } },
  }, async () => ({ status: 'ok' as const }))

  app.get('/readyz', {
    schema: { tags: ['health'], summary: 'Readiness: the database answers' },
  }, async (request, reply) => {
    try {
      await database.ping()
      return { status: 'ready', database: database.kind }
    } catch (error) {
      request.log.warn({ err: error }, 'database not reachable')
      return reply.status(503).type(PROBLEM_CONTENT_TYPE).send(toProblem('DERBES_NOT_READY', 'the database does not answer', request.url))
    }
  })
}
