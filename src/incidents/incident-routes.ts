import type { Static } from '@sinclair/typebox'
import { Type } from '@sinclair/typebox'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { authorize, requirePermission } from '../access/index.ts'
import type { AppDeps } from '../http/app-deps.ts'
import { addIncidentMeasure } from './add-measure.ts'
import { changeIncidentStatus } from './change-incident-status.ts'
import { authorityNotice } from './compose-authority-notice.ts'
import { getIncident } from './find-incident.ts'
import {
  AuthorityNoticeBody, IncidentParams, IncidentSchema, ListQuery, MeasureBody, OperatorParams, PdfQuery, RegisterBody, SelectorBody, StatusBody, SubjectNoticesBody,
} from './incident-schemas.ts'
import { incidentTimeline } from './incident-timeline.ts'
import type { IncidentsDeps } from './incidents-deps.ts'
import { listIncidents } from './list-incidents.ts'
import { queueSubjectNotices } from './queue-subject-notices.ts'
import { recordAuthorityNotice } from './record-authority-notice.ts'
import { registerIncident } from './register-incident.ts'
import { renderAuthorityNoticePdf } from './render-authority-notice-pdf.ts'
import { resolveIncidentSubjects } from './resolve-subjects.ts'

const problem = { $ref: 'Problem#' }
const incident = Type.Ref(IncidentSchema)
const base = '/v1/operators/:operatorId/incidents'
const one = `${base}/:incidentId`
type Op = Static<typeof OperatorParams>
type One = Static<typeof IncidentParams>
const tags = ['incidents']

/**
 * The breach register under `/v1/operators/{operatorId}/incidents`
 * (issue 5 item 6): register, list with the overdue summary, read, resolve
 * affected subjects, add measures, move the status, the notice to the
 * authorised body (text, PDF, recorded sent), subject notices, the timeline.
 * `incidents:read` to read, `incidents:manage` to change; credentials are
 * checked before a body is read.
 */
