import type { FieldProblem } from '../errors/index.ts'
import type { SystemSecret } from './seal-secret.ts'
import { isSqlName } from './sql-name.ts'
import type { ConnectionInput, ConnectionView, SystemKind } from './system-map.ts'

/** The connection as stored in the clear: what `ConnectionView` shows, less the `secret` marker. */
export type StoredConnection = Omit<ConnectionView, 'secret'>

const REDACTED = '***'
const PROTOCOLS: Partial<Record<SystemKind, readonly string[]>> = { postgres: ['postgres:', 'postgresql:'], mysql: ['mysql:'] }
const DATABASE_FIELDS = ['url', 'schema', 'statementTimeoutMs', 'poolSize'] as const
const HTTP_FIELDS = ['baseUrl', 'token', 'signingSecret', 'timeoutMs'] as const
const SIGNING_SECRET = /^whsec_[A-Za-z0-9+/]+={0,2}$/

/**
 * A connection URL as it may be shown: the password (and a `password`
 * query parameter) replaced by `***`; user, host, port and database stay.
 *
 * @example
 * redactUrl('postgres://crm:s3cret@10.0.0.5:5432/crm') // 'postgres://crm:***@10.0.0.5:5432/crm'
 */
export function redactUrl(url: string): string {
  const parsed = new URL(url)
  if (parsed.password) parsed.password = REDACTED
  for (const name of [...parsed.searchParams.keys()]) if (/pass|secret|key/i.test(name)) parsed.searchParams.set(name, REDACTED)
  return parsed.toString()
}

/**
 * Splits what an operator sent into what is stored in the clear and the
 * secret to seal, checking it fits the kind. `previous` is the secret
 * stored so far (on update of a system of the same kind): a secret field
 * left out keeps its value, so a map can be edited without re-typing a password.
 */
export function splitConnection(
  kind: SystemKind,
  input: ConnectionInput,
  previous: SystemSecret | undefined,
): { stored: StoredConnection; secret: SystemSecret | undefined; problems: FieldProblem[] } {
  const problems: FieldProblem[] = []
  const at = (field: string, detail: string) => problems.push({ pointer: `/body/connection/${field}`, detail })
  const allowed: readonly string[] = kind === 'http' ? HTTP_FIELDS : kind === 'manual' ? [] : DATABASE_FIELDS
  for (const field of Object.keys(input)) if (!allowed.includes(field)) at(field, `is not a setting of a ${kind} system`)
  if (kind === 'manual') return { stored: {}, secret: undefined, problems }

  if (kind === 'http') {
    const secret: SystemSecret = { ...previous, ...(input.token ? { token: input.token } : {}), ...(input.signingSecret ? { signingSecret: input.signingSecret } : {}) }
    if (!input.baseUrl) at('baseUrl', 'is required')
    else checkHttpUrl(input.baseUrl, (detail) => at('baseUrl', detail))
    if (!secret.token) at('token', 'is required: the bearer token the system expects')
    if (input.signingSecret && !SIGNING_SECRET.test(input.signingSecret)) at('signingSecret', "must be a Standard Webhooks secret, 'whsec_' and base64")
    const stored: StoredConnection = { ...(input.baseUrl ? { baseUrl: input.baseUrl.replace(/\/+$/, '') } : {}), token: REDACTED, ...(secret.signingSecret ? { signingSecret: REDACTED } : {}) }
    if (input.timeoutMs !== undefined) stored.timeoutMs = input.timeoutMs
    return { stored, secret, problems }
  }

  const url = input.url ?? previous?.url
  const stored: StoredConnection = {}
  if (!url) at('url', `is required: the ${kind} connection URL`)
  else {
    let parsed: URL | undefined
    try {
      parsed = new URL(url)
    } catch {
      at('url', 'is not a URL')
    }
    if (parsed && !PROTOCOLS[kind]!.includes(parsed.protocol)) at('url', `must start with ${PROTOCOLS[kind]!.map((p) => `${p}//`).join(' or ')}`)
    if (parsed && kind === 'mysql' && parsed.pathname.replace(/^\//, '') === '') at('url', 'must name the database: mysql://user:password@host:3306/<database>')
    if (parsed && problems.length === 0) stored.url = redactUrl(url)
  }
  if (input.schema !== undefined) {
    if (kind !== 'postgres') at('schema', 'is PostgreSQL only: a MySQL database is named in the URL')
    else if (!isSqlName(input.schema)) at('schema', 'is not a plain SQL name (letters, digits, _)')
    else stored.schema = input.schema
  }
  if (input.statementTimeoutMs !== undefined) stored.statementTimeoutMs = input.statementTimeoutMs
  if (input.poolSize !== undefined) stored.poolSize = input.poolSize
  return { stored, secret: url ? { url } : undefined, problems }
}

function checkHttpUrl(text: string, problem: (detail: string) => void): void {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    problem('is not an absolute URL')
    return
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') problem('must be http or https')
  // Credentials in a URL end up in logs; the bearer token is the authentication, and it is sealed.
  if (url.username || url.password) problem('must not carry a user name or password: give the token instead')
  if (url.search || url.hash) problem('must not carry a query or fragment: actions are posted to <baseUrl>/<action>')
}

/** What the API shows of a stored connection. */
export function connectionView(stored: StoredConnection, hasSecret: boolean): ConnectionView {
  return { ...stored, secret: hasSecret ? 'sealed' : 'none' }
}
