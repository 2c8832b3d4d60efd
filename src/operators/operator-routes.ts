import { Type } from '@sinclair/typebox'
import type { FastifyInstance } from 'fastify'
import { authorizeInstallationAdmin, requireInstallationAdmin } from '../access/index.ts'
import { PolicyDocument } from '../policy/index.ts'
import { OperatorIdParam, OperatorSummarySchema, VersionViewSchema } from './operator-schemas.ts'
import type { OperatorsDeps } from './operators-deps.ts'
import { POLICY_MEDIA_TYPES, PolicyText, registerPolicyBodyParsers, uploadFrom } from './policy-body.ts'
import { getOperator, listOperators } from './read-policies.ts'
import { uploadPolicyVersion } from './upload-policy-version.ts'

const problem = { $ref: 'Problem#' }

/** Schemas the operator and policy routes refer to by `$ref`; the app adds them once. */
export const OPERATOR_SCHEMAS = [OperatorSummarySchema, VersionViewSchema]

export async function operatorRoutes(app: FastifyInstance, deps: OperatorsDeps) {
  app.get('/v1/operators', {
    schema: {
      tags: ['operators'],
      summary: 'List operators',
      response: { 200: Type.Object({ operators: Type.Array(Type.Ref(OperatorSummarySchema)) }) },
    },
  }, async () => ({ operators: await listOperators(deps) }))

  app.get<{ Params: { operatorId: string } }>('/v1/operators/:operatorId', {
    schema: { tags: ['operators'], summary: 'One operator', params: OperatorIdParam, response: { 200: Type.Ref(OperatorSummarySchema), 404: problem } },
  }, async (request) => getOperator(deps, request.params.operatorId))

  app.get('/v1/policy-schema', {
    schema: { tags: ['policy'], summary: 'The JSON Schema of a policy document' },
  }, async () => PolicyDocument)

  await app.register(async (scope) => {
    registerPolicyBodyParsers(scope)
    // Installation-wide: the new operator has no staff or keys yet, so an installation administrator key
    // (`derbes admin key create`) registers it, checked before the body is read; its holder is the actor.
    scope.post('/v1/operators', {
      preValidation: requireInstallationAdmin(),
      schema: {
        tags: ['operators'],
        summary: 'Register an operator with the first version of its policy (YAML or JSON body)',
        description: 'Needs an installation administrator key (`Authorization: Bearer da.…`, issued by `derbes admin key create`); an operator\'s API key or staff session is refused (403). The body is the policy document as `application/yaml` or `application/json`. A malformed or inconsistent policy is refused with problem details naming each line and column; nothing is stored.',
        consumes: POLICY_MEDIA_TYPES,
        body: PolicyText,
        response: { 201: Type.Ref(VersionViewSchema), 401: problem, 403: problem, 409: problem, 415: problem, 422: problem },
      },
    }, async (request, reply) => reply.status(201).send(await uploadPolicyVersion(deps, uploadFrom(request, undefined, authorizeInstallationAdmin(request).actor))))
  })
}