export async function incidentRoutes(app: FastifyInstance, appDeps: AppDeps): Promise<void> {
  const deps: IncidentsDeps = appDeps
  app.addSchema(IncidentSchema)
  const actor = (request: FastifyRequest, operatorId: string) => authorize(request, operatorId, 'incidents:manage').actor
  const read = requirePermission('incidents:read')
  const manage = requirePermission('incidents:manage')

  app.post<{ Params: Op; Body: Static<typeof RegisterBody> }>(base, {
    preValidation: manage,
    schema: {
      tags, summary: 'Register a breach (art. 1(15-1)); its deadline to notify the authorised body (art. 25(2)(8)) is fixed from discovery',
      params: OperatorParams, body: RegisterBody, response: { 201: incident, 400: problem, 401: problem, 403: problem, 404: problem, 422: problem },
    },
  }, async (request, reply) => {
    const { operatorId } = request.params
    const created = await registerIncident(deps, { ...request.body, operatorId }, actor(request, operatorId))
    return reply.status(201).header('location', `/v1/operators/${operatorId}/incidents/${created.incidentId}`).send(created)
  })

  app.get<{ Params: Op; Querystring: Static<typeof ListQuery> }>(base, {
    preValidation: read,
    schema: {
      tags, summary: 'The register, unnotified and earliest due first, with a summary (overdue, due today, notified late); `?overdue=true` lists only overdue ones',
      params: OperatorParams, querystring: ListQuery,
      response: { 200: Type.Object({ incidents: Type.Array(incident), summary: Type.Record(Type.String(), Type.Unknown()) }), 400: problem, 401: problem, 403: problem },
    },
  }, async (request) => listIncidents(deps, request.params.operatorId, request.query))

  app.get<{ Params: One }>(one, {
    preValidation: read,
    schema: { tags, summary: 'One incident with its deadline state', params: IncidentParams, response: { 200: incident, 401: problem, 403: problem, 404: problem } },
  }, async (request) => getIncident(deps, request.params.operatorId, request.params.incidentId))

  app.post<{ Params: One; Body: Static<typeof SelectorBody> }>(`${one}/subjects`, {
    preValidation: manage,
    schema: {
      tags, summary: 'Resolve affected subjects: explicit ids, or by kinds, items, categories, systems of the data map and a collection window; idempotent',
      params: IncidentParams, body: SelectorBody,
      response: { 200: Type.Object({ incidentId: Type.String(), added: Type.Integer(), subjectCount: Type.Integer() }), 400: problem, 401: problem, 403: problem, 404: problem, 422: problem },
    },
  }, async (request) => {
    const { operatorId, incidentId } = request.params
    return resolveIncidentSubjects(deps, operatorId, incidentId, request.body, actor(request, operatorId))
  })

  app.post<{ Params: One; Body: Static<typeof MeasureBody> }>(`${one}/measures`, {
    preValidation: manage,
    schema: { tags, summary: 'Add a measure taken', params: IncidentParams, body: MeasureBody, response: { 200: incident, 400: problem, 401: problem, 403: problem, 404: problem } },
  }, async (request) => {
    const { operatorId, incidentId } = request.params
    return addIncidentMeasure(deps, operatorId, incidentId, request.body.text, actor(request, operatorId))
  })

  app.post<{ Params: One; Body: Static<typeof StatusBody> }>(`${one}/status`, {
    preValidation: manage,
    schema: {
      tags, summary: 'Move forward: open → contained → notified → closed (notified and closed need the authority notice recorded)',
      params: IncidentParams, body: StatusBody, response: { 200: incident, 400: problem, 401: problem, 403: problem, 404: problem, 409: problem },
    },
  }, async (request) => {
    const { operatorId, incidentId } = request.params
    return changeIncidentStatus(deps, operatorId, incidentId, request.body, actor(request, operatorId))
  })

  app.get<{ Params: One; Querystring: Static<typeof PdfQuery> }>(`${one}/authority-notice`, {
    preValidation: read,
    schema: { tags, summary: 'The notice to the authorised body as text (Order 481/НҚ content), kk by default', params: IncidentParams, querystring: PdfQuery },
  }, async (request) => authorityNotice(deps, request.params.operatorId, request.params.incidentId, request.query.lang ?? 'kk'))

  app.get<{ Params: One; Querystring: Static<typeof PdfQuery> }>(`${one}/authority-notice.pdf`, {
    preValidation: read,
    schema: { tags, summary: 'The notice to the authorised body as a PDF, `lang=kk|ru` (en for staff)', params: IncidentParams, querystring: PdfQuery },
  }, async (request, reply) => {
    const notice = await authorityNotice(deps, request.params.operatorId, request.params.incidentId, request.query.lang ?? 'kk')
    const pdf = await renderAuthorityNoticePdf(notice, deps.clock())
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="${notice.reference}-${notice.language}.pdf"`).send(pdf)
  })

  app.post<{ Params: One; Body: Static<typeof AuthorityNoticeBody> }>(`${one}/authority-notice`, {
    preValidation: manage,
    schema: {
      tags, summary: 'Record the notice to the authorised body sent (when, how, reference): stops the clock; after the due time it is recorded late',
      params: IncidentParams, body: AuthorityNoticeBody, response: { 200: incident, 400: problem, 401: problem, 403: problem, 404: problem, 409: problem },
    },
  }, async (request) => {
    const { operatorId, incidentId } = request.params
    return recordAuthorityNotice(deps, operatorId, incidentId, request.body, actor(request, operatorId))
  })

  app.post<{ Params: One; Body: Static<typeof SubjectNoticesBody> }>(`${one}/subject-notices`, {
    preValidation: manage,
    schema: {
      tags, summary: "Queue notices to affected subjects (KZK-6.1) in each one's language by e-mail or SMS outbox; KZK-6.2 exceptions recorded per subject",
      params: IncidentParams, body: SubjectNoticesBody,
      response: { 400: problem, 401: problem, 403: problem, 404: problem, 422: problem },
    },
  }, async (request) => {
    const { operatorId, incidentId } = request.params
    return queueSubjectNotices(deps, operatorId, incidentId, request.body, actor(request, operatorId))
  })

  app.get<{ Params: One }>(`${one}/timeline`, {
    preValidation: read,
    schema: { tags, summary: 'Everything done on the incident, in order', params: IncidentParams, response: { 401: problem, 403: problem, 404: problem } },
  }, async (request) => ({ entries: await incidentTimeline(deps, request.params.operatorId, request.params.incidentId) }))
}
