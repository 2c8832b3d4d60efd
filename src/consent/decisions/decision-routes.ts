import { Readable } from 'node:stream'
import type { FastifyInstance } from 'fastify'
import { authorize } from '../../access/index.ts'
import type { AppDeps } from '../../http/app-deps.ts'
import { getPublishedVersion } from '../../operators/index.ts'
import { planAudience } from './audience-plan.ts'
import { decisionRulesFor } from './compile-decision-rules.ts'
import { decideWith } from './decide.ts'
import { DecisionIndexes } from './decision-indexes.ts'
import { reasonMessage } from './decision-reasons.ts'
import { AudienceBody, DecisionBody, DecisionResponse, OperatorIdParam } from './decision-schemas.ts'
import { recordDecision } from './record-decision.ts'
import { streamAudience } from './stream-audience.ts'

declare module 'fastify' {
  interface FastifyInstance {
    /** The warm decision projections; `forget(operatorId, subjectId)` after a change for read-your-writes. */
    decisionIndexes: DecisionIndexes
  }
}

const problem = { $ref: 'Problem#' }
const NO_REASONS: never[] = []

/**
 * Decisions: may this processing happen now? Answered from a warm projection
 * in memory (see DecisionIndex for how stale it may be).
 *
 * A decision is a check, not processing: asking "may I?" touches no personal
 * data (nothing is read from the vault, nothing changes), so it writes no
 * audit entry — an entry per check would also bury the real actions in a
 * chain of questions and cost a row lock per call on the hottest route. The
 * processing that follows is what the audit records; a caller that processes
 * at once can send `record: true` to have the use (or its refusal) appended
 * in the same request.
 */
export async function decisionRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const indexes = new DecisionIndexes(deps.db)
  app.decorate('decisionIndexes', indexes)

  app.post<{ Params: { operatorId: string }; Body: DecisionBody }>('/v1/operators/:operatorId/decisions', {
    schema: {
      tags: ['decisions'],
      summary: 'May this operator process these items of this subject for this purpose now?',
      description: 'Allow or deny, the legal basis used and every reason with its article and policy clauses (docs/api.md "Decisions").',
      params: OperatorIdParam,
      body: DecisionBody,
      response: { 200: DecisionResponse, 400: problem, 401: problem, 403: problem, 404: problem },
    },
  }, async (request) => {
    const { operatorId } = request.params
    const principal = authorize(request, operatorId, 'decisions')
    const index = indexes.get(operatorId)
    if (!index.isFresh()) await index.sync()
    const body = request.body
    const facts = index.facts(body.subjectId) ?? (await index.fetch(body.subjectId))
    const decidedAt = body.at !== undefined ? new Date(body.at) : deps.clock()
    const rules = index.rules
    const decision = decideWith(rules, facts, body, decidedAt.getTime())
    const lang = body.lang ?? 'kk'
    const response = {
      allow: decision.allow,
      basis: decision.basis,
      reasons: decision.reasons.length === 0 ? NO_REASONS : decision.reasons.map((r) => ({ ...r, message: reasonMessage(r.code, lang) })),
      policyVersion: rules.versionId,
      decidedAt: decidedAt.toISOString(),
    }
    if (body.record !== true) return response
    const recorded = await recordDecision(deps.db, { operatorId, actor: principal.actor, request: body, decision, policyVersion: rules.versionId, decidedAt, at: deps.clock() })
    return { ...response, recorded }
  })

  app.post<{ Params: { operatorId: string }; Body: AudienceBody }>('/v1/operators/:operatorId/decisions/bulk', {
    schema: {
      tags: ['decisions'],
      summary: 'The audience: every subject that may be processed for a purpose (through a channel, to a country) now',
      description: 'Streams NDJSON: one `{"subjectId":…}` line per subject allowed, then `{"summary":{…,"complete":true}}`. Without the summary line the stream was cut off.',
      params: OperatorIdParam,
      body: AudienceBody,
      response: { 400: problem, 401: problem, 403: problem, 404: problem },
    },
  }, async (request, reply) => {
    const { operatorId } = request.params
    authorize(request, operatorId, 'decisions')
    const { compiled } = await getPublishedVersion(deps, operatorId)
    const now = request.body.at !== undefined ? new Date(request.body.at) : deps.clock()
    const plan = planAudience(decisionRulesFor(compiled), request.body, now)
    // highWaterMark 1: one page waits in the stream at most, the next is queried when the client has taken it.
    const stream = Readable.from(streamAudience(deps.db, plan), { objectMode: true, highWaterMark: 1 })
    return reply.type('application/x-ndjson; charset=utf-8').send(stream)
  })
}
