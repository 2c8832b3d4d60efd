import { Type } from '@sinclair/typebox'
import type { FastifyInstance } from 'fastify'
import { authorize, requirePermission } from '../../access/index.ts'
import type { AppDeps } from '../../http/app-deps.ts'
import type { Language } from '../../policy/index.ts'
import { createSmsChallenge, SMS_CODE_TTL_MINUTES, SMS_MAX_ATTEMPTS } from './create-sms-challenge.ts'
import { countFailedSmsAttempts } from './sms-code-wrong-error.ts'

const problem = { $ref: 'Problem#' }
const Params = Type.Object({
  operatorId: Type.String({ pattern: '^[a-z][a-z0-9-]{0,63}$' }),
  subjectId: Type.String({ minLength: 1, maxLength: 200 }),
})
const Language = Type.Unsafe<Language>({ type: 'string', enum: ['kk', 'ru', 'en'] })
const Body = Type.Object(
  {
    phone: Type.String({ minLength: 5, maxLength: 32, description: "The subject's registered phone, as the subject typed it" }),
    formId: Type.String({ minLength: 1, maxLength: 64 }),
    language: Language,
  },
  { additionalProperties: false },
)
const Challenge = Type.Object({
  challengeId: Type.String(),
  formId: Type.String(),
  formVersion: Type.Integer(),
  language: Language,
  textHash: Type.String({ pattern: '^[0-9a-f]{64}$' }),
  expiresAt: Type.String({ format: 'date-time' }),
  maxAttempts: Type.Integer(),
})

/** Evidence: SMS codes Derbes sends and checks. */
export async function evidenceRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  // A wrong code in any consent request counts as an attempt, after that request's rollback.
  countFailedSmsAttempts(app, deps.db)

  app.post<{ Params: { operatorId: string; subjectId: string }; Body: { phone: string; formId: string; language: Language } }>(
    '/v1/operators/:operatorId/subjects/:subjectId/sms-challenges',
    {
      // Authorised before the body is validated: an outsider gets 401/403, never a validation error.
      preValidation: requirePermission('consents:write'),
      schema: {
        tags: ['consents'],
        summary: "Send an SMS code to the subject's phone to confirm a consent form (ESP-4, KZK-2.3.4)",
        description:
          `A 6-digit code, valid ${SMS_CODE_TTL_MINUTES} minutes, at most ${SMS_MAX_ATTEMPTS} attempts, single use, goes to the phone — which must be the subject's registered phone identifier — through the SMS gateway (by default the sealed \`sms_outbox\` the operator's SMS provider adapter reads). ` +
          'Record the consent with evidence `{ method: "sms_code", challengeId, code }`; the code is checked and used up in that request. At most 5 codes per subject per hour. Needs `consents:write`.',
        params: Params,
        body: Body,
        response: { 201: Challenge, 400: problem, 401: problem, 403: problem, 404: problem, 409: problem, 410: problem, 422: problem, 429: problem },
      },
    },
    async (request, reply) => {
      const { operatorId, subjectId } = request.params
      const principal = authorize(request, operatorId, 'consents:write')
      const challenge = await createSmsChallenge(deps, { operatorId, subjectId, ...request.body, actor: principal.actor })
      return reply.status(201).send(challenge)
    },
  )
}
