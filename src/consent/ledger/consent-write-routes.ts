import type { FastifyInstance } from 'fastify'
import { authorize } from '../../access/index.ts'
import { DerbesError } from '../../errors/index.ts'
import type { LocalDate } from '../../kz/index.ts'
import type { WithdrawalChannel } from '../../policy/index.ts'
import type { EvidenceInput } from '../evidence/index.ts'
import type { Language } from './build-consent-record.ts'
import { giveConsent } from './give-consent.ts'
import type { LedgerDeps } from './ledger-deps.ts'
import { ConsentResultSchema, GiveBody, ReaffirmBody, RefuseBody, stateView, SubjectEventParams, SubjectParams, WithdrawBody } from './ledger-schemas.ts'
import { reaffirmConsent } from './reaffirm-consent.ts'
import type { ConsentResult } from './record-consent-decision.ts'
import { refuseConsent } from './refuse-consent.ts'
import { withdrawConsent } from './withdraw-consent.ts'

const problem = { $ref: 'Problem#' }
const errors = { 400: problem, 401: problem, 403: problem, 404: problem, 409: problem, 410: problem, 422: problem }

type Subject = { operatorId: string; subjectId: string }
interface ConsentBody {
  formId: string; formVersion?: number; textHash?: string; language: Language
  purposes?: string[]; channels?: Record<string, string[]>; countries?: string[]; givenBy?: { representativeId: string }
}

const view = (result: ConsentResult, outcome?: string) => ({
  eventId: result.eventId,
  kind: result.record.kind,
  recordHash: result.recordHash,
  ...(outcome ? { outcome } : {}),
  record: result.record,
  state: result.state.map(stateView),
})

/** Give, refuse, withdraw and re-affirm consents of a subject (`consents:write`). */
export async function consentWriteRoutes(app: FastifyInstance, deps: LedgerDeps): Promise<void> {
  const base = '/v1/operators/:operatorId/subjects/:subjectId/consents'

  app.post<{ Params: Subject; Body: ConsentBody & { evidence: EvidenceInput } }>(base, {
    schema: {
      tags: ['consents'],
      summary: 'Record a consent given on a form of the published policy',
      description: 'Checked against the current form: version and text (TTC-1.8), method and evidence (TTC-1.6, KZK-2.3.4), purposes, channels per marketing purpose (ESP-2), countries (art. 16), who consents (KZK-1.13, TW-4.1, ESP-3). One transaction: ledger event, state, audit, `consent.given`.',
      params: SubjectParams, body: GiveBody, response: { 201: ConsentResultSchema, ...errors },
    },
  }, async (request, reply) => {
    const principal = authorize(request, request.params.operatorId, 'consents:write')
    const result = await giveConsent(deps, { ...request.params, ...request.body, recordedBy: principal.actor })
    return reply.status(201).send(view(result))
  })

  app.post<{ Params: Subject; Body: ConsentBody & { evidence?: EvidenceInput } }>(`${base}/refuse`, {
    schema: {
      tags: ['consents'],
      summary: 'Record that the subject declined a form or some of its purposes or channels',
      params: SubjectParams, body: RefuseBody, response: { 201: ConsentResultSchema, ...errors },
    },
  }, async (request, reply) => {
    const principal = authorize(request, request.params.operatorId, 'consents:write')
    const result = await refuseConsent(deps, { ...request.params, ...request.body, recordedBy: principal.actor })
    return reply.status(201).send(view(result))
  })

  app.post<{
    Params: Subject
    Body: { formId: string; purposes?: string[]; channels?: Record<string, string[]>; via: WithdrawalChannel; receivedAt?: string; effectiveOn?: LocalDate; language?: Language; givenBy?: { representativeId: string } }
  }>(`${base}/withdraw`, {
    schema: {
      tags: ['consents'],
      summary: 'Withdraw a form, some purposes, or one marketing channel (TTC-9.4)',
      description: '200 when withdrawn at once; 202 when a notice period applies (ESP App.1 §5: effective 10 business days after receipt); 409 `DERBES_CONSENT_WITHDRAWAL_BLOCKED` while an obligation is unfulfilled (TTC-9.1, KZK-2.3.5, art. 8(2)) — the refusal is recorded too, its event at `Location`.',
      params: SubjectParams, body: WithdrawBody, response: { 200: ConsentResultSchema, 202: ConsentResultSchema, ...errors },
    },
  }, async (request, reply) => {
    const { operatorId } = request.params
    const principal = authorize(request, operatorId, 'consents:write')
    const { receivedAt, ...body } = request.body
    const result = await withdrawConsent(deps, { ...request.params, ...body, ...(receivedAt ? { receivedAt: new Date(receivedAt) } : {}), recordedBy: principal.actor })
    if (result.outcome === 'refused') {
      reply.header('location', `/v1/operators/${operatorId}/consents/${result.eventId}`)
      throw new DerbesError(
        'DERBES_CONSENT_WITHDRAWAL_BLOCKED',
        `the withdrawal is refused and recorded as consent event ${result.eventId}`,
        result.reasons.map((r) => ({ pointer: '/body/formId', detail: `${r.detail} (${r.clause})`, code: r.code })),
      )
    }
    return reply.status(result.outcome === 'scheduled' ? 202 : 200).send(view(result, result.outcome))
  })

  app.post<{ Params: Subject & { eventId: string }; Body: { language?: Language; formVersion?: number; textHash?: string; evidence: EvidenceInput; givenBy?: { representativeId: string } } }>(
    `${base}/:eventId/reaffirm`,
    {
      schema: {
        tags: ['consents'],
        summary: 'Re-affirm a consent in force on the newer version of its form',
        params: SubjectEventParams, body: ReaffirmBody, response: { 201: ConsentResultSchema, ...errors },
      },
    },
    async (request, reply) => {
      const principal = authorize(request, request.params.operatorId, 'consents:write')
      const result = await reaffirmConsent(deps, { ...request.params, ...request.body, recordedBy: principal.actor })
      return reply.status(201).send(view(result))
    },
  )
}
