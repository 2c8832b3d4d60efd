import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database } from '../db/index.ts'
import { DerbesError, type FieldProblem } from '../errors/index.ts'
import type { KeyProvider } from '../subjects/crypto/index.ts'
import { isEventType } from './event-types.ts'
import { newWebhookSecret } from './webhook-secret.ts'

export interface WebhookEndpointRequest {
  url: string
  /** Absent or empty: every event type. */
  eventTypes?: readonly string[]
  createdBy: string
}

export interface WebhookEndpoint {
  webhookId: string
  url: string
  /** null = every event type. */
  eventTypes: string[] | null
  createdAt: string
  createdBy: string
}

const MAX_URL = 2000

/**
 * Registers a webhook endpoint for an operator and returns it with its
 * signing secret (`whsec_…`), which is shown this once. Events committed
 * after this moment are delivered to it (see `fanOutEvents`).
 *
 * @example
 * const { secret } = await createWebhookEndpoint({ db, keys }, 'ttc', { url: 'https://crm.example.kz/derbes', eventTypes: ['consent.withdrawn'], createdBy: 'api_key:…' }, now)
 */
export async function createWebhookEndpoint(
  deps: { db: Kysely<Database>; keys: KeyProvider },
  operatorId: string,
  request: WebhookEndpointRequest,
  now: Date,
): Promise<WebhookEndpoint & { secret: string }> {
  const eventTypes = checkRequest(request)
  const { text, sealed } = await newWebhookSecret(deps.keys, operatorId)
  const webhookId = `wh_${randomUUID()}`
  await deps.db
    .insertInto('webhook_endpoints')
    .values({
      operator_id: operatorId,
      webhook_id: webhookId,
      url: request.url,
      event_types: JSON.stringify(eventTypes),
      secret_key_id: sealed.keyId,
      wrapped_secret: sealed.wrapped,
      created_at: now,
      created_by: request.createdBy,
    })
    .execute()
  return { webhookId, url: request.url, eventTypes, createdAt: now.toISOString(), createdBy: request.createdBy, secret: text }
}

export async function listWebhookEndpoints(db: Kysely<Database>, operatorId: string): Promise<WebhookEndpoint[]> {
  const rows = await db.selectFrom('webhook_endpoints').selectAll().where('operator_id', '=', operatorId).orderBy('created_at').orderBy('webhook_id').execute()
  return rows.map((row) => ({
    webhookId: row.webhook_id,
    url: row.url,
    eventTypes: row.event_types,
    createdAt: new Date(row.created_at).toISOString(),
    createdBy: row.created_by,
  }))
}

/** Removes the endpoint with its deliveries; an attempt in flight finishes but records nothing. */
export async function deleteWebhookEndpoint(db: Kysely<Database>, operatorId: string, webhookId: string): Promise<void> {
  const result = await db.deleteFrom('webhook_endpoints').where('operator_id', '=', operatorId).where('webhook_id', '=', webhookId).executeTakeFirst()
  if (result.numDeletedRows === 0n) throw new DerbesError('DERBES_WEBHOOK_NOT_FOUND', `operator '${operatorId}' has no webhook '${webhookId}'`)
}

export async function requireWebhookEndpoint(db: Kysely<Database>, operatorId: string, webhookId: string): Promise<void> {
  const row = await db.selectFrom('webhook_endpoints').select('webhook_id').where('operator_id', '=', operatorId).where('webhook_id', '=', webhookId).executeTakeFirst()
  if (!row) throw new DerbesError('DERBES_WEBHOOK_NOT_FOUND', `operator '${operatorId}' has no webhook '${webhookId}'`)
}

/** Validates before anything is written; returns the event types to store (null = all). */
function checkRequest(request: WebhookEndpointRequest): string[] | null {
  const problems: FieldProblem[] = []
  let url: URL | undefined
  try {
    url = new URL(request.url)
  } catch {
    problems.push({ pointer: '/body/url', detail: 'is not an absolute URL' })
  }
  if (url && url.protocol !== 'https:' && url.protocol !== 'http:') problems.push({ pointer: '/body/url', detail: 'must be http or https' })
  // Credentials in a URL end up in logs and delivery listings; the signature is the authentication.
  if (url && (url.username || url.password)) problems.push({ pointer: '/body/url', detail: 'must not carry a user name or password' })
  if (request.url.length > MAX_URL) problems.push({ pointer: '/body/url', detail: `is longer than ${MAX_URL} characters` })
  const types = [...new Set(request.eventTypes ?? [])]
  types.forEach((type, i) => {
    if (!isEventType(type)) problems.push({ pointer: `/body/eventTypes/${i}`, detail: `'${type}' is not an event type` })
  })
  if (problems.length > 0) throw new DerbesError('DERBES_VALIDATION', 'the webhook endpoint is not valid', problems)
  return types.length > 0 ? types.sort() : null
}
