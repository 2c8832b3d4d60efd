import { Type } from '@sinclair/typebox'
import type { FastifyInstance } from 'fastify'
import { authorize, requirePermission } from '../access/index.ts'
import { approvePolicyVersion } from './approve-policy-version.ts'
import { ApprovalBody, OperatorIdParam, PolicyDocumentRef, PublishBody, VersionParams, VersionViewSchema } from './operator-schemas.ts'
import type { OperatorsDeps } from './operators-deps.ts'
import { POLICY_MEDIA_TYPES, PolicyText, registerPolicyBodyParsers, uploadFrom } from './policy-body.ts'
import { publishPolicyVersion } from './publish-policy-version.ts'
import { getPublishedVersion, getVersion, listVersions, type StoredVersion } from './read-policies.ts'
import { uploadPolicyVersion } from './upload-policy-version.ts'

const problem = { $ref: 'Problem#' }
const FormatQuery = Type.Object({ format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('yaml')])) })
const VersionWithDocument = Type.Object({ version: Type.Ref(VersionViewSchema), policy: PolicyDocumentRef })

type VersionRequest = { Params: { operatorId: string; versionId: string }; Querystring: { format?: 'json' | 'yaml' } }

/** `?format=yaml` answers with the text exactly as uploaded; JSON otherwise. */
function sendVersion(stored: StoredVersion, format: 'json' | 'yaml' | undefined, reply: import('fastify').FastifyReply) {
  if (format === 'yaml') return reply.type(stored.sourceFormat === 'json' ? 'application/json' : 'application/yaml; charset=utf-8').send(stored.source)
  return reply.send({ version: stored.view, policy: stored.document })
}

export async function policyRoutes(app: FastifyInstance, deps: OperatorsDeps) {
  app.get<{ Params: { operatorId: string }; Querystring: { format?: 'json' | 'yaml' } }>('/v1/operators/:operatorId/policy', {
    schema: {
      tags: ['policy'],
      summary: "The operator's published policy",
      params: OperatorIdParam,
      querystring: FormatQuery,
      response: { 200: VersionWithDocument, 404: problem },
    },
  }, async (request, reply) => sendVersion(await getPublishedVersion(deps, request.params.operatorId), request.query.format, reply))

  // Drafts and their history are the operator's business; the published version above is public, like its notice.
  app.get<{ Params: { operatorId: string } }>('/v1/operators/:operatorId/policy/versions', {
    preValidation: requirePermission('policy:read'),
    schema: {
      tags: ['policy'],
      summary: 'Every version of the policy, oldest first',
      params: OperatorIdParam,
      response: { 200: Type.Object({ versions: Type.Array(Type.Ref(VersionViewSchema)) }), 404: problem },
    },
  }, async (request) => ({ versions: await listVersions(deps, request.params.operatorId) }))

  app.get<VersionRequest>('/v1/operators/:operatorId/policy/versions/:versionId', {
    preValidation: requirePermission('policy:read'),
    schema: {
      tags: ['policy'],
      summary: 'One version of the policy',
      params: VersionParams,
      querystring: FormatQuery,
      response: { 200: VersionWithDocument, 404: problem },
    },
  }, async (request, reply) => sendVersion(await getVersion(deps, request.params.operatorId, request.params.versionId), request.query.format, reply))

  app.post<{ Params: { operatorId: string; versionId: string }; Body: { approvedBy: string; order: string; approvedAt?: string } }>(
    '/v1/operators/:operatorId/policy/versions/:versionId/approve',
    {
      preValidation: requirePermission('policy:approve'),
      schema: {
        tags: ['policy'],
        summary: 'Approve a draft version: who, when, by which order (TTC-3.7)',
        params: VersionParams,
        body: ApprovalBody,
        response: { 200: Type.Ref(VersionViewSchema), 404: problem, 409: problem },
      },
    },
    async (request) => {
      const { approvedBy, order, approvedAt } = request.body
      return approvePolicyVersion(deps, request.params.operatorId, request.params.versionId, {
        approvedBy,
        order,
        ...(approvedAt ? { approvedAt: new Date(approvedAt) } : {}),
      })
    },
  )

  app.post<{ Params: { operatorId: string; versionId: string }; Body: { publishedBy?: string } }>(
    '/v1/operators/:operatorId/policy/versions/:versionId/publish',
    {
      preValidation: requirePermission('policy:approve'),
      schema: {
        tags: ['policy'],
        summary: 'Publish an approved version; the one before it is superseded and kept',
        params: VersionParams,
        body: Type.Optional(PublishBody),
        response: { 200: Type.Ref(VersionViewSchema), 404: problem, 409: problem },
      },
    },
    async (request) =>
      publishPolicyVersion(deps, request.params.operatorId, request.params.versionId, request.body?.publishedBy ?? authorize(request, request.params.operatorId, 'policy:approve').actor),
  )

  await app.register(async (scope) => {
    registerPolicyBodyParsers(scope)
    scope.post<{ Params: { operatorId: string } }>('/v1/operators/:operatorId/policy/versions', {
      preValidation: requirePermission('policy:manage'),
      schema: {
        tags: ['policy'],
        summary: 'Upload a new draft version (YAML or JSON body)',
        description: 'Refused with line-accurate problem details when malformed or inconsistent; nothing is stored then.',
        consumes: POLICY_MEDIA_TYPES,
        body: PolicyText,
        params: OperatorIdParam,
        response: { 201: Type.Ref(VersionViewSchema), 404: problem, 409: problem, 415: problem, 422: problem },
      },
    }, async (request, reply) => reply.status(201).send(await uploadPolicyVersion(deps, uploadFrom(request, request.params.operatorId, authorize(request, request.params.operatorId, 'policy:manage').actor))))
  })
}
