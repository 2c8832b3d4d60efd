import type { Static } from '@sinclair/typebox'
import type { FastifyInstance } from 'fastify'
import type { LocalDate } from '../kz/index.ts'
import { actingFor } from './acting-for.ts'
import { giveOwnConsent } from './give-own-consent.ts'
import { listPortalConsents } from './portal-consents.ts'
import type { PortalDeps } from './portal-deps.ts'
import {
  GiveBody, GivenSchema, LanguageQuery, PortalParams, PortalConsentsSchema, PortalPurposeParams, PortalReceiptParams, PreviewQuery, PreviewSchema, WithdrawBody, WithdrawnSchema,
} from './portal-schemas.ts'
import { ownConsentReceiptPdf } from './own-consent-receipt.ts'
import { requireSubjectSession, subjectSessionOf } from './subject-session-guard.ts'
import { withdrawOwnConsent } from './withdraw-own-consent.ts'
import { previewWithdrawal } from './withdrawal-preview.ts'

const problem = { $ref: 'Problem#' }
const errors = { 400: problem, 401: problem, 403: problem, 404: problem, 409: problem, 422: problem }
type Purpose = Static<typeof PortalPurposeParams>
const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null)

/** My consents: the state per purpose and channel, give, withdraw — with what follows shown before confirming. */
export async function portalConsentRoutes(app: FastifyInstance, deps: PortalDeps): Promise<void> {
  const base = '/v1/operators/:operatorId/portal/consents'
  const preValidation = requireSubjectSession(deps)

  app.get<{ Params: Static<typeof PortalParams>; Querystring: Static<typeof LanguageQuery> }>(base, {
    preValidation,
    schema: {
      tags: ['portal'],
      summary: 'My consents per purpose and channel, with each form’s text in the chosen language',
      params: PortalParams,
      querystring: LanguageQuery,
      response: { 200: PortalConsentsSchema, 400: problem, 401: problem, 403: problem },
    },
  }, async (request) => {
    const session = subjectSessionOf(request)
    const target = await actingFor(deps, session, request.query.onBehalfOf)
    return listPortalConsents(deps, session.operatorId, target, request.query.language ?? session.language)
  })

  app.get<{ Params: Static<typeof PortalReceiptParams>; Querystring: Static<typeof LanguageQuery> }>(`${base}/receipts/:eventId.pdf`, {
    preValidation,
    schema: {
      tags: ['portal'],
      summary: 'The signed receipt of one of my consent events, as a PDF in kk, ru or en',
      description: 'Proof of what was agreed to or withdrawn (art. 8(4)): the same Ed25519-signed receipt staff get, for the subject or — `onBehalfOf` — a subject it represents. Another subject’s event is 404. Audited as the subject’s own `view`.',
      params: PortalReceiptParams,
      querystring: LanguageQuery,
      produces: ['application/pdf'],
      response: { 400: problem, 401: problem, 403: problem, 404: problem, 409: problem },
    },
  }, async (request, reply) => {
    const session = subjectSessionOf(request)
    const target = await actingFor(deps, session, request.query.onBehalfOf)
    const { pdf } = await ownConsentReceiptPdf(deps, session, target, request.params.eventId, request.query.language)
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="consent-receipt-${request.params.eventId.replace(/[^A-Za-z0-9-]/g, '_')}.pdf"`).send(pdf)
  })

  app.get<{ Params: Purpose; Querystring: Static<typeof PreviewQuery> }>(`${base}/:purposeId/withdraw/preview`, {
    preValidation,
    schema: {
      tags: ['portal'],
      summary: 'What withdrawing would do, before confirming: consequences, effective date, refusal, channels — in kk, ru, en',
      description: 'Writes nothing. Consequences the form declares (ESP-9 loyalty card blocked, TTC-9.3 account deleted, PS-7.1 contract terminated) apply when the whole consent ends; `outcome` says withdrawn, scheduled (ESP App.1 §5), refused (TTC-9.1) or not_online (TTC-9.2: by registered letter or courier).',
      params: PortalPurposeParams,
      querystring: PreviewQuery,
      response: { 200: PreviewSchema, ...errors },
    },
  }, async (request) => {
    const session = subjectSessionOf(request)
    const { onBehalfOf, effectiveOn, ...choice } = request.query
    const target = await actingFor(deps, session, onBehalfOf)
    return previewWithdrawal(deps, session.operatorId, target, { ...choice, purposeId: request.params.purposeId, ...(effectiveOn ? { effectiveOn: effectiveOn as LocalDate } : {}) })
  })

  app.post<{ Params: Purpose; Body: Static<typeof WithdrawBody> }>(`${base}/:purposeId/withdraw`, {
    preValidation,
    schema: {
      tags: ['portal'],
      summary: 'Withdraw a consent for a purpose (or one of its channels, or the whole form) through the ledger',
      description: '200 when withdrawn at once, 202 when a notice period applies (ESP App.1 §5). 422 `DERBES_CONSENT_WITHDRAWAL_CHANNEL_NOT_ALLOWED` when the form is not withdrawn through the portal (nothing written); 409 `DERBES_CONSENT_WITHDRAWAL_BLOCKED` while an obligation is open (TTC-9.1) — the refusal is recorded.',
      params: PortalPurposeParams,
      body: WithdrawBody,
      response: { 200: WithdrawnSchema, 202: WithdrawnSchema, ...errors },
    },
  }, async (request, reply) => {
    const session = subjectSessionOf(request)
    const { onBehalfOf, effectiveOn, language, ...choice } = request.body
    const target = await actingFor(deps, session, onBehalfOf, '/body/onBehalfOf')
    const done = await withdrawOwnConsent(deps, session, target, { ...choice, purposeId: request.params.purposeId, ...(effectiveOn ? { effectiveOn: effectiveOn as LocalDate } : {}) }, language ?? session.language)
    return reply.status(done.outcome === 'scheduled' ? 202 : 200).send(done)
  })

  app.post<{ Params: Purpose; Body: Static<typeof GiveBody> }>(`${base}/:purposeId/give`, {
    preValidation,
    schema: {
      tags: ['portal'],
      summary: 'Give consent for a purpose (a ticked box in the portal), on the form and text shown',
      params: PortalPurposeParams,
      body: GiveBody,
      response: { 201: GivenSchema, ...errors },
    },
  }, async (request, reply) => {
    const session = subjectSessionOf(request)
    const { onBehalfOf, language, ...choice } = request.body
    const target = await actingFor(deps, session, onBehalfOf, '/body/onBehalfOf')
    const given = await giveOwnConsent(deps, session, target, {
      ...choice,
      purposeId: request.params.purposeId,
      language: language ?? session.language,
      ip: request.ip,
      userAgent: request.headers['user-agent'],
    })
    return reply.status(201).send({
      ...given,
      state: given.state.map((s) => ({ purposeId: s.purposeId, channel: s.channel, status: s.status, givenAt: iso(s.givenAt), expiresAt: iso(s.expiresAt) })),
    })
  })
}
