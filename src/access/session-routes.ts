import { Type } from '@sinclair/typebox'
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../http/app-deps.ts'
import { CodeBody, OperatorIdParam, problem, SessionStateSchema, SignInBody, StaffViewSchema } from './access-schemas.ts'
import { authorizeStaff } from './authenticate.ts'
import { requireStaffSession } from './route-guards.ts'
import { completeSecondFactor } from './complete-second-factor.ts'
import { getStaff } from './list-staff.ts'
import { signIn } from './sign-in.ts'
import { endSession } from './staff-sessions.ts'

type Params = { operatorId: string }
const anySession = requireStaffSession({ allowPending: true })

/** Staff sign-in (password, then TOTP when enrolled), the current session, sign-out. */
export async function sessionRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.post<{ Params: Params; Body: { login: string; password: string; code?: string } }>('/v1/operators/:operatorId/sessions', {
    schema: {
      tags: ['access'],
      summary: 'Sign a member of staff in',
      description:
        'No authentication. Returns a bearer token once. With a TOTP second factor set up and no `code` in the body the session is `second_factor_pending` and has no permissions until `POST …/sessions/current/second-factor`. Five failures in a row lock the account for 15 minutes; every refusal is the same `DERBES_SIGN_IN_FAILED`.',
      params: OperatorIdParam,
      body: SignInBody,
      response: {
        201: Type.Object({ token: Type.String(), sessionId: Type.String(), state: SessionStateSchema, expiresAt: Type.String({ format: 'date-time' }) }),
        400: problem,
        401: problem,
      },
    },
  }, async (request, reply) => {
    const session = await signIn(deps, request.params.operatorId, request.body)
    request.log.info({ operator: request.params.operatorId, session: session.sessionId, state: session.state }, 'staff signed in')
    return reply.status(201).send({ ...session, expiresAt: session.expiresAt.toISOString() })
  })

  app.post<{ Params: Params; Body: { code: string } }>('/v1/operators/:operatorId/sessions/current/second-factor', {
    preValidation: anySession,
    schema: {
      tags: ['access'],
      summary: 'Complete sign-in with the TOTP code',
      description: 'Send with the pending session as bearer token. A wrong or already used code counts toward the lockout; five wrong codes end the session.',
      params: OperatorIdParam,
      body: CodeBody,
      response: { 200: Type.Object({ sessionId: Type.String(), state: Type.Literal('active'), expiresAt: Type.String({ format: 'date-time' }) }), 401: problem, 403: problem },
    },
  }, async (request) => {
    const principal = authorizeStaff(request, request.params.operatorId, { allowPending: true })
    const { expiresAt } = await completeSecondFactor(deps, principal, request.body.code)
    return { sessionId: principal.sessionId!, state: 'active' as const, expiresAt: expiresAt.toISOString() }
  })

  app.get<{ Params: Params }>('/v1/operators/:operatorId/sessions/current', {
    preValidation: anySession,
    schema: {
      tags: ['access'],
      summary: 'The session of the bearer token and its member of staff',
      params: OperatorIdParam,
      response: {
        200: Type.Object({ sessionId: Type.String(), state: SessionStateSchema, expiresAt: Type.String({ format: 'date-time' }), staff: Type.Ref(StaffViewSchema) }),
        401: problem,
        403: problem,
      },
    },
  }, async (request) => {
    const principal = authorizeStaff(request, request.params.operatorId, { allowPending: true })
    return {
      sessionId: principal.sessionId!,
      state: principal.secondFactorPending ? ('second_factor_pending' as const) : ('active' as const),
      expiresAt: (principal.expiresAt ?? deps.clock()).toISOString(),
      staff: await getStaff(deps, principal.operatorId, principal.id),
    }
  })

  app.delete<{ Params: Params }>('/v1/operators/:operatorId/sessions/current', {
    preValidation: anySession,
    schema: { tags: ['access'], summary: 'Sign out: the token stops working at once', params: OperatorIdParam, response: { 204: Type.Null(), 401: problem, 403: problem } },
  }, async (request, reply) => {
    const principal = authorizeStaff(request, request.params.operatorId, { allowPending: true })
    await endSession(deps.db, principal.operatorId, principal.id, principal.sessionId!, deps.clock())
    return reply.status(204).send()
  })
}
