import type { FastifyInstance, FastifyRequest } from 'fastify'
import { DerbesError } from '../errors/index.ts'
import type { PortalDeps } from './portal-deps.ts'
import { verifySubjectSession, type SubjectSession } from './subject-sessions.ts'
import { parseSubjectToken } from './subject-token.ts'

declare module 'fastify' {
  interface FastifyRequest {
    /** Set on portal routes by `requireSubjectSession`. */
    subjectSession: SubjectSession | null
  }
}

/** Declares `request.subjectSession`; once per app, before the portal routes. */
export function registerSubjectSessions(app: FastifyInstance): void {
  app.decorateRequest('subjectSession', null)
}

/**
 * A `preValidation` hook for the portal's routes: reads a subject's `dss.`
 * bearer token itself, so the staff authentication (`dk.` keys, `ds.`
 * sessions) stays untouched and never accepts a subject's token, and these
 * routes never accept staff credentials. No token, or one not valid any
 * more → 401; staff credentials or a session of another operator → 403. It
 * runs before the body is validated, so an outsider learns nothing from
 * validation errors.
 *
 * @example
 * app.get('/v1/operators/:operatorId/portal/data', { preValidation: requireSubjectSession(deps) }, handler)
 */
export function requireSubjectSession(deps: Pick<PortalDeps, 'db' | 'clock'>) {
  return async (request: FastifyRequest): Promise<void> => {
    const { operatorId } = request.params as { operatorId: string }
    const header = request.headers.authorization
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined
    if (!token) throw new DerbesError('DERBES_UNAUTHENTICATED', 'sign in to the portal and send the session as `Authorization: Bearer dss.…`')
    const parts = parseSubjectToken(token)
    if (!parts) {
      if (request.principal) throw new DerbesError('DERBES_FORBIDDEN', "the portal is the subjects' own: staff sessions and API keys use the staff routes")
      throw new DerbesError('DERBES_UNAUTHENTICATED', 'the bearer token is not a portal session')
    }
    if (parts.operatorId !== operatorId) throw new DerbesError('DERBES_FORBIDDEN', `this session belongs to operator '${parts.operatorId}', not '${operatorId}'`)
    const session = await verifySubjectSession(deps.db, token, deps.clock())
    if (!session) throw new DerbesError('DERBES_UNAUTHENTICATED', 'the portal session has ended, expired or was never opened; sign in again')
    request.subjectSession = session
  }
}

/** The session `requireSubjectSession` found. */
export function subjectSessionOf(request: FastifyRequest): SubjectSession {
  if (!request.subjectSession) throw new DerbesError('DERBES_UNAUTHENTICATED', 'sign in to the portal first')
  return request.subjectSession
}
