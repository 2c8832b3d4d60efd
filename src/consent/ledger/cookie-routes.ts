import type { FastifyInstance } from 'fastify'
import { DerbesError } from '../../errors/index.ts'
import { currentCookieConsent, recordCookieConsent } from './cookie-consent.ts'
import type { LedgerDeps } from './ledger-deps.ts'
import { CookieBody, CookieChoiceSchema, OperatorParams, VisitorParams } from './ledger-schemas.ts'

const problem = { $ref: 'Problem#' }

/** The banner's public endpoints (TTC-5): no credentials, no personal data beyond the banner's visitor id. */
export async function cookieRoutes(app: FastifyInstance, deps: LedgerDeps): Promise<void> {
  app.post<{ Params: { operatorId: string }; Body: { visitorId: string; policyVersionId: string; choices: Record<string, boolean>; gpc?: boolean; language: 'kk' | 'ru' | 'en' } }>(
    '/v1/operators/:operatorId/cookie-consents',
    {
      schema: {
        tags: ['consents'],
        summary: "Record a visitor's cookie choice per category (public; the banner calls it)",
        description: "Checked against the cookie categories of the policy version shown (TTC-5); necessary cookies are always on, categories left out are refused, and `gpc: true` (Global Privacy Control) refuses every optional one.",
        params: OperatorParams,
        body: CookieBody,
        response: { 201: CookieChoiceSchema, 400: problem, 404: problem, 422: problem },
      },
    },
    // The Sec-GPC request header is the same signal as the banner's `gpc` (Global Privacy Control): either refuses every optional category.
    async (request, reply) =>
      reply.status(201).send(await recordCookieConsent(deps, { ...request.params, ...request.body, gpc: request.body.gpc === true || request.headers['sec-gpc'] === '1' })),
  )

  app.get<{ Params: { operatorId: string; visitorId: string } }>('/v1/operators/:operatorId/cookie-consents/:visitorId', {
    schema: {
      tags: ['consents'],
      summary: "A visitor's current cookie choice (public; 404 when the visitor never chose)",
      params: VisitorParams,
      response: { 200: CookieChoiceSchema, 400: problem, 404: problem },
    },
  }, async (request) => {
    const choice = await currentCookieConsent(deps.db, request.params.operatorId, request.params.visitorId)
    if (!choice) throw new DerbesError('DERBES_NOT_FOUND', 'this visitor has made no cookie choice yet')
    return choice
  })
}
