import type { FastifyRequest } from 'fastify'
import { authorize, type Permission, type Principal } from '../access/index.ts'

/**
 * A `preValidation` hook that authorises before the body is even read: no
 * credentials → 401, another operator's or a missing permission → 403, so an
 * outsider learns nothing from validation errors.
 */
export function guard(permission: Permission) {
  return async (request: FastifyRequest) => {
    authorize(request, (request.params as { operatorId: string }).operatorId, permission)
  }
}

/** The principal `guard` let through. */
export function principalOf(request: FastifyRequest, permission: Permission): Principal {
  return authorize(request, (request.params as { operatorId: string }).operatorId, permission)
}
