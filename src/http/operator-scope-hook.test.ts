import { randomUUID } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { issueApiKey } from '../access/index.ts'
import { currentOperatorScope, type DatabaseHandle } from '../db/index.ts'
import { TEST_DATABASES } from '../db/test-databases.ts'
import { seedOperators } from '../operators/index.ts'
import { buildTestApp } from './build-test-app.ts'

const NOW = new Date('2026-12-02T10:00:00+05:00')

describe.each(TEST_DATABASES)('the operator scope of a request on $name', (target) => {
  let database: DatabaseHandle
  let app: FastifyInstance
  /** Resolves once `expected` probes are inside their handlers, so their requests overlap. */
  let arrived = 0
  let expected = 1
  let release: () => void = () => {}
  let allArrived = Promise.resolve()
  const expectProbes = (count: number) => {
    arrived = 0
    expected = count
    allArrived = new Promise((resolve) => (release = resolve))
  }

  beforeAll(async () => {
    database = await target.open()
    await seedOperators({ db: database.db, clock: () => NOW }, 'policies')
    app = await buildTestApp(database, { clock: () => NOW })
    // Probes: what scope the hooks and the handler run in, and what the database session holds there.
    const probe = async (request: { body: unknown }, preValidation: string | undefined) => {
      if (++arrived === expected) release()
      await allArrived
      const { rows } = await sql<{ setting: string | null }>`select current_setting('derbes.operator_id', true) as setting`.execute(database.db)
      return { scope: currentOperatorScope() ?? null, preValidation: preValidation ?? null, setting: rows[0]?.setting ?? null, body: request.body }
    }
    for (const url of ['/v1/operators/:operatorId/scope-probe', '/v1/scope-probe']) {
      app.post(url, { preValidation: async (request) => void ((request as unknown as Record<string, unknown>).seen = currentOperatorScope()) }, (request) =>
        probe(request, (request as unknown as Record<string, string | undefined>).seen))
    }
  })
  afterAll(async () => {
    await app?.close()
    await database?.close()
  })

  it('DESIGN Storage: two overlapping requests for two operators each run in their own scope, body parsing included', async () => {
    // Over a real socket: a body read from it arrives in the socket's async context, not the request's
    // (app.inject's in-memory body does not show that).
    const base = await app.listen({ host: '127.0.0.1', port: 0 })
    expectProbes(2)
    const [esp, ttc] = await Promise.all(
      ['esp', 'ttc'].map((operatorId) =>
        fetch(`${base}/v1/operators/${operatorId}/scope-probe`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ operatorId }) }),
      ),
    )
    for (const [res, operatorId] of [[esp!, 'esp'], [ttc!, 'ttc']] as const) {
      expect(res.status).toBe(200)
      expect(await res.json()).toEqual({
        scope: operatorId,
        preValidation: operatorId,
        // On the server the connection carries the scope to row-level security; PGlite (its superuser) is not sent it.
        setting: database.kind === 'postgres' ? operatorId : null,
        body: { operatorId },
      })
    }
  })

  it('a route without an operator runs outside any scope', async () => {
    expectProbes(1)
    const res = await app.inject({ method: 'POST', url: '/v1/scope-probe', payload: {} })
    expect(res.json()).toMatchObject({ scope: null, preValidation: null, setting: database.kind === 'postgres' ? '' : null })
  })

  it("another operator's API key is still recognised, and refused with 403: credentials are looked up outside the scope", async () => {
    const { token } = await issueApiKey(database.db, { operatorId: 'ttc', name: 'crm', permissions: ['subjects:read'], createdBy: 'test' }, NOW)
    const res = await app.inject({ method: 'GET', url: `/v1/operators/esp/subjects/${randomUUID()}`, headers: { authorization: `Bearer ${token}` } })
    expect(res.statusCode, res.body).toBe(403)
    expect(res.json()).toMatchObject({ code: 'DERBES_FORBIDDEN' })
  })
})
