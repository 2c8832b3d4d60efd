import { ERROR_CODES, type ErrorCode } from './error-codes.ts'

/** A problem in one field of the input, for RFC 9457 `errors`. */
export interface FieldProblem {
  /** JSON Pointer into the request body or the policy document. */
  pointer: string
  detail: string
  /** Where a policy file says it: 1-based line and column. */
  line?: number
  column?: number
  code?: string
}

/**
 * An error Derbes means to report: it carries a stable code and becomes RFC 9457
 * problem details at the HTTP edge and a clear message in the CLI.
 */
export class DerbesError extends Error {
  readonly code: ErrorCode
  readonly status: number
  readonly errors: readonly FieldProblem[]
  /** For a 429 or 503: seconds until trying again makes sense, sent as `Retry-After` (RFC 9110 §10.2.3). */
  readonly retryAfterSeconds: number | undefined

  constructor(code: ErrorCode, detail?: string, errors: readonly FieldProblem[] = [], options: { retryAfterSeconds?: number } = {}) {
    super(detail ?? ERROR_CODES[code].title)
    this.name = 'DerbesError'
    this.code = code
    this.status = ERROR_CODES[code].status
    this.errors = errors
    this.retryAfterSeconds = options.retryAfterSeconds === undefined ? undefined : Math.max(1, Math.ceil(options.retryAfterSeconds))
  }
}
