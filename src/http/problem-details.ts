import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import { DerbesError, ERROR_CODES, type ErrorCode, type FieldProblem } from '../errors/index.ts'

/** RFC 9457 problem details, with Derbes' stable `code` and per-field `errors`. */
export interface ProblemDetails {
  type: string
  title: string
  status: number
  code: ErrorCode
  detail?: string
  instance?: string
  errors?: FieldProblem[]
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8'

export function problemType(code: ErrorCode): string {
  return `urn:derbes:problem:${code}`
}

export function toProblem(code: ErrorCode, detail: string | undefined, instance: string, errors: readonly FieldProblem[] = []): ProblemDetails {
  const { status, title } = ERROR_CODES[code]
  return {
    type: problemType(code),
    title,
    status,
    code,
    ...(detail && detail !== title ? { detail } : {}),
    instance,
    ...(errors.length > 0 ? { errors: [...errors] } : {}),
  }
}

/** The one place that turns any error into problem details. */
export function handleError(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) {
  let problem: ProblemDetails
  if (error instanceof DerbesError) {
    problem = toProblem(error.code, error.message, request.url, error.errors)
    if (error.retryAfterSeconds !== undefined) reply.header('retry-after', String(error.retryAfterSeconds))
  } else if ('validation' in error && error.validation) {
    // Fastify's schema validation of params, query or body: name each field.
    const where = (error as FastifyError).validationContext ?? 'body'
    const errors = error.validation.map((v) => {
      const { missingProperty, additionalProperty } = v.params as { missingProperty?: string; additionalProperty?: string }
      const field = missingProperty ?? additionalProperty
      const pointer = `/${where}${v.instancePath}${field ? `/${field}` : ''}`
      return { pointer, detail: v.message ?? 'is invalid' }
    })
    problem = toProblem('DERBES_VALIDATION', `${errors.length} field(s) are not valid`, request.url, errors)
  } else if ((error as FastifyError).statusCode === 415) {
    problem = toProblem('DERBES_UNSUPPORTED_MEDIA_TYPE', error.message, request.url)
  } else if ((error as FastifyError).statusCode && (error as FastifyError).statusCode! < 500) {
    problem = { ...toProblem('DERBES_VALIDATION', error.message, request.url), status: (error as FastifyError).statusCode! }
  } else {
    request.log.error({ err: error }, 'unhandled error')
    problem = toProblem('DERBES_INTERNAL', undefined, request.url)
  }
  return reply.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(problem)
}

export function handleNotFound(request: FastifyRequest, reply: FastifyReply) {
  return reply.status(404).type(PROBLEM_CONTENT_TYPE).send(toProblem('DERBES_NOT_FOUND', `no route for ${request.method} ${request.url}`, request.url))
}
