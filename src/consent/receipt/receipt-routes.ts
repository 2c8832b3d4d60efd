import { Type } from '@sinclair/typebox'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { authorize, requirePermission } from '../../access/index.ts'
import { appendAudit } from '../../audit/index.ts'
import type { AppDeps } from '../../http/app-deps.ts'
import type { Language } from '../../policy/index.ts'
import { buildReceipt } from './build-receipt.ts'
import type { SignedConsentReceipt } from './consent-receipt.ts'
import { renderReceiptPdf } from './render-receipt-pdf.ts'
import { verifyReceiptWithPublicKey } from './verify-receipt.ts'

const problem = { $ref: 'Problem#' }
const Params = Type.Object({ operatorId: Type.String({ pattern: '^[a-z][a-z0-9-]{0,63}$' }), eventId: Type.String({ minLength: 1, maxLength: 100 }) })
const Lang = Type.Unsafe<Language>({ type: 'string', enum: ['kk', 'ru', 'en'] })
const SignedReceipt = Type.Object(
  {
    receipt: Type.Object({ schema: Type.Literal('derbes.consent-receipt.v1') }, { additionalProperties: true, description: 'ConsentReceipt: the record without its sealed part, recordHash, auditEntry, labels, issuedAt' }),
    signature: Type.String({ description: 'base64 Ed25519 signature over the UTF-8 of canonicalJson(receipt)' }),
    keyId: Type.String(),
    algorithm: Type.Literal('Ed25519'),
  },
  { additionalProperties: false },
)
type Params = { operatorId: string; eventId: string }

/** Issues a receipt inside a transaction that records the reading: a consent record is about a person (art. 1: use). */
async function issue(deps: AppDeps, request: FastifyRequest<{ Params: Params }>, format: 'json' | 'pdf'): Promise<SignedConsentReceipt> {
  const { operatorId, eventId } = request.params
  const principal = authorize(request, operatorId, 'consents:read')
  return deps.db.transaction().execute(async (trx) => {
    const signed = await buildReceipt({ ...deps, db: trx }, operatorId, eventId)
    await appendAudit(trx, {
      operatorId,
      at: new Date(signed.receipt.issuedAt),
      actor: principal.actor,
      action: 'view',
      subjectId: signed.receipt.record.subject.id,
      details: { document: 'consent_receipt', consentEventId: eventId, format },
    })
    return signed
  })
}

/** Signed receipts (JSON, PDF) of consent events. */
export async function receiptRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.get<{ Params: Params }>('/v1/operators/:operatorId/consents/:eventId/receipt', {
    preValidation: requirePermission('consents:read'),
    schema: {
      tags: ['consents'],
      summary: 'The signed receipt of a consent event (JSON)',
      description: 'The ledger record without its sealed personal data, its record hash, the audit entry chaining it and the policy names of its purposes, data and recipients, signed with the installation’s Ed25519 key over canonical JSON. Needs `consents:read`; the reading is audited.',
      params: Params,
      response: { 200: SignedReceipt, 401: problem, 403: problem, 404: problem, 409: problem },
    },
  }, async (request) => issue(deps, request, 'json'))

  app.get<{ Params: Params; Querystring: { lang?: Language } }>('/v1/operators/:operatorId/consents/:eventId/receipt.pdf', {
    // Authorised before the query is validated: an outsider gets 401/403, never a validation error.
    preValidation: requirePermission('consents:read'),
    schema: {
      tags: ['consents'],
      summary: 'The signed receipt of a consent event as a PDF in kk, ru or en',
      description: 'The same receipt laid out as a document (DejaVu Sans embedded, so Kazakh letters print). `lang` defaults to the language the consent text was shown in. Needs `consents:read`.',
      params: Params,
      querystring: Type.Object({ lang: Type.Optional(Lang) }, { additionalProperties: false }),
      produces: ['application/pdf'],
      response: { 401: problem, 403: problem, 404: problem, 409: problem },
    },
  }, async (request, reply) => {
    const signed = await issue(deps, request, 'pdf')
    const pdf = await renderReceiptPdf(signed, request.query.lang ?? signed.receipt.record.form.language)
    return reply.type('application/pdf').header('content-disposition', `inline; filename="consent-receipt-${request.params.eventId.replace(/[^A-Za-z0-9-]/g, '_')}.pdf"`).send(pdf)
  })

  app.get('/v1/consent-receipts/signing-key', {
    schema: {
      tags: ['consents'],
      summary: 'The public key consent receipts are signed with',
      description: 'Public: anyone holding a receipt can check it without Derbes — Ed25519 over the UTF-8 of canonicalJson(receipt).',
      response: { 200: Type.Object({ keyId: Type.String(), algorithm: Type.Literal('Ed25519'), publicKeyPem: Type.String() }) },
    },
  }, async () => ({ keyId: deps.signer.keyId, algorithm: 'Ed25519' as const, publicKeyPem: deps.signer.publicKeyPem }))

  app.post<{ Body: SignedConsentReceipt }>('/v1/consent-receipts/verify', {
    schema: {
      tags: ['consents'],
      summary: 'Check a signed consent receipt',
      description: 'Public. `valid` is true when the receipt is unchanged and signed by this installation’s key.',
      body: SignedReceipt,
      response: { 200: Type.Object({ valid: Type.Boolean(), keyId: Type.String() }), 400: problem },
    },
  }, async (request) => ({
    valid: request.body.keyId === deps.signer.keyId && verifyReceiptWithPublicKey(request.body, deps.signer.publicKeyPem),
    keyId: deps.signer.keyId,
  }))
}
