import { Type, type Static } from '@sinclair/typebox'
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../http/app-deps.ts'
import { guard, principalOf } from '../route-guard.ts'
import { SubjectParams } from '../subject-schemas.ts'
import { listTransfers } from './list-transfers.ts'
import { recordTransfer } from './record-transfer.ts'
import { TransferBody, TransferSchema } from './transfer-schemas.ts'

const problem = { $ref: 'Problem#' }
const errors = { 400: problem, 401: problem, 403: problem, 404: problem, 410: problem, 422: problem }

type Params = { operatorId: string; subjectId: string }

/** The transfer log over HTTP: record a transfer to a recipient, list a subject's transfers. */
export async function transferRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const path = '/v1/operators/:operatorId/subjects/:subjectId/transfers'
  app.addSchema(TransferSchema)

  app.post<{ Params: Params; Body: Static<typeof TransferBody> }>(path, {
    preValidation: guard('data:export'),
    schema: {
      tags: ['subjects'],
      summary: "Record a transfer of a subject's data to a recipient of the policy",
      description:
        'Judged like a decision at the moment it happened: the recipient must serve the purpose, the items fit it, the subject be active, consent be in force where the purpose rests on it, and a foreign destination be covered by cross-border consent (art. 16). Audited as `transfer`; emits `data.transferred`. Needs `data:export`.',
      params: SubjectParams,
      body: TransferBody,
      response: { 201: Type.Ref(TransferSchema), ...errors },
    },
  }, async (request, reply) => {
    const principal = principalOf(request, 'data:export')
    const transfer = await recordTransfer(deps, { ...request.params, ...request.body }, principal.actor)
    return reply.status(201).send(transfer)
  })

  app.get<{ Params: Params }>(path, {
    preValidation: guard('subjects:read'),
    schema: {
      tags: ['subjects'],
      summary: "A subject's transfer log",
      description: 'Recipients, items, purposes, countries and dates — no personal-data values; kept after the subject is destroyed, so the recipients can still be told (TW-9.4). Needs `subjects:read`.',
      params: SubjectParams,
      response: { 200: Type.Object({ transfers: Type.Array(Type.Ref(TransferSchema)) }), ...errors },
    },
  }, async (request) => {
    principalOf(request, 'subjects:read')
    return { transfers: await listTransfers(deps.db, request.params.operatorId, request.params.subjectId) }
  })
}
