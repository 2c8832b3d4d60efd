import { Type } from '@sinclair/typebox'
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../http/app-deps.ts'
import { ApiKeyViewSchema, KeyIdParams, NewApiKeyBody, OperatorIdParam, problem } from './access-schemas.ts'
import { authorize } from './authenticate.ts'
import { requirePermission } from './route-guards.ts'
import { checkGrantable } from './check-grantable.ts'
import { issueAuditedApiKey, listApiKeys, revokeAuditedApiKey } from './manage-api-keys.ts'
import type { Permission } from './permissions.ts'

type Params = { operatorId: string }
const errors = { 401: problem, 403: problem }
const manage = requirePermission('staff:manage')

/** API keys of an operator: issue (token shown once), list (never the secret), revoke. Needs `staff:manage`. */
export async function apiKeyRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.post<{ Params: Params; Body: { name: string; permissions: Permission[]; roleId?: string; expiresAt?: string } }>('/v1/operators/:operatorId/api-keys', {
    preValidation: manage,
    schema: {
      tags: ['access'],
      summary: 'Issue an API key',
      description: 'The token is in this response only; Derbes keeps just a SHA-256 of its secret. A key never gets a permission its issuer lacks.',
      params: OperatorIdParam,
      body: NewApiKeyBody,
      response: { 201: Type.Object({ keyId: Type.String(), token: Type.String() }), 400: problem, ...errors },
    },
  }, async (request, reply) => {
    const principal = authorize(request, request.params.operatorId, 'staff:manage')
    checkGrantable(principal, request.body.permissions)
    const { expiresAt, roleId, ...rest } = request.body
    const issued = await issueAuditedApiKey(deps, {
      operatorId: request.params.operatorId,
      ...rest,
      ...(roleId !== undefined ? { roleId } : {}),
      ...(expiresAt !== undefined ? { expiresAt: new Date(expiresAt) } : {}),
      createdBy: principal.actor,
    })
    return reply.status(201).send(issued)
  })

  app.get<{ Params: Params }>('/v1/operators/:operatorId/api-keys', {
    preValidation: manage,
    schema: {
      tags: ['access'],
      summary: "The operator's API keys, newest first (never their secrets)",
      params: OperatorIdParam,
      response: { 200: Type.Object({ apiKeys: Type.Array(Type.Ref(ApiKeyViewSchema)) }), ...errors },
    },
  }, async (request) => {
    authorize(request, request.params.operatorId, 'staff:manage')
    return { apiKeys: await listApiKeys(deps.db, request.params.operatorId) }
  })

  app.delete<{ Params: Params & { keyId: string } }>('/v1/operators/:operatorId/api-keys/:keyId', {
    preValidation: manage,
    schema: { tags: ['access'], summary: 'Revoke an API key; it stops working at once', params: KeyIdParams, response: { 204: Type.Null(), ...errors, 404: problem } },
  }, async (request, reply) => {
    const principal = authorize(request, request.params.operatorId, 'staff:manage')
    await revokeAuditedApiKey(deps, request.params.operatorId, request.params.keyId, principal.actor)
    return reply.status(204).send()
  })
}
