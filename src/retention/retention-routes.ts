import { Type } from '@sinclair/typebox'
import type { FastifyInstance } from 'fastify'
import { authorize, requirePermission } from '../access/index.ts'
import { DerbesError } from '../errors/index.ts'
import type { AppDeps } from '../http/app-deps.ts'
import type { HoldReason } from './due-retention.ts'
import { explainRetention } from './explain-retention.ts'
import { findDueRetentionPage } from './find-due-retention.ts'
import { recordRetentionTrigger } from './record-retention-trigger.ts'
import { listHolds, placeHold, releaseHold } from './retention-holds.ts'
import { DueList, DueQuery, Explanation, HoldBody, HoldParams, HoldsQuery, HoldView, OperatorParams, SubjectParams, TriggerBody, TriggerView } from './retention-schemas.ts'
import type { RecordedTrigger } from './retention-tables.ts'

const problem = { $ref: 'Problem#' }
const denied = { 401: problem, 403: problem }

type Op = { Params: { operatorId: string } }
type Subj = { Params: { operatorId: string; subjectId: string } }

function instant(value: string | undefined, pointer: string, fallback: Date): Date {
  if (value === undefined) return fallback
  const at = new Date(value)
  if (Number.isNaN(at.getTime())) throw new DerbesError('DERBES_VALIDATION', `not a date-time: ${value}`, [{ pointer, detail: 'is not a date-time' }])
  return at
}

const steps = (due: Awaited<ReturnType<typeof findDueRetentionPage>>['due']) =>
  due.map((d) => ({ ...d, triggeredAt: d.triggeredAt.toISOString(), dueAt: d.dueAt.toISOString(), ...(d.deadlineAt ? { deadlineAt: d.deadlineAt.toISOString() } : {}) }))

/**
 * Retention evaluation (issue 5 §1): what is due (a dry run, any time), why
 * a subject is kept or due, the triggers only staff know, and legal holds.
 * `retention:read` to look, `retention:manage` to record and hold.
 */
export async function retentionRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.get<Op & { Querystring: { asOf?: string; after?: string; limit?: number } }>('/v1/operators/:operatorId/retention/due', {
    preValidation: requirePermission('retention:read'),
    schema: {
      tags: ['retention'],
      summary: 'What retention is due: a dry run of the sweep over one page of subjects',
      description: 'Needs `retention:read`. Pages in subject order; held subjects are never listed. Nothing changes.',
      params: OperatorParams, querystring: DueQuery, response: { 200: DueList, 400: problem, 404: problem, ...denied },
    },
  }, async (request) => {
    authorize(request, request.params.operatorId, 'retention:read')
    const asOf = instant(request.query.asOf, '/querystring/asOf', deps.clock())
    const page = await findDueRetentionPage(deps, request.params.operatorId, asOf, { ...(request.query.after ? { after: request.query.after } : {}), limit: request.query.limit ?? 1000 })
    return { asOf: asOf.toISOString(), due: steps(page.due), next: page.nextAfter }
  })

  app.get<Subj & { Querystring: { asOf?: string } }>('/v1/operators/:operatorId/subjects/:subjectId/retention', {
    preValidation: requirePermission('retention:read'),
    schema: {
      tags: ['retention'],
      summary: "A subject's retention: rules, triggers, due dates, holds and what is due",
      description: 'Needs `retention:read`. Subject ids, item ids and dates only — never a value.',
      params: SubjectParams, querystring: Type.Object({ asOf: Type.Optional(Type.String({ format: 'date-time' })) }, { additionalProperties: false }),
      response: { 200: Explanation, 404: problem, ...denied },
    },
  }, async (request) => {
    authorize(request, request.params.operatorId, 'retention:read')
    const explanation = await explainRetention(deps, request.params.operatorId, request.params.subjectId, instant(request.query.asOf, '/querystring/asOf', deps.clock()))
    return { ...explanation, due: steps(explanation.due) }
  })

  app.post<Subj & { Body: { trigger: RecordedTrigger; purposeId?: string; occurredAt?: string; note?: string } }>('/v1/operators/:operatorId/subjects/:subjectId/retention-triggers', {
    preValidation: requirePermission('retention:manage'),
    schema: {
      tags: ['retention'],
      summary: 'Record a retention trigger: purpose achieved, contract ended, account closed',
      description: 'Needs `retention:manage`. Audited. The first date stays: recording it again is a conflict.',
      params: SubjectParams, body: TriggerBody, response: { 201: TriggerView, 400: problem, 404: problem, 409: problem, ...denied },
    },
  }, async (request, reply) => {
    const principal = authorize(request, request.params.operatorId, 'retention:manage')
    const { trigger, purposeId, occurredAt, note } = request.body
    const view = await recordRetentionTrigger(deps, {
      operatorId: request.params.operatorId, subjectId: request.params.subjectId, trigger, purposeId, note,
      occurredAt: occurredAt === undefined ? undefined : instant(occurredAt, '/body/occurredAt', deps.clock()),
    }, principal.actor)
    return reply.status(201).send(view)
  })

  app.post<Op & { Body: { subjectId: string; reason: HoldReason; detail: string; until?: string } }>('/v1/operators/:operatorId/retention/holds', {
    preValidation: requirePermission('retention:manage'),
    schema: {
      tags: ['retention'],
      summary: 'Place a legal hold on a subject',
      description: 'Needs `retention:manage`. Audited. While it is in force retention does nothing to the subject.',
      params: OperatorParams, body: HoldBody, response: { 201: HoldView, 400: problem, 404: problem, ...denied },
    },
  }, async (request, reply) => {
    const principal = authorize(request, request.params.operatorId, 'retention:manage')
    const { subjectId, reason, detail, until } = request.body
    const view = await placeHold(deps, {
      operatorId: request.params.operatorId, subjectId, reason, detail, until: until === undefined ? undefined : instant(until, '/body/until', deps.clock()),
    }, principal.actor)
    return reply.status(201).send(view)
  })

  app.get<Op & { Querystring: { subjectId?: string; all?: boolean } }>('/v1/operators/:operatorId/retention/holds', {
    preValidation: requirePermission('retention:read'),
    schema: {
      tags: ['retention'], summary: "The operator's legal holds in force (all with `all=true`)", description: 'Needs `retention:read`.',
      params: OperatorParams, querystring: HoldsQuery, response: { 200: Type.Object({ holds: Type.Array(HoldView) }), ...denied },
    },
  }, async (request) => {
    authorize(request, request.params.operatorId, 'retention:read')
    return { holds: await listHolds(deps, request.params.operatorId, { subjectId: request.query.subjectId, all: request.query.all }) }
  })

  app.post<{ Params: { operatorId: string; holdId: string } }>('/v1/operators/:operatorId/retention/holds/:holdId/release', {
    preValidation: requirePermission('retention:manage'),
    schema: {
      tags: ['retention'], summary: 'Release a legal hold', description: 'Needs `retention:manage`. Audited; the hold stays on record.',
      params: HoldParams, response: { 200: HoldView, 404: problem, 409: problem, ...denied },
    },
  }, async (request) => {
    const principal = authorize(request, request.params.operatorId, 'retention:manage')
    return releaseHold(deps, request.params.operatorId, request.params.holdId, principal.actor)
  })
}
