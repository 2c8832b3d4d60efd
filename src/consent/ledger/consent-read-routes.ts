import { Type } from '@sinclair/typebox'
import type { FastifyInstance } from 'fastify'
import { authorize } from '../../access/index.ts'
import type { LedgerDeps } from './ledger-deps.ts'
import { ConsentEventSchema, EventParams, StateRowSchema, stateView, SubjectParams } from './ledger-schemas.ts'
import { getConsentEvent, listSubjectConsents } from './read-consents.ts'

const problem = { $ref: 'Problem#' }

/** A subject's consents and single ledger events (`consents:read`). */
export async function consentReadRoutes(app: FastifyInstance, deps: LedgerDeps): Promise<void> {
  app.get<{ Params: { operatorId: string; subjectId: string }; Querystring: { limit?: number } }>('/v1/operators/:operatorId/subjects/:subjectId/consents', {
    schema: {
      tags: ['consents'],
      summary: "A subject's consents: the current state per purpose and channel, and the history (newest first)",
      params: SubjectParams,
      querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })) }),
      response: { 200: Type.Object({ state: Type.Array(StateRowSchema), history: Type.Array(ConsentEventSchema) }), 400: problem, 401: problem, 403: problem, 404: problem },
    },
  }, async (request) => {
    const { operatorId, subjectId } = request.params
    authorize(request, operatorId, 'consents:read')
    const { state, history } = await listSubjectConsents(deps.db, operatorId, subjectId, { limit: request.query.limit ?? 100 })
    return { state: state.map(stateView), history }
  })

  app.get<{ Params: { operatorId: string; eventId: string } }>('/v1/operators/:operatorId/consents/:eventId', {
    schema: {
      tags: ['consents'],
      summary: 'One consent event with its record (personal data sealed) and hash',
      params: EventParams,
      response: { 200: ConsentEventSchema, 401: problem, 403: problem, 404: problem },
    },
  }, async (request) => {
    authorize(request, request.params.operatorId, 'consents:read')
    return getConsentEvent(deps.db, request.params.operatorId, request.params.eventId)
  })
}
