import { Type } from '@sinclair/typebox'
import type { FastifyInstance } from 'fastify'
import { authorize } from '../../access/index.ts'
import type { LedgerDeps } from './ledger-deps.ts'
import { ObligationBody, ObligationParams, ObligationSchema, SubjectParams } from './ledger-schemas.ts'
import { fulfilObligation, listObligations, openObligation } from './obligations.ts'

const problem = { $ref: 'Problem#' }
type Subject = { operatorId: string; subjectId: string }

/** Obligations of a subject that block withdrawal while open (TTC-9.1, KZK-2.3.5, art. 8(2)). */
export async function obligationRoutes(app: FastifyInstance, deps: LedgerDeps): Promise<void> {
  const base = '/v1/operators/:operatorId/subjects/:subjectId/obligations'

  app.get<{ Params: Subject; Querystring: { open?: boolean } }>(base, {
    schema: {
      tags: ['consents'],
      summary: "A subject's obligations, oldest first; `?open=true` for the unfulfilled ones",
      params: SubjectParams,
      querystring: Type.Object({ open: Type.Optional(Type.Boolean()) }),
      response: { 200: Type.Object({ obligations: Type.Array(ObligationSchema) }), 400: problem, 401: problem, 403: problem, 404: problem },
    },
  }, async (request) => {
    const { operatorId, subjectId } = request.params
    authorize(request, operatorId, 'consents:read')
    return { obligations: await listObligations(deps.db, operatorId, subjectId, { open: request.query.open === true }) }
  })

  app.post<{ Params: Subject; Body: { obligationId?: string; kind: string; description?: string } }>(base, {
    schema: {
      tags: ['consents'],
      summary: 'Open an obligation of the subject; while open, a form that says so refuses withdrawal',
      params: SubjectParams,
      body: ObligationBody,
      response: { 201: ObligationSchema, 400: problem, 401: problem, 403: problem, 404: problem, 409: problem, 410: problem },
    },
  }, async (request, reply) => {
    authorize(request, request.params.operatorId, 'consents:write')
    return reply.status(201).send(await openObligation(deps, { ...request.params, ...request.body }))
  })

  app.post<{ Params: Subject & { obligationId: string } }>(`${base}/:obligationId/fulfil`, {
    schema: {
      tags: ['consents'],
      summary: 'Mark an obligation fulfilled',
      params: ObligationParams,
      response: { 200: ObligationSchema, 401: problem, 403: problem, 404: problem, 409: problem },
    },
  }, async (request) => {
    const { operatorId, subjectId, obligationId } = request.params
    authorize(request, operatorId, 'consents:write')
    return fulfilObligation(deps, operatorId, subjectId, obligationId)
  })
}
