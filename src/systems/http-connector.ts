import { randomUUID } from 'node:crypto'
import { Webhook } from 'standardwebhooks'
import { DerbesError } from '../errors/index.ts'
import { ActionNotSupportedError, BaseConnector, type ConnectorTask, type RowCounts, type SystemTestReport } from './base-connector.ts'
import type { StoredConnection } from './connection-settings.ts'
import type { SystemSecret } from './seal-secret.ts'
import type { ExportedRecord, SystemAction } from './system-task.ts'
import type { SystemMap } from './system-map.ts'

export const DEFAULT_HTTP_TIMEOUT_MS = 10_000
/** An export answer larger than this is refused rather than read into memory. */
const MAX_ANSWER_BYTES = 16 * 1024 * 1024

interface Answer {
  rowsByTable: RowCounts
  records?: ExportedRecord[]
}

/**
 * A system with its own API (docs/operations.md "Systems"). Each action is
 * `POST <baseUrl>/<action>` with a JSON body — `{ operatorId, systemId,
 * action, requestId, subject: { subjectId, identifiers }, changes }` — and
 * `Authorization: Bearer <token>`; with a signing secret the body is also
 * signed the Standard Webhooks way (`webhook-id`, `webhook-timestamp`,
 * `webhook-signature`), so the system can tell Derbes from anyone holding a
 * leaked token. The system answers 200 with `{ rowsByTable, records? }`
 * (`records` for export: `{ table, values: [{ itemId, column, value }] }`),
 * 501 for an action it does not do. Redirects are not followed: the token
 * was meant for this URL.
 */
export class HttpConnector extends BaseConnector {
  constructor(
    private readonly settings: StoredConnection,
    private readonly secret: SystemSecret,
  ) {
    super('http')
  }

