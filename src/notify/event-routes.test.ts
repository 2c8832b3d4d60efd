import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { issueApiKey, type Permission } from '../access/index.ts'
import { insertOperator } from '../audit/audit-test-helpers.ts'
import type { DatabaseHandle } from '../db/index.ts'
import { TEST_DATABASES } from '../db/test-databases.ts'
import { buildTestApp } from '../http/index.ts'
import { MemoryKeyProvider } from '../subjects/crypto/index.ts'
import { dispatchOnce } from './dispatch-once.ts'
import { enqueueEvent } from './enqueue-event.ts'

const NOW = new Date('2026-12-02T10:00:00.000Z')

describe.each(TEST_DATABASES)('event and webhook routes on $name', (target) => {
  let database: DatabaseHandle
  let app: FastifyInstance
  const keys = new MemoryKeyProvider()
  const tokens: Record<string, string> = {}

  beforeAll(async () => {
    database = await target.open()
    app = await buildTestApp(database, { clock: () => NOW, keys })
    for (const operatorId of ['ttc', 'tw']) await insertOperator(database.db, operatorId)
    const issue = async (operatorId: string, permissions: Permission[]) =>
      (await issueApiKey(database.db, { operatorId, name: 'test', permissions, createdBy: 'test' }, NOW)).token
    tokens.ttc = await issue('ttc', ['events:manage'])
    tokens.tw = await issue('tw', ['events:manage'])
    tokens.ttcNoEvents = await issue('ttc', ['decisions', 'audit:read'])
  })
  afterAll(async () => {
    await app.close()
    await database.close()
  })

  const call = (method: 'GET' | 'POST' | 'DELETE', url: string, token?: string, payload?: object) =>
    app.inject({ method, url, ...(token ? { headers: { authorization: `Bearer ${token}` } } : {}), ...(payload ? { payload } : {}) })
  const createWebhook = async (operatorId: string, body: object) => {
    const res = await call('POST', `/v1/operators/${operatorId}/webhooks`, tokens[operatorId], body)
    expect(res.statusCode, res.body).toBe(201)
    return res.json()
  }

  it('registers an endpoint and shows its whsec_ secret once; listing never shows it', async () => {
    const created = await createWebhook('ttc', { url: 'https://crm.example.kz/derbes', eventTypes: ['consent.withdrawn', 'consent.given'] })
    expect(created).toMatchObject({ webhookId: expect.stringMatching(/^wh_/), url: 'https://crm.example.kz/derbes', eventTypes: ['consent.given', 'consent.withdrawn'], createdBy: expect.stringMatching(/^api_key:/) })
    expect(Buffer.from(created.secret.replace(/^whsec_/, ''), 'base64')).toHaveLength(32)
    const listed = await call('GET', '/v1/operators/ttc/webhooks', tokens.ttc)
    expect(listed.json().webhooks).toContainEqual({ webhookId: created.webhookId, url: created.url, eventTypes: created.eventTypes, createdAt: NOW.toISOString(), createdBy: created.createdBy })
    expect(listed.body).not.toContain(created.secret.slice(6))
    // What is stored is the secret wrapped by the operator's key, not the secret.
    const row = await database.db.selectFrom('webhook_endpoints').selectAll().where('webhook_id', '=', created.webhookId).executeTakeFirstOrThrow()
    expect(JSON.stringify(row)).not.toContain(created.secret.slice(6))
  })

  it('refuses a bad URL or an unknown event type, naming the field, and stores nothing', async () => {
    const before = (await database.db.selectFrom('webhook_endpoints').select('webhook_id').execute()).length
    const res = await call('POST', '/v1/operators/ttc/webhooks', tokens.ttc, { url: 'ftp://user:pw@example.kz/x', eventTypes: ['consent.given', 'consent.nonsense'] })
    expect(res.statusCode).toBe(400)
    expect(res.json()).toMatchObject({ code: 'DERBES_VALIDATION' })
    expect(res.json().errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/body/url', '/body/url', '/body/eventTypes/1'])
    expect((await database.db.selectFrom('webhook_endpoints').select('webhook_id').execute()).length).toBe(before)
  })

  it('lists deliveries with status and attempts, retries one, and deletes the endpoint', async () => {
    const created = await createWebhook('ttc', { url: 'http://127.0.0.1:9/unreachable' })
    await enqueueEvent(database.db, { operatorId: 'ttc', type: 'subject.blocked', subjectId: 's-1', occurredAt: NOW })
    await dispatchOnce({ db: database.db, keys }, NOW)
    const url = `/v1/operators/ttc/webhooks/${created.webhookId}/deliveries`
    const listed = await call('GET', url, tokens.ttc)
    expect(listed.statusCode, listed.body).toBe(200)
    const [delivery] = listed.json().deliveries
    expect(delivery).toMatchObject({ eventType: 'subject.blocked', status: 'pending', attempts: 1, lastStatusCode: null, lastError: expect.any(String), nextAttemptAt: '2026-12-02T10:00:30.000Z' })
    expect((await call('GET', `${url}?status=delivered`, tokens.ttc)).json().deliveries).toEqual([])

    const retried = await call('POST', `${url}/${delivery.deliveryId}/retry`, tokens.ttc)
    expect(retried.statusCode, retried.body).toBe(202)
    expect(retried.json()).toMatchObject({ status: 'pending', nextAttemptAt: NOW.toISOString(), attempts: 1 })
    const missing = await call('POST', `${url}/dlv_00000000-0000-0000-0000-000000000000/retry`, tokens.ttc)
    expect(missing.json().code).toBe('DERBES_WEBHOOK_DELIVERY_NOT_FOUND')
    await database.db.updateTable('webhook_deliveries').set({ status: 'delivering' }).where('delivery_id', '=', delivery.deliveryId).execute()
    expect((await call('POST', `${url}/${delivery.deliveryId}/retry`, tokens.ttc)).json().code).toBe('DERBES_WEBHOOK_DELIVERY_IN_FLIGHT')

    expect((await call('DELETE', `/v1/operators/ttc/webhooks/${created.webhookId}`, tokens.ttc)).statusCode).toBe(204)
    expect((await call('GET', url, tokens.ttc)).json().code).toBe('DERBES_WEBHOOK_NOT_FOUND')
    expect((await call('DELETE', `/v1/operators/ttc/webhooks/${created.webhookId}`, tokens.ttc)).statusCode).toBe(404)
  })

  it("pages the operator's events after a seq, and only that operator's", async () => {
    const ids = []
    for (const n of [1, 2, 3]) ids.push(await enqueueEvent(database.db, { operatorId: 'tw', type: 'consent.given', subjectId: `tw-${n}`, occurredAt: NOW, data: { formId: 'f' } }))
    await enqueueEvent(database.db, { operatorId: 'ttc', type: 'consent.given', subjectId: 'ttc-x', occurredAt: NOW })
    const first = await call('GET', '/v1/operators/tw/events?limit=2', tokens.tw)
    expect(first.statusCode, first.body).toBe(200)
    expect(first.json().events.map((e: { data: { eventId: string } }) => e.data.eventId)).toEqual(ids.slice(0, 2))
    expect(first.json().events[0]).toEqual({ type: 'consent.given', timestamp: NOW.toISOString(), data: { formId: 'f', operatorId: 'tw', eventId: ids[0], seq: expect.any(Number), subjectId: 'tw-1' } })
    const rest = await call('GET', `/v1/operators/tw/events?after=${first.json().nextAfter}`, tokens.tw)
    expect(rest.json().events.map((e: { data: { eventId: string } }) => e.data.eventId)).toEqual(ids.slice(2))
    const end = await call('GET', `/v1/operators/tw/events?after=${rest.json().nextAfter}`, tokens.tw)
    expect(end.json()).toEqual({ events: [], nextAfter: rest.json().nextAfter })
  })

  describe('authorization and tenant isolation', () => {
    let twWebhook: string
    beforeAll(async () => {
      twWebhook = (await createWebhook('tw', { url: 'https://tw.example.kz/hook' })).webhookId
    })
    const routes = (operatorId: string, webhookId: string): ['GET' | 'POST' | 'DELETE', string, object?][] => [
      ['POST', `/v1/operators/${operatorId}/webhooks`, { url: 'https://x.example.kz/' }],
      ['GET', `/v1/operators/${operatorId}/webhooks`],
      ['DELETE', `/v1/operators/${operatorId}/webhooks/${webhookId}`],
      ['GET', `/v1/operators/${operatorId}/webhooks/${webhookId}/deliveries`],
      ['POST', `/v1/operators/${operatorId}/webhooks/${webhookId}/deliveries/dlv_00000000-0000-0000-0000-000000000000/retry`],
      ['GET', `/v1/operators/${operatorId}/events`],
    ]

    it('answers 401 without a key', async () => {
      for (const [method, url, body] of routes('tw', twWebhook)) {
        const res = await call(method, url, undefined, body)
        expect([url, res.statusCode, res.json().code]).toEqual([url, 401, 'DERBES_UNAUTHENTICATED'])
      }
    })

    it("answers 403 to another operator's key, and changes nothing of theirs", async () => {
      for (const [method, url, body] of routes('tw', twWebhook)) {
        const res = await call(method, url, tokens.ttc, body)
        expect([url, res.statusCode, res.json().code]).toEqual([url, 403, 'DERBES_FORBIDDEN'])
      }
      expect((await call('GET', '/v1/operators/tw/webhooks', tokens.tw)).json().webhooks.map((w: { webhookId: string }) => w.webhookId)).toContain(twWebhook)
    })

    it('answers 403 to a key of the operator without events:manage', async () => {
      for (const [method, url, body] of routes('ttc', twWebhook)) {
        const res = await call(method, url, tokens.ttcNoEvents, body)
        expect([url, res.statusCode, res.json().code]).toEqual([url, 403, 'DERBES_FORBIDDEN'])
      }
    })

    it("does not reach another operator's webhook through one's own operator path (404)", async () => {
      const res = await call('GET', `/v1/operators/ttc/webhooks/${twWebhook}/deliveries`, tokens.ttc)
      expect(res.statusCode).toBe(404)
      expect((await call('DELETE', `/v1/operators/ttc/webhooks/${twWebhook}`, tokens.ttc)).statusCode).toBe(404)
    })
  })
})
