import type { Static } from '@sinclair/typebox'
import type { FastifyInstance } from 'fastify'
import { getOperator } from '../operators/index.ts'
import type { PortalDeps } from './portal-deps.ts'
import { portalRateLimits, takeFromAddress, type PortalRateLimits } from './portal-rate-limits.ts'
import { PortalParams, SessionSchema, SignInBody, SignInChallengeSchema, VerifyBody } from './portal-schemas.ts'
import { startSignIn } from './start-sign-in.ts'
import { endSubjectSession } from './subject-sessions.ts'
import { requireSubjectSession, subjectSessionOf } from './subject-session-guard.ts'
import { verifySignIn } from './verify-sign-in.ts'

const problem = { $ref: 'Problem#' }
type Op = Static<typeof PortalParams>

/**
 * Sign-in to the portal with a one-time code, and sign-out, under
 * `/v1/operators/{operatorId}/portal/sign-in`: public (the subject has no
 * credentials yet), the same 202 whether or not the identifier is registered.
 */
export async function signInRoutes(app: FastifyInstance, deps: PortalDeps, limits: PortalRateLimits = portalRateLimits()): Promise<void> {
  const base = '/v1/operators/:operatorId/portal'
  // An unknown operator is a 404 before anything else — the body, the limits, and above all its keys, which
  // the key provider would otherwise make for any name on first use (a key file per name anyone typed).
  const knownOperator = async (request: { params: Op }) => void (await getOperator(deps, request.params.operatorId))

  app.post<{ Params: Op; Body: Static<typeof SignInBody> }>(`${base}/sign-in`, {
    schema: {
      tags: ['portal'],
      summary: 'Ask for a one-time sign-in code by SMS or e-mail',
      description:
        'Public. When the phone or e-mail is a registered identifier of a subject of the operator (blind-index look-up) a 6-digit code goes to it, valid 10 minutes, 5 attempts, once. The answer is the same 202 whether or not it is registered; at most 5 codes per identifier per hour (429 `DERBES_PORTAL_TOO_MANY_CODES`) and `portalSignInCodesPerIpPerHour` per IP address (429 `DERBES_PORTAL_TOO_MANY_FROM_ADDRESS`), each with `Retry-After`.',
      params: PortalParams,
      body: SignInBody,
      response: { 202: SignInChallengeSchema, 400: problem, 404: problem, 429: problem },
    },
    preValidation: knownOperator,
    // Counted before the identifier is looked at: one machine cannot walk through phone numbers (the per-identifier limit cannot see that).
    preHandler: async (request) => takeFromAddress(deps, request.params.operatorId, 'sign_in_codes', limits.signInCodesPerIpPerHour, request.ip),
  }, async (request, reply) => {
    const challenge = await startSignIn(deps, { operatorId: request.params.operatorId, identifier: request.body.identifier, language: request.body.language })
    return reply.status(202).send(challenge)
  })

  app.post<{ Params: Op; Body: Static<typeof VerifyBody> }>(`${base}/sign-in/verify`, {
    preValidation: knownOperator,
    schema: {
      tags: ['portal'],
      summary: 'Enter the code: opens a subject session (`dss.` token)',
      description: 'Public. A wrong code counts against the 5 attempts even though nothing else changes. The session ends after 30 idle minutes or 8 hours, or at sign-out; only its SHA-256 is stored. The sign-in is audited (`subject_signed_in`).',
      params: PortalParams,
      body: VerifyBody,
      response: { 201: SessionSchema, 400: problem, 404: problem, 409: problem, 422: problem },
    },
  }, async (request, reply) => {
    const session = await verifySignIn(deps, { operatorId: request.params.operatorId, ...request.body })
    return reply.status(201).send({ ...session, expiresAt: session.expiresAt.toISOString() })
  })

  app.post<{ Params: Op }>(`${base}/sign-out`, {
    preValidation: requireSubjectSession(deps),
    schema: { tags: ['portal'], summary: 'End the portal session', params: PortalParams, response: { 204: { type: 'null' }, 401: problem, 403: problem } },
  }, async (request, reply) => {
    const session = subjectSessionOf(request)
    await endSubjectSession(deps.db, session.operatorId, session.sessionId, deps.clock())
    return reply.status(204).send()
  })
}