  override async locate(task: ConnectorTask): Promise<RowCounts> {
    return (await this.#call('locate', task)).rowsByTable
  }

  override async export(task: ConnectorTask): Promise<{ rowsByTable: RowCounts; records: ExportedRecord[] }> {
    const answer = await this.#call('export', task)
    return { rowsByTable: answer.rowsByTable, records: answer.records ?? [] }
  }

  override async rectify(task: ConnectorTask): Promise<RowCounts> {
    return (await this.#call('rectify', task)).rowsByTable
  }

  override async anonymise(task: ConnectorTask): Promise<RowCounts> {
    return (await this.#call('anonymise', task)).rowsByTable
  }

  override async delete(task: ConnectorTask): Promise<RowCounts> {
    return (await this.#call('delete', task)).rowsByTable
  }

  override async test(map: SystemMap): Promise<SystemTestReport> {
    try {
      const body = await this.#post('test', { action: 'test', tables: map.tables.map((t) => ({ name: t.name, columns: t.columns.map((c) => c.name) })) }, 'test')
      const answer = body as { ok?: unknown; problems?: unknown }
      const problems = Array.isArray(answer.problems)
        ? answer.problems.map((p: { pointer?: unknown; detail?: unknown }) => ({ pointer: typeof p.pointer === 'string' ? p.pointer : '/connection', detail: String(p.detail ?? 'a problem') }))
        : []
      return { ok: answer.ok === true && problems.length === 0, problems, warnings: [] }
    } catch (error) {
      return { ok: false, problems: [{ pointer: '/connection', detail: (error as Error).message }], warnings: [] }
    }
  }

  async #call(action: SystemAction, task: ConnectorTask): Promise<Answer> {
    const body = {
      operatorId: task.operatorId,
      systemId: task.systemId,
      action,
      requestId: task.requestId ?? null,
      subject: task.subject,
      ...(action === 'rectify' ? { changes: task.changes } : {}),
    }
    return checkAnswer(await this.#post(action, body, task.systemId), action, task.map, task.systemId)
  }

  async #post(action: SystemAction | 'test', body: object, systemId: string): Promise<unknown> {
    const text = JSON.stringify(body)
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${this.secret.token ?? ''}`, 'user-agent': 'Derbes-Systems/0.1' }
    if (this.secret.signingSecret) {
      const id = `msg_${randomUUID()}`
      // Wall-clock time, not the deps clock: the receiver checks freshness against its own clock (replay protection).
      const now = new Date()
      headers['webhook-id'] = id
      headers['webhook-timestamp'] = String(Math.floor(now.getTime() / 1000))
      headers['webhook-signature'] = new Webhook(this.secret.signingSecret).sign(id, now, text)
    }
    const timeout = this.settings.timeoutMs ?? DEFAULT_HTTP_TIMEOUT_MS
    const where = `system '${systemId}' (http)`
    let response: Response
    try {
      response = await fetch(`${this.settings.baseUrl}/${action}`, { method: 'POST', body: text, headers, redirect: 'manual', signal: AbortSignal.timeout(timeout) })
    } catch (error) {
      const e = error as Error & { cause?: { code?: string } }
      const why = e.name === 'TimeoutError' || e.name === 'AbortError' ? `no answer within ${timeout} ms` : (e.cause?.code ?? e.message)
      throw new DerbesError('DERBES_SYSTEM_UNREACHABLE', `${where}: ${why}`)
    }
    const status = response.status
    if (status === 501 && action !== 'test') throw new ActionNotSupportedError('http', action)
    if (status === 408 || status === 425 || status === 429 || status >= 500) {
      await response.body?.cancel()
      throw new DerbesError('DERBES_SYSTEM_UNREACHABLE', `${where}: answered HTTP ${status}`)
    }
    if (status < 200 || status >= 300) {
      await response.body?.cancel()
      throw new DerbesError('DERBES_SYSTEM_REJECTED', `${where}: answered HTTP ${status}${status === 401 || status === 403 ? ' (the token was refused)' : ''}`)
    }
    const length = Number(response.headers.get('content-length') ?? 0)
    if (length > MAX_ANSWER_BYTES) throw new DerbesError('DERBES_SYSTEM_REJECTED', `${where}: the answer is larger than ${MAX_ANSWER_BYTES} bytes`)
    try {
      return JSON.parse(await response.text()) as unknown
    } catch {
      throw new DerbesError('DERBES_SYSTEM_REJECTED', `${where}: the answer is not JSON`)
    }
  }
}

/**
 * The answer in its documented form, and nothing outside the map: an
 * exported value must be in a mapped table and column holding that item, or
 * Derbes would hand the subject data it cannot name in the list (Тізбе).
 */
function checkAnswer(answer: unknown, action: SystemAction, map: SystemMap, systemId: string): Answer {
  const refuse = (detail: string) => new DerbesError('DERBES_SYSTEM_REJECTED', `system '${systemId}' (http): the answer to ${action} ${detail}`)
  const a = answer as { rowsByTable?: unknown; records?: unknown }
  if (typeof a !== 'object' || a === null || typeof a.rowsByTable !== 'object' || a.rowsByTable === null) throw refuse('has no rowsByTable object')
  const tables = new Map(map.tables.map((t) => [t.name, new Map(t.columns.map((c) => [c.name, c.itemId]))]))
  const rowsByTable: RowCounts = {}
  for (const [table, count] of Object.entries(a.rowsByTable)) {
    if (!tables.has(table)) throw refuse(`counts rows of '${table}', which is not mapped`)
    if (!Number.isInteger(count) || (count as number) < 0) throw refuse(`gives '${table}' a count that is not a whole number`)
    rowsByTable[table] = count as number
  }
  if (a.records === undefined) return { rowsByTable }
  if (action !== 'export' || !Array.isArray(a.records)) throw refuse('carries records where none are expected, or not as a list')
  const records = a.records.map((record: { table?: unknown; values?: unknown }) => {
    const columns = typeof record?.table === 'string' ? tables.get(record.table) : undefined
    if (!columns || !Array.isArray(record.values)) throw refuse('has a record of a table that is not mapped, or without values')
    const values = record.values.map((v: { itemId?: unknown; column?: unknown; value?: unknown }) => {
      if (typeof v?.column !== 'string' || typeof v.itemId !== 'string' || columns.get(v.column) !== v.itemId) throw refuse(`has a value the map does not say '${String(record.table)}' holds`)
      return { itemId: v.itemId, column: v.column, value: v.value ?? null }
    })
    return { table: record.table as string, values }
  })
  return { rowsByTable, records }
}
