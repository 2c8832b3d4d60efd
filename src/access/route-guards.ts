import type { FastifyRequest } from 'fastify'
import { authorize, authorizeInstallationAdmin, authorizeStaff } from './authenticate.ts'
import type { Permission } from './permissions.ts'

const operatorOf = (request: FastifyRequest) => (request.params as { operatorId: string }).operatorId

/**
 * A `preValidation` hook that authorises before the body is validated: no
 * credentials → 401, another operator's or a missing permission → 403, so an
 * outsider learns nothing from validation errors. The handler then takes the
 * principal with `authorize` (a cheap in-memory check).
 *
 * @example
 * app.post('/v1/operators/:operatorId/api-keys', { preValidation: requirePermission('staff:manage'), schema }, handler)
 */
export function requirePermission(permission: Permission) {
  return async (request: FastifyRequest): Promise<void> => {
    authorize(request, operatorOf(request), permission)
  }
}

/** The same for what a signed-in member of staff does for themselves; `allowPending` lets a session awaiting its code through. */
export function requireStaffSession(options: { allowPending?: boolean } = {}) {
  return async (request: FastifyRequest): Promise<void> => {
    authorizeStaff(request, operatorOf(request), options)
  }
}

/** The same for installation-wide routes (registering an operator): an installation administrator key only. */
export function requireInstallationAdmin() {
  return async (request: FastifyRequest): Promise<void> => {
    authorizeInstallationAdmin(request)
  }
}
