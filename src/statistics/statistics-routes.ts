import { Type } from '@sinclair/typebox'
import type { FastifyInstance } from 'fastify'
import { authorize, requirePermission } from '../access/index.ts'
import type { Config } from '../config/index.ts'
import type { AppDeps } from '../http/app-deps.ts'
import { exportStatistics, type StatisticsExportInput } from './export-statistics.ts'

const problem = { $ref: 'Problem#' }
const OperatorParams = Type.Object({ operatorId: Type.String({ pattern: '^[a-z][a-z0-9-]{0,63}$' }) })
const Count = Type.Integer({ minimum: 0 })

const ExportBody = Type.Object(
  {
    dimensions: Type.Array(Type.String({ minLength: 1, maxLength: 100 }), {
      minItems: 1, maxItems: 6, uniqueItems: true,
      description: 'subject_kind, subject_status, age_band, relationship_start_year, consent_language, consent_status:<purpose>[:<channel>]; or request_kind, request_state, request_channel, request_year',
    }),
    measures: Type.Optional(Type.Array(Type.Union([Type.Literal('subjects'), Type.Literal('requests')]), { uniqueItems: true })),
    k: Type.Optional(Type.Integer({ minimum: 2, maximum: 1000, description: 'Every released group holds at least k subjects; the configured default (5) when absent' })),
    maxSuppressedShare: Type.Optional(Type.Number({ minimum: 0, maximum: 1, description: 'Generalise further while more than this share of subjects would be suppressed (0.05)' })),
    format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('csv')], { description: 'csv: text/csv with a (suppressed) row' })),
  },
  { additionalProperties: false },
)

const ExportView = Type.Object({
  operatorId: Type.String(),
  unit: Type.String(),
  dimensions: Type.Array(Type.String()),
  exportedAt: Type.String({ format: 'date-time' }),
  policyVersionId: Type.String(),
  k: Type.Integer(),
  groups: Type.Array(Type.Object({ values: Type.Record(Type.String(), Type.String()), subjects: Count, requests: Type.Optional(Count) })),
  suppressed: Type.Object({ groups: Count, subjects: Count, requests: Type.Optional(Count) }),
  generalised: Type.Array(Type.Object({ dimension: Type.String(), level: Type.Integer(), levelName: Type.String(), mapped: Type.Record(Type.String(), Type.String()) })),
  population: Type.Object({ subjects: Count, requests: Type.Optional(Count) }),
  clauses: Type.Array(Type.String()),
})

type Export = { Params: { operatorId: string }; Body: StatisticsExportInput & { format?: 'json' | 'csv' } }

/**
 * Anonymised statistics (issue 5 §5; art. 17(1), TW-3.2.6, PS-8.1): needs
 * `statistics:export`; audited with who, which dimensions and which k.
 */
export async function statisticsRoutes(app: FastifyInstance, deps: AppDeps, config: Partial<Config> = {}): Promise<void> {
  app.post<Export>('/v1/operators/:operatorId/statistics/exports', {
    preValidation: requirePermission('statistics:export'),
    schema: {
      tags: ['statistics'],
      summary: 'Aggregate counts where every released group holds at least k subjects; says what was generalised and suppressed',
      description: 'Needs `statistics:export`. Never an identifier or a vault value. JSON by default; `format: csv` answers text/csv whose last row `(suppressed)` holds what was held back.',
      params: OperatorParams,
      body: ExportBody,
      response: { 200: ExportView, 400: problem, 401: problem, 403: problem, 404: problem, 422: problem },
    },
  }, async (request, reply) => {
    const principal = authorize(request, request.params.operatorId, 'statistics:export')
    const { format, ...input } = request.body
    const out = await exportStatistics(deps, request.params.operatorId, input, principal.actor, config.statisticsK ?? 5)
    if (format === 'csv') {
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="statistics-${request.params.operatorId}.csv"`)
        .header('derbes-suppressed-groups', String(out.suppressed.groups))
        .header('derbes-suppressed-subjects', String(out.suppressed.subjects))
        .serializer((payload: unknown) => payload as string)
        .send(out.csv)
    }
    const { csv: _, ...json } = out
    return json
  })
}
