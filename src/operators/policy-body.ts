import { Type } from '@sinclair/typebox'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { DerbesError } from '../errors/index.ts'
import type { PolicyUpload } from './upload-policy-version.ts'

const YAML_TYPES = ['application/yaml', 'application/x-yaml', 'text/yaml', 'text/x-yaml']

export const POLICY_MEDIA_TYPES = ['application/yaml', 'application/json']

/** The body of a policy upload, as OpenAPI shows it: the document's text (schema at /v1/policy-schema). */
export const PolicyText = Type.String({ description: 'The policy document as YAML or JSON text; its schema is served at /v1/policy-schema' })

/**
 * Policy uploads keep their text exactly as sent — JSON included — so that an
 * error can name the line and column it is on. Scoped to the upload routes.
 */
export function registerPolicyBodyParsers(scope: FastifyInstance) {
  scope.removeContentTypeParser('application/json')
  scope.addContentTypeParser(['application/json', ...YAML_TYPES], { parseAs: 'string', bodyLimit: 5 * 1024 * 1024 }, (_request, body, done) => done(null, body))
}

/**
 * The upload a request carries. `actor` is always the authenticated
 * credentials' holder — an installation administrator key for a new
 * operator, the operator's key or staff for its next versions — never a
 * header the caller chooses.
 */
export function uploadFrom(request: FastifyRequest, operatorId: string | undefined, actor: string): PolicyUpload {
  const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase()
  const format = type === 'application/json' ? 'json' : YAML_TYPES.includes(type) ? 'yaml' : undefined
  if (!format || typeof request.body !== 'string') throw new DerbesError('DERBES_UNSUPPORTED_MEDIA_TYPE', 'send the policy as application/yaml or application/json')
  if (request.body.trim() === '') throw new DerbesError('DERBES_POLICY_INVALID', 'the body is empty')
  return { source: request.body, format, uploadedBy: actor, ...(operatorId ? { operatorId } : {}) }
}
