import { Type } from '@sinclair/typebox'
import type { FastifyInstance } from 'fastify'
import { authorize } from '../../access/index.ts'
import type { LedgerDeps } from './ledger-deps.ts'
import { ConsentEventSchema, EventParams, StateRowSchema, stateView, SubjectParams } from './ledger-schemas.ts'
import { BUCKETS, consentsOverTime, recentRange, type Bucket } from './consents-over-time.ts'
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

  const Day = Type.String({ format: 'date', description: 'YYYY-MM-DD, a day in Asia/Almaty' })
  app.get<{ Params: { operatorId: string }; Querystring: { from?: string; to?: string; bucket?: Bucket } }>('/v1/operators/:operatorId/consents/over-time', {
    schema: {
      tags: ['consents'],
      summary: 'Consents given, withdrawn, refused and expired per day, week or month (counts only); the last 30 days by day by default',
      params: Type.Object({ operatorId: Type.String() }),
      querystring: Type.Object({ from: Type.Optional(Day), to: Type.Optional(Day), bucket: Type.Optional(Type.Union(BUCKETS.map((b) => Type.Literal(b)))) }, { additionalProperties: false }),
      response: {
        200: Type.Object({
          from: Type.String(), to: Type.String(), bucket: Type.String(),
          periods: Type.Array(Type.Object({ start: Type.String(), given: Type.Integer(), withdrawn: Type.Integer(), refused: Type.Integer(), expired: Type.Integer() })),
        }),
        400: problem, 401: problem, 403: problem,
      },
    },
  }, async (request) => {
    const { operatorId } = request.params
    authorize(request, operatorId, 'consents:read')
    const recent = recentRange(deps.clock(), 30)
    const from = (request.query.from ?? recent.from) as typeof recent.from
    const to = (request.query.to ?? recent.to) as typeof recent.to
    const bucket = request.query.bucket ?? 'day'
    return { from, to, bucket, periods: await consentsOverTime(deps.db, operatorId, { from, to, bucket }) }
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
