import { Type } from '@sinclair/typebox'
import type { FastifyInstance } from 'fastify'
import { authorize, requirePermission } from '../../access/index.ts'
import type { AppDeps } from '../../http/app-deps.ts'
import { Enum } from '../../policy/index.ts'
import { listMinorFlags } from './list-minor-flags.ts'
import { MINOR_FLAG_CLEARED_REASONS, MINOR_FLAG_HANDLINGS, MINOR_FLAG_REASONS } from './minor-rules.ts'
import { scanMinors } from './scan-minors.ts'

const problem = { $ref: 'Problem#' }
const denied = { 401: problem, 403: problem }
const OperatorParams = Type.Object({ operatorId: Type.String({ pattern: '^[a-z][a-z0-9-]{0,63}$' }) })
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()])

const MinorFlag = Type.Object({
  subjectId: Type.String(),
  foundAt: Type.String({ format: 'date-time' }),
  reason: Enum(MINOR_FLAG_REASONS),
  minimumAge: Type.Integer(),
  reachesMinimumAgeOn: Nullable(Type.String({ format: 'date' })),
  underAgeAction: Enum(['delete_asap', 'parental_consent', 'reject'] as const),
  handling: Enum(MINOR_FLAG_HANDLINGS),
  blockedByScan: Type.Boolean(),
  clauses: Type.Array(Type.String()),
  policyVersionId: Type.String(),
  clearedAt: Nullable(Type.String({ format: 'date-time' })),
  clearedReason: Nullable(Enum(MINOR_FLAG_CLEARED_REASONS)),
})

const ScanResult = Type.Object({
  operatorId: Type.String(),
  scannedAt: Type.String({ format: 'date-time' }),
  policyVersionId: Type.String(),
  minimumAge: Type.Integer(),
  underAge: Type.String(),
  flagged: Type.Integer(),
  stillFlagged: Type.Integer(),
  cleared: Type.Object({ came_of_age: Type.Integer(), representative_consented: Type.Integer(), subject_gone: Type.Integer(), policy_changed: Type.Integer() }),
  blocked: Type.Integer(),
  unblocked: Type.Integer(),
})

const ListQuery = Type.Object(
  {
    open: Type.Optional(Type.Boolean({ description: 'true: standing flags; false: ended ones' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
    after: Type.Optional(Type.String({ maxLength: 500, description: 'The `next` of the previous page' })),
  },
  { additionalProperties: false },
)

type Op = { Params: { operatorId: string } }

/**
 * Minors found under the policy's minimum age (issue 5 §4; TTC-10.4,
 * KZK-1.13): the flags (`subjects:read`) and a scan run now
 * (`subjects:block` — it blocks and unblocks).
 */
export async function minorsRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.get<Op & { Querystring: { open?: boolean; limit?: number; after?: string } }>('/v1/operators/:operatorId/minors', {
    preValidation: requirePermission('subjects:read'),
    schema: {
      tags: ['retention'],
      summary: 'Subjects flagged as under the minimum age without a representative\'s consent, oldest first, paged',
      description: 'Needs `subjects:read`. Ids, dates and reasons only — never a birth date or another value.',
      params: OperatorParams,
      querystring: ListQuery,
      response: { 200: Type.Object({ flags: Type.Array(MinorFlag), next: Nullable(Type.String()) }), 400: problem, ...denied },
    },
  }, async (request) => listMinorFlags(deps, request.params.operatorId, request.query))

  app.post<Op>('/v1/operators/:operatorId/minors/scan', {
    preValidation: requirePermission('subjects:block'),
    schema: {
      tags: ['retention'],
      summary: 'Look for minors now: flag, block or mark for destruction as the policy says; end flags of those who came of age or got a representative\'s consent',
      description: 'Needs `subjects:block`. Audited (`minors_scanned`, and `minor_flagged`, `minor_flag_cleared`, `block`, `unblock` per subject). The same scan runs daily in `serve`.',
      params: OperatorParams,
      response: { 200: ScanResult, 404: problem, ...denied },
    },
  }, async (request) => {
    const principal = authorize(request, request.params.operatorId, 'subjects:block')
    const result = await scanMinors(deps, request.params.operatorId, principal.actor)
    return { ...result, scannedAt: result.scannedAt.toISOString() }
  })
}
