import { Type } from '@sinclair/typebox'
import type { FastifyInstance } from 'fastify'
import type { LegalCapacity, RepresentativeRelation } from '../db/database-schema.ts'
import type { AppDeps } from '../http/app-deps.ts'
import { dataRoutes } from './data-routes.ts'
import { findSubjectByIdentifier, getSubject } from './find-subject.ts'
import type { IdentifierInput } from './identifiers.ts'
import { registerSubject, type RegisterSubjectInput } from './register-subject.ts'
import { addRepresentative, removeRepresentative } from './representatives.ts'
import { guard, principalOf } from './route-guard.ts'
import { statusRoutes } from './status-routes.ts'
import {
  IdentifierBody, OperatorIdParam, RegisterBody, RegisteredSubjectSchema, RelationQuery, RepresentativeBody, RepresentativeParams,
  RepresentativeSchema, SubjectParams, SubjectViewSchema, UpdateBody,
} from './subject-schemas.ts'
import { updateSubject } from './update-subject.ts'

const problem = { $ref: 'Problem#' }
const errors = { 400: problem, 401: problem, 403: problem, 404: problem, 409: problem, 410: problem, 422: problem }
const subjectRef = Type.Ref(SubjectViewSchema)
const representatives = Type.Object({ representatives: Type.Array(RepresentativeSchema) })

type SubjectRequest = { Params: { operatorId: string; subjectId: string } }
type UpdateRequestBody = {
  relationshipStartedAt?: string | null
  relationshipEndedAt?: string | null
  legalCapacity?: LegalCapacity
  identifiers?: { add?: IdentifierInput[]; remove?: IdentifierInput[] }
}

/** Subjects, identifiers, representatives, the vault. */
export async function subjectRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.addSchema(SubjectViewSchema)
  const base = '/v1/operators/:operatorId/subjects'

  app.post<{ Params: { operatorId: string }; Body: Omit<RegisterSubjectInput, 'operatorId'> }>(base, {
    preValidation: guard('subjects:write'),
    schema: {
      tags: ['subjects'],
      summary: 'Register a subject',
      description: "A kind of the published policy; identifiers stored only as blind indexes (one subject per identifier: 409); relationship dates; capacity; the age band from the IIN or birth date. A fresh data key is wrapped by the operator's key; `data` goes to the vault. Needs `subjects:write`.",
      params: OperatorIdParam,
      body: RegisterBody,
      response: { 201: RegisteredSubjectSchema, ...errors },
    },
  }, async (request, reply) => {
    const principal = principalOf(request, 'subjects:write')
    // Values put in the vault need `data:write` as well.
    if (request.body.data?.length) principalOf(request, 'data:write')
    return reply.status(201).send(await registerSubject(deps, { ...request.body, operatorId: request.params.operatorId }, principal.actor))
  })

  app.post<{ Params: { operatorId: string }; Body: IdentifierInput }>(`${base}/lookup`, {
    preValidation: guard('subjects:read'),
    schema: {
      tags: ['subjects'],
      summary: 'Find a subject by an identifier',
      description: 'The identifier travels in the body, so it never lands in a URL or an access log; it is compared through its blind index. Needs `subjects:read`.',
      params: OperatorIdParam,
      body: IdentifierBody,
      response: { 200: subjectRef, ...errors },
    },
  }, async (request) => findSubjectByIdentifier(deps, request.params.operatorId, request.body))

  app.get<SubjectRequest>(`${base}/:subjectId`, {
    preValidation: guard('subjects:read'),
    schema: { tags: ['subjects'], summary: "A subject's metadata: kind, status, dates, capacity, age band, representatives — no values", params: SubjectParams, response: { 200: subjectRef, ...errors } },
  }, async (request) => getSubject(deps, request.params.operatorId, request.params.subjectId))

  app.patch<SubjectRequest & { Body: UpdateRequestBody }>(`${base}/:subjectId`, {
    preValidation: guard('subjects:write'),
    schema: {
      tags: ['subjects'],
      summary: 'Update relationship dates, capacity, identifiers',
      params: SubjectParams,
      body: UpdateBody,
      response: { 200: subjectRef, ...errors },
    },
  }, async (request) => {
    const principal = principalOf(request, 'subjects:write')
    return updateSubject(deps, { ...request.body, operatorId: request.params.operatorId, subjectId: request.params.subjectId }, principal.actor)
  })

  app.post<SubjectRequest & { Body: { representativeId: string; relation: RepresentativeRelation; validFrom?: string; validUntil?: string; basisDocument?: string } }>(
    `${base}/:subjectId/representatives`,
    {
      preValidation: guard('subjects:write'),
      schema: {
        tags: ['subjects'],
        summary: 'Record a representative: parent, guardian, legal representative, attorney, legal entity’s representative',
        params: SubjectParams,
        body: RepresentativeBody,
        response: { 201: representatives, ...errors },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request, 'subjects:write')
      const list = await addRepresentative(deps, { ...request.body, operatorId: request.params.operatorId, subjectId: request.params.subjectId }, principal.actor)
      return reply.status(201).send({ representatives: list })
    },
  )

  app.delete<{ Params: { operatorId: string; subjectId: string; representativeId: string }; Querystring: { relation?: RepresentativeRelation } }>(
    `${base}/:subjectId/representatives/:representativeId`,
    {
      preValidation: guard('subjects:write'),
      schema: { tags: ['subjects'], summary: 'End a representation (every relation, or `?relation=`)', params: RepresentativeParams, querystring: RelationQuery, response: { 200: representatives, ...errors } },
    },
    async (request) => {
      const principal = principalOf(request, 'subjects:write')
      const { operatorId, subjectId, representativeId } = request.params
      return { representatives: await removeRepresentative(deps, { operatorId, subjectId, representativeId, relation: request.query.relation }, principal.actor) }
    },
  )

  await dataRoutes(app, deps)
  await statusRoutes(app, deps)
}
