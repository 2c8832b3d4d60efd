import type { Static } from '@sinclair/typebox'
import { Type } from '@sinclair/typebox'
import type { FastifyInstance } from 'fastify'
import { authorize, requirePermission } from '../access/index.ts'
import type { Config } from '../config/index.ts'
import type { AppDeps } from '../http/app-deps.ts'
import { changeRequestState, refuseRequest } from './change-request-state.ts'
import { getRequest } from './get-request.ts'
import { listRequests } from './list-requests.ts'
import { overdueSummary } from './overdue-summary.ts'
import { provideIdentityProof, recheckRequest } from './provide-identity-proof.ts'
import { readRequestContent } from './read-request-content.ts'
import {
  ContentQuery, IdentityProofSchema, ListQuery, OperatorParams, OverdueSummarySchema, RefuseBody, REQUEST_SCHEMAS, RequestDetailSchema, RequestListSchema, RequestContentSchema, RequestParams, SubmitBody, TransitionBody,
} from './request-schemas.ts'
import { requestSettings } from './request-settings.ts'
import type { RequestsDeps } from './requests-deps.ts'
import { submitRequest } from './submit-request.ts'

const problem = { $ref: 'Problem#' }
const detail = Type.Ref(RequestDetailSchema)
const base = '/v1/operators/:operatorId/requests'
type Op = Static<typeof OperatorParams>
type One = Static<typeof RequestParams>

/**
 * Data subject requests under `/v1/operators/{operatorId}/requests`:
 * register, list by deadline, read with history and tasks, add identity
 * proof, move along the state machine, refuse, open a request's sealed
 * content on a recorded basis, and the overdue summary.
 * `requests:read` to read, `requests:manage` to change; every route checks
 * credentials before it reads a body (401, then 403 for another operator or
 * a missing permission).
 */
