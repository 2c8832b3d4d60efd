import { Type, type Static } from '@sinclair/typebox'
import type { FastifyInstance } from 'fastify'
import { authorize, requirePermission } from '../../access/index.ts'
import type { AppDeps } from '../../http/app-deps.ts'
import { Enum, LANGUAGES } from '../../policy/index.ts'
import { RequestParams } from '../request-schemas.ts'
import { requestAcknowledgementPdf } from './acknowledgement-pdf.ts'

const problem = { $ref: 'Problem#' }
export const AcknowledgementQuery = Type.Object({ language: Type.Optional(Enum(LANGUAGES, 'The request’s language when absent')) }, { additionalProperties: false })

/** Staff print the acknowledgement for a request registered on paper, to hand or post to the requester. */
export async function acknowledgementRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.get<{ Params: Static<typeof RequestParams>; Querystring: Static<typeof AcknowledgementQuery> }>('/v1/operators/:operatorId/requests/:requestId/acknowledgement.pdf', {
    preValidation: requirePermission('requests:read'),
    schema: {
      tags: ['requests'],
      summary: 'The acknowledgement that the request was received, as a PDF in kk, ru or en',
      description: 'Reference, kind, when and how it came in, who sent it, the due date and the clause or article that set it, what is still awaited; no sealed value. Needs `requests:read`; audited.',
      params: RequestParams,
      querystring: AcknowledgementQuery,
      produces: ['application/pdf'],
      response: { 400: problem, 401: problem, 403: problem, 404: problem },
    },
  }, async (request, reply) => {
    const { actor } = authorize(request, request.params.operatorId, 'requests:read')
    const { reference, pdf } = await requestAcknowledgementPdf(deps, request.params.operatorId, request.params.requestId, actor, request.query.language)
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="${reference}-acknowledgement.pdf"`).send(pdf)
  })
}
