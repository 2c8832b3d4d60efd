import { Type } from '@sinclair/typebox'
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../http/app-deps.ts'
import { getPublishedVersion } from '../operators/index.ts'
import { NewStaffBody, OperatorIdParam, problem, StaffIdParams, StaffPatchBody, StaffViewSchema } from './access-schemas.ts'
import { authorize } from './authenticate.ts'
import { requirePermission } from './route-guards.ts'
import { checkGrantable } from './check-grantable.ts'
import { createStaff } from './create-staff.ts'
import { getStaff, listStaff } from './list-staff.ts'
import type { Permission } from './permissions.ts'
import { permissionsForRole } from './permissions-for-role.ts'
import { resetTotp } from './staff-totp.ts'
import { updateStaff, type StaffPatch } from './update-staff.ts'

type Params = { operatorId: string }
type StaffParams = { operatorId: string; staffId: string }
const staffRef = Type.Ref(StaffViewSchema)
const errors = { 400: problem, 401: problem, 403: problem, 404: problem }
const manage = requirePermission('staff:manage')

/** Staff management: needs `staff:manage`, and never grants more than the caller holds. */
export async function staffRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.post<{ Params: Params; Body: { login: string; displayName?: string; password: string; roleId: string; extraPermissions?: Permission[] } }>('/v1/operators/:operatorId/staff', {
    preValidation: manage,
    schema: {
      tags: ['access'],
      summary: 'Add a member of staff with a role of the published policy',
      params: OperatorIdParam,
      body: NewStaffBody,
      response: { 201: staffRef, ...errors, 409: problem },
    },
  }, async (request, reply) => {
    const principal = authorize(request, request.params.operatorId, 'staff:manage')
    const { compiled } = await getPublishedVersion(deps, request.params.operatorId)
    checkGrantable(principal, permissionsForRole(compiled, request.body.roleId, request.body.extraPermissions ?? []))
    const staff = await createStaff(deps, { operatorId: request.params.operatorId, ...request.body, createdBy: principal.actor })
    return reply.status(201).send(staff)
  })

  app.get<{ Params: Params }>('/v1/operators/:operatorId/staff', {
    preValidation: manage,
    schema: { tags: ['access'], summary: "The operator's staff", params: OperatorIdParam, response: { 200: Type.Object({ staff: Type.Array(staffRef) }), ...errors } },
  }, async (request) => {
    authorize(request, request.params.operatorId, 'staff:manage')
    return { staff: await listStaff(deps, request.params.operatorId) }
  })

  app.get<{ Params: StaffParams }>('/v1/operators/:operatorId/staff/:staffId', {
    preValidation: manage,
    schema: { tags: ['access'], summary: 'One member of staff', params: StaffIdParams, response: { 200: staffRef, ...errors } },
  }, async (request) => {
    authorize(request, request.params.operatorId, 'staff:manage')
    return getStaff(deps, request.params.operatorId, request.params.staffId)
  })

  app.patch<{ Params: StaffParams; Body: StaffPatch & { extraPermissions?: Permission[] } }>('/v1/operators/:operatorId/staff/:staffId', {
    preValidation: manage,
    schema: {
      tags: ['access'],
      summary: 'Change a member of staff: name, role, extra permissions, active, password',
      description: 'Disabling (`active: false`) or a new password ends all their sessions at once; a new password or `active: true` also lifts a lockout.',
      params: StaffIdParams,
      body: StaffPatchBody,
      response: { 200: staffRef, ...errors },
    },
  }, async (request) => {
    const { operatorId, staffId } = request.params
    const principal = authorize(request, operatorId, 'staff:manage')
    const current = await getStaff(deps, operatorId, staffId)
    const { compiled } = await getPublishedVersion(deps, operatorId)
    checkGrantable(principal, current.permissions)
    checkGrantable(principal, permissionsForRole(compiled, request.body.roleId ?? current.roleId, request.body.extraPermissions ?? current.extraPermissions))
    return updateStaff(deps, operatorId, staffId, request.body, principal.actor)
  })

  app.delete<{ Params: StaffParams }>('/v1/operators/:operatorId/staff/:staffId/totp', {
    preValidation: manage,
    schema: {
      tags: ['access'],
      summary: "Reset a member of staff's second factor (a lost phone)",
      description: 'They sign in with the password alone and enrol again; their sessions end.',
      params: StaffIdParams,
      response: { 204: Type.Null(), ...errors },
    },
  }, async (request, reply) => {
    const { operatorId, staffId } = request.params
    const principal = authorize(request, operatorId, 'staff:manage')
    checkGrantable(principal, (await getStaff(deps, operatorId, staffId)).permissions)
    await resetTotp(deps.db, operatorId, staffId, principal.actor, deps.clock())
    return reply.status(204).send()
  })
}