export async function requestRoutes(app: FastifyInstance, appDeps: AppDeps, config: Partial<Config> = {}): Promise<void> {
  const deps: RequestsDeps = { ...appDeps, settings: requestSettings(config) }
  for (const schema of REQUEST_SCHEMAS) app.addSchema(schema)
  const actor = (request: Parameters<typeof authorize>[0], operatorId: string) => authorize(request, operatorId, 'requests:manage').actor

  app.post<{ Params: Op; Body: Static<typeof SubmitBody> }>(base, {
    preValidation: requirePermission('requests:manage'),
    schema: {
      tags: ['requests'],
      summary: 'Register a request: through the API, or by staff for a letter, courier, e-mail or visit (receipt time, scan hash, postal reference)',
      description: 'Needs `requests:manage`. Missing identity proof (ESP-9) or authority leaves it `verifying` with `waitingFor`; the due date is the stricter of policy and law in business days.',
      params: OperatorParams,
      body: SubmitBody,
      response: { 201: detail, 400: problem, 401: problem, 403: problem, 404: problem, 409: problem, 422: problem },
    },
  }, async (request, reply) => {
    const { operatorId } = request.params
    const created = await submitRequest(deps, { ...request.body, operatorId }, actor(request, operatorId))
    return reply.status(201).header('location', `/v1/operators/${operatorId}/requests/${created.requestId}`).send(created)
  })

  app.get<{ Params: Op; Querystring: Static<typeof ListQuery> }>(base, {
    preValidation: requirePermission('requests:read'),
    schema: {
      tags: ['requests'],
      summary: 'Requests, earliest due first, each with `overdue` and business days left; `overdue` counts every late one',
      params: OperatorParams,
      querystring: ListQuery,
      response: { 200: RequestListSchema, 400: problem, 401: problem, 403: problem },
    },
  }, async (request) => listRequests(deps, request.params.operatorId, request.query))

  app.get<{ Params: Op }>(`${base}/overdue/summary`, {
    preValidation: requirePermission('requests:read'),
    schema: {
      tags: ['requests'],
      summary: 'Counts of open requests by deadline (overdue, due today, due soon, waiting), in all and by kind',
      params: OperatorParams,
      response: { 200: OverdueSummarySchema, 401: problem, 403: problem },
    },
  }, async (request) => overdueSummary(deps, request.params.operatorId))

  app.get<{ Params: One }>(`${base}/:requestId`, {
    preValidation: requirePermission('requests:read'),
    schema: {
      tags: ['requests'],
      summary: 'One request with its deadline, history of states and fulfilment tasks — no personal-data value',
      params: RequestParams,
      response: { 200: detail, 401: problem, 403: problem, 404: problem },
    },
  }, async (request) => getRequest(deps, request.params.operatorId, request.params.requestId))

  app.get<{ Params: One; Querystring: Static<typeof ContentQuery> }>(`${base}/:requestId/content`, {
    preValidation: requirePermission('requests:manage'),
    schema: {
      tags: ['requests'],
      summary: "Open a request's sealed personal data — contacts, identity proof, new values, its text — on a recorded basis",
      description: "Needs `requests:manage`. `basis` must be one of the policy's access bases (TTC-7.2), with a `reference` for all but job duties, as for reading a subject's data. The reading is audited (`view`, `document: request_content`) in the transaction that opens the seal.",
      params: RequestParams,
      querystring: ContentQuery,
      response: { 200: RequestContentSchema, 400: problem, 401: problem, 403: problem, 404: problem, 410: problem },
    },
  }, async (request) => {
    const { operatorId, requestId } = request.params
    return readRequestContent(deps, { operatorId, requestId, ...request.query }, authorize(request, operatorId, 'requests:manage'))
  })

  app.post<{ Params: One; Body: Static<typeof IdentityProofSchema> }>(`${base}/:requestId/identity-proof`, {
    preValidation: requirePermission('requests:manage'),
    schema: {
      tags: ['requests'],
      summary: 'Add identity proof to a request waiting for it (ESP-9); sealed. Once nothing is missing the request moves on',
      params: RequestParams,
      body: IdentityProofSchema,
      response: { 200: detail, 400: problem, 401: problem, 403: problem, 404: problem, 409: problem, 410: problem },
    },
  }, async (request) => {
    const { operatorId, requestId } = request.params
    return provideIdentityProof(deps, { operatorId, requestId, identityProof: request.body }, actor(request, operatorId))
  })

  app.post<{ Params: One }>(`${base}/:requestId/recheck`, {
    preValidation: requirePermission('requests:manage'),
    schema: {
      tags: ['requests'],
      summary: "Check a verifying request again: a representative's authority registered or renewed since (ESP-3)",
      params: RequestParams,
      response: { 200: detail, 401: problem, 403: problem, 404: problem, 409: problem },
    },
  }, async (request) => {
    const { operatorId, requestId } = request.params
    return recheckRequest(deps, { operatorId, requestId }, actor(request, operatorId))
  })

  app.post<{ Params: One; Body: Static<typeof TransitionBody> }>(`${base}/:requestId/transitions`, {
    preValidation: requirePermission('requests:manage'),
    schema: {
      tags: ['requests'],
      summary: 'Move a request one legal step: received → verifying → in_progress → awaiting_systems → answered (refuse with …/refuse)',
      params: RequestParams,
      body: TransitionBody,
      response: { 200: detail, 400: problem, 401: problem, 403: problem, 404: problem, 409: problem },
    },
  }, async (request) => {
    const { operatorId, requestId } = request.params
    return changeRequestState(deps, { operatorId, requestId, ...request.body }, actor(request, operatorId))
  })

  app.post<{ Params: One; Body: Static<typeof RefuseBody> }>(`${base}/:requestId/refuse`, {
    preValidation: requirePermission('requests:manage'),
    schema: {
      tags: ['requests'],
      summary: 'Refuse an open request with a ground and the clauses it cites (TTC-9.1, KZK-2.3.5, art. 8(2), ESP-9)',
      params: RequestParams,
      body: RefuseBody,
      response: { 200: detail, 400: problem, 401: problem, 403: problem, 404: problem, 409: problem },
    },
  }, async (request) => {
    const { operatorId, requestId } = request.params
    return refuseRequest(deps, { operatorId, requestId, ...request.body }, actor(request, operatorId))
  })
}
