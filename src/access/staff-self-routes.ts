import { Type } from '@sinclair/typebox'
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../http/app-deps.ts'
import { CodeBody, OperatorIdParam, problem, StaffViewSchema } from './access-schemas.ts'
import { authorizeStaff } from './authenticate.ts'
import { requireStaffSession } from './route-guards.ts'
import { getStaff } from './list-staff.ts'
import { confirmTotp, enrolTotp } from './staff-totp.ts'

type Params = { operatorId: string }

/** What every signed-in member of staff does for themselves, whatever their role: see their record, set up TOTP. */
export async function staffSelfRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.get<{ Params: Params }>('/v1/operators/:operatorId/staff/me', {
    preValidation: requireStaffSession(),
    schema: { tags: ['access'], summary: 'The signed-in member of staff', params: OperatorIdParam, response: { 200: Type.Ref(StaffViewSchema), 401: problem, 403: problem } },
  }, async (request) => {
    const me = authorizeStaff(request, request.params.operatorId)
    return getStaff(deps, me.operatorId, me.id)
  })

  app.post<{ Params: Params }>('/v1/operators/:operatorId/staff/me/totp', {
    preValidation: requireStaffSession(),
    schema: {
      tags: ['access'],
      summary: 'Start TOTP enrolment',
      description:
        'Returns the `otpauth://` URI once (RFC 6238: SHA-1, 6 digits, 30 s) to show as a QR code. The secret is stored only wrapped by the operator\'s key. Sign-in asks for codes after `POST …/staff/me/totp/confirm`.',
      params: OperatorIdParam,
      response: { 201: Type.Object({ uri: Type.String() }), 401: problem, 403: problem, 409: problem },
    },
  }, async (request, reply) => {
    const me = authorizeStaff(request, request.params.operatorId)
    return reply.status(201).send(await enrolTotp(deps, me.operatorId, me.id, deps.clock()))
  })

  app.post<{ Params: Params; Body: { code: string } }>('/v1/operators/:operatorId/staff/me/totp/confirm', {
    preValidation: requireStaffSession(),
    schema: {
      tags: ['access'],
      summary: 'Confirm TOTP enrolment with the first code',
      params: OperatorIdParam,
      body: CodeBody,
      response: { 204: Type.Null(), 400: problem, 401: problem, 403: problem, 409: problem },
    },
  }, async (request, reply) => {
    const me = authorizeStaff(request, request.params.operatorId)
    await confirmTotp(deps, me.operatorId, me.id, request.body.code, deps.clock())
    return reply.status(204).send()
  })
}
