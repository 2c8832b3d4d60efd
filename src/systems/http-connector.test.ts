import { randomBytes } from 'node:crypto'
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Webhook } from 'standardwebhooks'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { listAuditEntries } from '../audit/index.ts'
import type { DatabaseHandle } from '../db/index.ts'
import { TEST_DATABASES } from '../db/test-databases.ts'
import { openSeeded } from '../subjects/subjects-test-helpers.ts'
import { closeSystemConnections } from './connection-cache.ts'
import { isRetryableSystemError, runSystemTask } from './run-system-task.ts'
import { createSystem, updateSystem } from './save-system.ts'
import { SEEDING_TIMEOUT_MS } from './shop-test-kit.ts'
import type { SystemInput } from './system-map.ts'
import type { SystemsDeps } from './systems-deps.ts'
import { testSystem } from './test-system.ts'

const TOKEN = 'crm-token-51f0'
const SIGNING_SECRET = `whsec_${randomBytes(32).toString('base64')}`

interface Received {
  path: string
  headers: IncomingHttpHeaders
  body: string
}

/** A CRM with its own API, on a real port: it checks the token and the signature, and answers what the test scripts. */
function startCrm(): Promise<{ server: Server; url: string; received: Received[]; answer: (path: string) => { status: number; body?: unknown; delayMs?: number } }> {
  const crm = {
    received: [] as Received[],
    answer: (_path: string): { status: number; body?: unknown; delayMs?: number } => ({ status: 200, body: { rowsByTable: {} } }),
  }
  const server = createServer((request, response) => {
    let body = ''
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')))
    request.on('end', () => {
      const path = request.url ?? ''
      crm.received.push({ path, headers: request.headers, body })
      if (request.headers.authorization !== `Bearer ${TOKEN}`) {
        response.writeHead(401).end()
        return
      }
      try {
        new Webhook(SIGNING_SECRET).verify(body, request.headers as Record<string, string>)
      } catch {
        response.writeHead(400, { 'content-type': 'application/json' }).end('{"error":"bad signature"}')
        return
      }
      const { status, body: answer, delayMs } = crm.answer(path)
      setTimeout(() => {
        response.writeHead(status, { 'content-type': 'application/json', ...(status === 302 ? { location: 'https://elsewhere.example/' } : {}) })
        response.end(answer === undefined ? '' : JSON.stringify(answer))
      }, delayMs ?? 0)
    })
  })
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/derbes`
      resolve({
        server,
        url,
        received: crm.received,
        get answer() {
          return crm.answer
        },
        set answer(f) {
          crm.answer = f
        },
      })
    }),
  )
}

describe.each(TEST_DATABASES)('the HTTP connector against a real HTTP server, with Derbes on $name', (target) => {
  let database: DatabaseHandle
  let deps: SystemsDeps
  let crm: Awaited<ReturnType<typeof startCrm>>
  const subject = { subjectId: 'subject-aidos', identifiers: { phone: '+77015550001', email: 'aidos@mail.kz' } }
  const system = (url: string, timeoutMs = 2000): SystemInput => ({
    systemId: 'crm',
    name: 'CRM',
    kind: 'http',
    connection: { baseUrl: url, token: TOKEN, signingSecret: SIGNING_SECRET, timeoutMs },
    tables: [{ name: 'contacts', columns: [{ name: 'phone', itemId: 'phone', identifies: 'phone' }, { name: 'mail', itemId: 'email', identifies: 'email' }] }],
    relations: [],
  })
  const run = (action: 'locate' | 'export' | 'rectify' | 'anonymise' | 'delete', changes?: { itemId: string; value: string | null }[]) =>
    runSystemTask(deps, { operatorId: 'esp', systemId: 'crm', action, subject, requestId: 'req-9', ...(changes ? { changes } : {}) })

  beforeAll(async () => {
    ;({ database, deps } = await openSeeded(target))
    crm = await startCrm()
    await createSystem(deps, 'esp', system(crm.url), 'test')
  }, SEEDING_TIMEOUT_MS)
  afterAll(async () => {
    await closeSystemConnections()
    await new Promise((resolve) => crm.server.close(resolve))
    await database?.close()
  })
  beforeEach(() => {
    crm.received.length = 0
  })

  it('ESP-3: export posts the subject to <baseUrl>/export with the bearer token and a Standard Webhooks signature, and returns the records', async () => {
    crm.answer = () => ({ status: 200, body: { rowsByTable: { contacts: 1 }, records: [{ table: 'contacts', values: [{ itemId: 'phone', column: 'phone', value: '+77015550001' }] }] } })
    const result = await run('export')
    expect(result).toEqual({ systemId: 'crm', action: 'export', rowsByTable: { contacts: 1 }, records: [{ table: 'contacts', values: [{ itemId: 'phone', column: 'phone', value: '+77015550001' }] }] })
    const [call] = crm.received
    expect(call!.path).toBe('/derbes/export')
    expect(call!.headers['webhook-signature']).toMatch(/^v1,/)
    expect(JSON.parse(call!.body)).toEqual({ operatorId: 'esp', systemId: 'crm', action: 'export', requestId: 'req-9', subject })
    expect((await listAuditEntries(database.db, 'esp', { subjectId: subject.subjectId })).entries.at(-1)).toMatchObject({ action: 'export', details: { systemId: 'crm', systemKind: 'http', rowsByTable: { contacts: 1 }, itemIds: ['phone'] } })
  })

  it('TW-9.3: rectify sends only the changes of items the system holds; delete and anonymise post to their own paths', async () => {
    crm.answer = () => ({ status: 200, body: { rowsByTable: { contacts: 1 } } })
    expect((await run('rectify', [{ itemId: 'phone', value: '+77015559999' }, { itemId: 'birth-date', value: '1990-01-01' }])).rowsByTable).toEqual({ contacts: 1 })
    expect(JSON.parse(crm.received[0]!.body).changes).toEqual([{ itemId: 'phone', value: '+77015559999' }])
    await run('anonymise')
    await run('delete')
    expect(crm.received.map((r) => r.path)).toEqual(['/derbes/rectify', '/derbes/anonymise', '/derbes/delete'])
  })

  it('treats 501 as not supported, 503 and 429 as worth retrying, 403 and a redirect as refused', async () => {
    const outcome = async (status: number) => {
      crm.answer = () => ({ status })
      return run('delete').then(() => 'ok', (error: { code: string }) => [error.code, isRetryableSystemError(error)])
    }
    expect(await outcome(501)).toEqual(['DERBES_SYSTEM_ACTION_NOT_SUPPORTED', false])
    expect(await outcome(503)).toEqual(['DERBES_SYSTEM_UNREACHABLE', true])
    expect(await outcome(429)).toEqual(['DERBES_SYSTEM_UNREACHABLE', true])
    expect(await outcome(403)).toEqual(['DERBES_SYSTEM_REJECTED', false])
    expect(await outcome(302)).toEqual(['DERBES_SYSTEM_REJECTED', false])
  })

  it('refuses an answer outside the documented form or naming data the map does not say the system holds', async () => {
    const answers: unknown[] = [
      { rows: 1 },
      { rowsByTable: { invoices: 1 } },
      { rowsByTable: { contacts: -1 } },
      { rowsByTable: { contacts: 1 }, records: [{ table: 'contacts', values: [{ itemId: 'iin', column: 'iin', value: '900517300123' }] }] },
      { rowsByTable: { contacts: 1 }, records: [{ table: 'contacts', values: [{ itemId: 'email', column: 'phone', value: 'x' }] }] },
    ]
    for (const body of answers) {
      crm.answer = () => ({ status: 200, body })
      await expect(run('export'), JSON.stringify(body)).rejects.toMatchObject({ code: 'DERBES_SYSTEM_REJECTED', message: expect.stringMatching(/the answer to export/) })
    }
  })

  it('gives up on a system that does not answer in time, or is not there, as worth retrying', async () => {
    crm.answer = () => ({ status: 200, body: { rowsByTable: {} }, delayMs: 1500 })
    await updateSystem(deps, 'esp', { ...system(crm.url, 300), connection: { baseUrl: crm.url, timeoutMs: 300 } }, 'test')
    await expect(run('locate')).rejects.toMatchObject({ code: 'DERBES_SYSTEM_UNREACHABLE', message: expect.stringMatching(/no answer within 300 ms/) })
    await updateSystem(deps, 'esp', { ...system('http://127.0.0.1:1/derbes'), connection: { baseUrl: 'http://127.0.0.1:1/derbes' } }, 'test')
    await expect(run('locate')).rejects.toMatchObject({ code: 'DERBES_SYSTEM_UNREACHABLE' })
    expect((await testSystem(deps, 'esp', 'crm')).ok).toBe(false)
    // The secret was kept through both changes: back on the right URL, the token and signature pass.
    await updateSystem(deps, 'esp', { ...system(crm.url), connection: { baseUrl: crm.url } }, 'test')
    crm.answer = (path) => ({ status: 200, body: path.endsWith('/test') ? { ok: true } : { rowsByTable: {} } })
    expect(await testSystem(deps, 'esp', 'crm')).toMatchObject({ ok: true, problems: [] })
    expect(JSON.parse(crm.received.at(-1)!.body)).toEqual({ action: 'test', tables: [{ name: 'contacts', columns: ['phone', 'mail'] }] })
  })
})
