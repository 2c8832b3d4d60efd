import type { Static } from '@sinclair/typebox'
import type { FastifyInstance } from 'fastify'
import { AcknowledgementQuery, requestAcknowledgementPdf } from '../requests/acknowledgement/index.ts'
import { accessExport, answerPdf } from '../requests/fulfilment/index.ts'
import type { PortalDeps } from './portal-deps.ts'
import { checkSubjectSubmissions, portalRateLimits, takeFromAddress, type PortalRateLimits } from './portal-rate-limits.ts'
import { findOwnRequest, getPortalRequest, listPortalRequests, submitPortalRequest } from './portal-requests.ts'
import { OnBehalfQuery, PortalParams, PortalRequestBody, PortalRequestDetailSchema, PortalRequestListSchema, PortalRequestParams } from './portal-schemas.ts'
import { requireSubjectSession, subjectSessionOf } from './subject-session-guard.ts'

const problem = { $ref: 'Problem#' }
type Op = Static<typeof PortalParams>

/** The signed-in subject's requests: submit, list, follow. */
export async function portalRequestRoutes(app: FastifyInstance, deps: PortalDeps, limits: PortalRateLimits = portalRateLimits()): Promise<void> {
  const base = '/v1/operators/:operatorId/portal/requests'
  const preValidation = requireSubjectSession(deps)

  app.post<{ Params: Op; Body: Static<typeof PortalRequestBody> }>(base, {
    preValidation,
    schema: {
      tags: ['portal'],
      summary: 'Submit a request (channel `portal`; the session is the signature)',
      description: 'For the subject, or with `onBehalfOf` for a subject it represents now (KZK-1.13: a parent for a child). Deadlines and identity proof as for any request (ESP-9 may still ask for ID document details). At most `portalRequestsPerSubjectPerHour` per signed-in subject and `portalRequestsPerIpPerHour` per IP address (429 with `Retry-After`).',
      params: PortalParams,
      body: PortalRequestBody,
      response: { 201: PortalRequestDetailSchema, 400: problem, 401: problem, 403: problem, 404: problem, 409: problem, 422: problem, 429: problem },
    },
    preHandler: async (request) => {
      await takeFromAddress(deps, request.params.operatorId, 'requests', limits.requestsPerIpPerHour, request.ip)
      await checkSubjectSubmissions(deps, subjectSessionOf(request), limits.requestsPerSubjectPerHour)
    },
  }, async (request, reply) => {
    const created = await submitPortalRequest(deps, subjectSessionOf(request), request.body)
    return reply.status(201).header('location', `/v1/operators/${request.params.operatorId}/portal/requests/${created.requestId}`).send(created)
  })

  app.get<{ Params: Op; Querystring: Static<typeof OnBehalfQuery> }>(base, {
    preValidation,
    schema: {
      tags: ['portal'],
      summary: 'My requests, and those of the subjects I represent, newest first',
      params: PortalParams,
      querystring: OnBehalfQuery,
      response: { 200: PortalRequestListSchema, 400: problem, 401: problem, 403: problem },
    },
  }, async (request) => ({ items: await listPortalRequests(deps, subjectSessionOf(request), request.query.onBehalfOf) }))

  app.get<{ Params: Static<typeof PortalRequestParams> }>(`${base}/:requestId`, {
    preValidation,
    schema: {
      tags: ['portal'],
      summary: 'One of my requests: state, due date, history (no staff notes)',
      params: PortalRequestParams,
      response: { 200: PortalRequestDetailSchema, 401: problem, 403: problem, 404: problem },
    },
  }, async (request) => getPortalRequest(deps, subjectSessionOf(request), request.params.requestId))

  app.get<{ Params: Static<typeof PortalRequestParams> }>(`${base}/:requestId/answer.pdf`, {
    preValidation,
    schema: {
      tags: ['portal'],
      summary: 'Download the answer to one of my requests, as sent (PDF)',
      description: 'Issue 4 item 7: download from the portal. Audited as an `export` to the subject, with the request as its basis. 404 `DERBES_ANSWER_NOT_FOUND` while the request is open.',
      params: PortalRequestParams,
      response: { 401: problem, 403: problem, 404: problem, 410: problem },
    },
  }, async (request, reply) => {
    const session = subjectSessionOf(request)
    await findOwnRequest(deps, session, request.params.requestId)
    const { reference, pdf } = await answerPdf(deps, session.operatorId, request.params.requestId, session.actor)
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="${reference}.pdf"`).send(pdf)
  })

  app.get<{ Params: Static<typeof PortalRequestParams>; Querystring: Static<typeof AcknowledgementQuery> }>(`${base}/:requestId/acknowledgement.pdf`, {
    preValidation,
    schema: {
      tags: ['portal'],
      summary: 'The acknowledgement that one of my requests was received (PDF, kk/ru/en)',
      description: 'Proof of the day the deadline counts from: reference, kind, when and how it came in, the due date and what set it, what is still awaited. Audited.',
      params: PortalRequestParams,
      querystring: AcknowledgementQuery,
      produces: ['application/pdf'],
      response: { 400: problem, 401: problem, 403: problem, 404: problem },
    },
  }, async (request, reply) => {
    const session = subjectSessionOf(request)
    await findOwnRequest(deps, session, request.params.requestId)
    const { reference, pdf } = await requestAcknowledgementPdf(deps, session.operatorId, request.params.requestId, session.actor, request.query.language)
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="${reference}-acknowledgement.pdf"`).send(pdf)
  })

  for (const format of ['json', 'csv'] as const) {
    app.get<{ Params: Static<typeof PortalRequestParams> }>(`${base}/:requestId/export.${format}`, {
      preValidation,
      schema: {
        tags: ['portal'],
        summary: `The data export of one of my answered access requests, as ${format.toUpperCase()} (ESP-3, TW-9.1)`,
        description: 'Every record the vault, the consent ledger and the connected systems gave; audited as an `export`. 409 `DERBES_REQUEST_NOT_ACCESS` for another kind of request.',
        params: PortalRequestParams,
        response: { 401: problem, 403: problem, 404: problem, 409: problem, 410: problem },
      },
    }, async (request, reply) => {
      const session = subjectSessionOf(request)
      await findOwnRequest(deps, session, request.params.requestId)
      const { reference, body } = await accessExport(deps, session.operatorId, request.params.requestId, format, session.actor)
      return reply
        .type(format === 'json' ? 'application/json; charset=utf-8' : 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${reference}-data.${format}"`)
        .send(body)
    })
  }
}
