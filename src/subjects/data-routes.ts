import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../http/app-deps.ts'
import { changeSubjectData } from './change-data.ts'
import type { DataValueInput } from './check-data-values.ts'
import { collectSubjectData } from './collect-data.ts'
import { ChangeBody, CollectBody, ItemParams, ReadQuery, StoredValueSchema, SubjectDataSchema } from './data-schemas.ts'
import { readSubjectData } from './read-data.ts'
import { guard, principalOf } from './route-guard.ts'
import { SubjectParams } from './subject-schemas.ts'
import { Type } from '@sinclair/typebox'

const problem = { $ref: 'Problem#' }
const errors = { 400: problem, 401: problem, 403: problem, 404: problem, 409: problem, 410: problem, 422: problem }

type SubjectRequest = { Params: { operatorId: string; subjectId: string } }

/** The vault over HTTP: collect, change, read with a recorded basis. */
export async function dataRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const base = '/v1/operators/:operatorId/subjects/:subjectId/data'

  app.post<SubjectRequest & { Body: { items: DataValueInput[] } }>(base, {
    preValidation: guard('data:write'),
    schema: {
      tags: ['subjects'],
      summary: 'Collect values into the vault',
      description: "Each value for an item of the policy, with its source and the purposes it is collected for (each must cover the item, art. 7(9)); encrypted (AES-256-GCM) under the subject's data key. An item's first value is collected, further values supplement it (`valueNo`). Needs `data:write`.",
      params: SubjectParams,
      body: CollectBody,
      response: { 201: Type.Object({ collected: Type.Array(StoredValueSchema) }), ...errors },
    },
  }, async (request, reply) => {
    const principal = principalOf(request, 'data:write')
    const collected = await collectSubjectData(deps, { operatorId: request.params.operatorId, subjectId: request.params.subjectId, items: request.body.items }, principal.actor)
    return reply.status(201).send({ collected })
  })

  app.patch<{ Params: { operatorId: string; subjectId: string; itemId: string }; Body: { value: string; valueNo?: number; source?: string; purposes?: string[]; collectedAt?: string } }>(`${base}/:itemId`, {
    preValidation: guard('data:write'),
    schema: { tags: ['subjects'], summary: 'Change one value (rectification)', params: ItemParams, body: ChangeBody, response: { 200: StoredValueSchema, ...errors } },
  }, async (request) => {
    const principal = principalOf(request, 'data:write')
    return changeSubjectData(deps, { ...request.body, ...request.params }, principal.actor)
  })

  app.get<SubjectRequest & { Querystring: { basis?: string; reference?: string; purpose?: string } }>(base, {
    preValidation: guard('data:read'),
    schema: {
      tags: ['subjects'],
      summary: "Read a subject's values, on a recorded basis",
      description: "`basis` must be one of the policy's access bases (TTC-7.2), with a `reference` for all but job duties. Only the items of the categories the caller's staff role sees are returned (TTC-7.1); with `purpose`, only the purpose's items collected for it. Every read is in the audit log with its basis and the items read. Needs `data:read`.",
      params: SubjectParams,
      querystring: ReadQuery,
      response: { 200: SubjectDataSchema, ...errors },
    },
  }, async (request) => {
    const principal = principalOf(request, 'data:read')
    return readSubjectData(deps, { operatorId: request.params.operatorId, subjectId: request.params.subjectId, ...request.query }, principal)
  })
}
