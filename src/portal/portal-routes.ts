import type { Static } from '@sinclair/typebox'
import type { FastifyInstance } from 'fastify'
import { outboxSmsGateway } from '../consent/index.ts'
import type { Config } from '../config/index.ts'
import type { AppDeps } from '../http/app-deps.ts'
import { requestSettings } from '../requests/index.ts'
import { getPublishedVersion } from '../operators/index.ts'
import { getSubject } from '../subjects/index.ts'
import { actableSubjects, actingFor } from './acting-for.ts'
import { portalConsentRoutes } from './portal-consent-routes.ts'
import type { PortalDeps } from './portal-deps.ts'
import { portalRateLimits } from './portal-rate-limits.ts'
import { portalRequestRoutes } from './portal-request-routes.ts'
import { MeSchema, OnBehalfQuery, OwnDataSchema, PortalParams } from './portal-schemas.ts'
import { readOwnData } from './read-own-data.ts'
import { signInRoutes } from './sign-in-routes.ts'
import { registerSubjectSessions, requireSubjectSession, subjectSessionOf } from './subject-session-guard.ts'

const problem = { $ref: 'Problem#' }
type Op = Static<typeof PortalParams>

export interface PortalOptions {
  /** Where sign-in SMS go; the sealed SMS outbox by default. */
  smsGateway?: PortalDeps['smsGateway']
}

/**
 * The subject's portal API under `/v1/operators/{operatorId}/portal` (issue 4
 * item 2, issue 6 item 2): sign-in with a one-time code, who I am and whom I
 * represent, my data, my requests, my consents. Every route but sign-in takes
 * a subject session (`dss.`) and only that: staff keys and sessions are
 * refused here, and a subject session is refused on every staff route.
 */
export async function portalRoutes(app: FastifyInstance, appDeps: AppDeps, config: Partial<Config> = {}, options: PortalOptions = {}): Promise<void> {
  const deps: PortalDeps = { ...appDeps, settings: requestSettings(config), smsGateway: options.smsGateway ?? outboxSmsGateway(appDeps.keys) }
  registerSubjectSessions(app)
  const base = '/v1/operators/:operatorId/portal'
  const preValidation = requireSubjectSession(deps)
  // Per IP address and per subject, beside the per-identifier limit of sign-in codes; counted in the database (portal_address_takes, the requests table), so every process sees one count.
  const limits = portalRateLimits(config)

  await signInRoutes(app, deps, limits)

  app.get<{ Params: Op }>(`${base}/me`, {
    preValidation,
    schema: {
      tags: ['portal'],
      summary: 'Who is signed in, and the subjects they may act for now (KZK-1.13, TW-4.1, ESP-3)',
      params: PortalParams,
      response: { 200: MeSchema, 401: problem, 403: problem },
    },
  }, async (request) => {
    const session = subjectSessionOf(request)
    const me = await getSubject(deps, session.operatorId, session.subjectId)
    const others = (await actableSubjects(deps, session)).filter((s) => s.representative)
    const represents = []
    // The kind's name from the published policy ("Оқушы", "Pupil"), so a parent can tell whom they act for without another read of the vault.
    const kinds = others.length ? (await getPublishedVersion(deps, session.operatorId)).compiled.subjectKinds : new Map()
    for (const other of others) {
      const subject = await getSubject(deps, session.operatorId, other.subjectId)
      const name = kinds.get(subject.kind)?.name ?? { kk: subject.kind, ru: subject.kind, en: subject.kind }
      represents.push({ subjectId: other.subjectId, kind: subject.kind, kindName: name, relation: other.representative!.relation })
    }
    return { subjectId: me.subjectId, kind: me.kind, status: me.status, language: session.language, sessionExpiresAt: session.expiresAt.toISOString(), represents }
  })

  app.get<{ Params: Op; Querystring: Static<typeof OnBehalfQuery> }>(`${base}/data`, {
    preValidation,
    schema: {
      tags: ['portal'],
      summary: 'My data: every value the vault holds of me (or of a subject I represent), decrypted',
      description: 'Audited as a `view` by the subject itself (or its representative) through the portal, not a staff access.',
      params: PortalParams,
      querystring: OnBehalfQuery,
      response: { 200: OwnDataSchema, 400: problem, 401: problem, 403: problem, 410: problem },
    },
  }, async (request) => {
    const session = subjectSessionOf(request)
    return readOwnData(deps, session, await actingFor(deps, session, request.query.onBehalfOf))
  })

  await portalRequestRoutes(app, deps, limits)
  await portalConsentRoutes(app, deps)
}
