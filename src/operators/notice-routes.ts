import { Type } from '@sinclair/typebox'
import type { FastifyInstance } from 'fastify'
import { DerbesError } from '../errors/index.ts'
import { LANGUAGES, type Language } from '../policy/index.ts'
import { renderConsentForm, renderNotice } from '../policy/render/index.ts'
import type { OperatorsDeps } from './operators-deps.ts'
import { getPublishedVersion } from './read-policies.ts'

const problem = { $ref: 'Problem#' }
const NoticeParams = Type.Object({ operatorId: Type.String({ pattern: '^[a-z][a-z0-9-]{0,63}$' }), lang: Type.String() })
const NoticeQuery = Type.Object({ format: Type.Optional(Type.Union([Type.Literal('html'), Type.Literal('md')])) })

function language(lang: string): Language {
  if ((LANGUAGES as readonly string[]).includes(lang)) return lang as Language
  throw new DerbesError('DERBES_LANGUAGE_NOT_SUPPORTED', `'${lang}' is not one of ${LANGUAGES.join(', ')}`)
}

const CONTENT_TYPES = { html: 'text/html; charset=utf-8', md: 'text/markdown; charset=utf-8' } as const

/** Public and unauthenticated: what any subject may read, in Kazakh, Russian or English. */
export async function noticeRoutes(app: FastifyInstance, deps: OperatorsDeps) {
  app.get<{ Params: { operatorId: string; lang: string }; Querystring: { format?: 'html' | 'md' } }>('/notice/:operatorId/:lang', {
    schema: {
      tags: ['notice'],
      summary: "The operator's published privacy notice",
      params: NoticeParams,
      querystring: NoticeQuery,
      response: { 404: problem },
    },
  }, async (request, reply) => {
    const lang = language(request.params.lang)
    const format = request.query.format ?? 'html'
    const published = await getPublishedVersion(deps, request.params.operatorId)
    return reply
      .type(CONTENT_TYPES[format])
      .header('content-language', lang)
      .header('etag', `"${published.view.hash.slice(0, 32)}-${lang}-${format}"`)
      .send(renderNotice(published.compiled, lang, format))
  })

  app.get<{ Params: { operatorId: string; lang: string; formId: string }; Querystring: { format?: 'html' | 'md' } }>(
    '/notice/:operatorId/:lang/consent-forms/:formId',
    {
      schema: {
        tags: ['notice'],
        summary: 'A printable consent form of the published policy',
        params: Type.Object({ ...NoticeParams.properties, formId: Type.String({ pattern: '^[a-z][a-z0-9-]{0,63}$' }) }),
        querystring: NoticeQuery,
        response: { 404: problem },
      },
    },
    async (request, reply) => {
      const lang = language(request.params.lang)
      const format = request.query.format ?? 'html'
      const published = await getPublishedVersion(deps, request.params.operatorId)
      if (!published.compiled.consentForms.has(request.params.formId)) {
        throw new DerbesError('DERBES_NOT_FOUND', `operator '${request.params.operatorId}' has no consent form '${request.params.formId}'`)
      }
      return reply.type(CONTENT_TYPES[format]).header('content-language', lang).send(renderConsentForm(published.compiled, request.params.formId, lang, format))
    },
  )
}
