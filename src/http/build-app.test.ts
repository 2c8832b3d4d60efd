import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { openDatabase, type DatabaseHandle } from '../db/index.ts'
import { migrateToLatest } from '../db/index.ts'
import { buildTestApp } from './build-test-app.ts'

describe('the HTTP app', () => {
  let database: DatabaseHandle
  let app: FastifyInstance
  beforeAll(async () => {
    database = await openDatabase({ dataDir: 'memory://' })
    await migrateToLatest(database.db)
    app = await buildTestApp(database)
  })
  afterAll(async () => {
    await app.close()
    await database.close()
  })

  it('is alive and ready while the database answers', async () => {
    expect((await app.inject('/healthz')).json()).toEqual({ status: 'ok' })
    expect((await app.inject('/readyz')).json()).toEqual({ status: 'ready', database: 'pglite' })
  })

  it('names an unknown body field and a missing one in problem details', async () => {
    const res = await app.inject({
      method: 'POST',
      // A public route (the banner's), so validation is what answers: credentials are checked before bodies elsewhere.
      url: '/v1/operators/ttc/cookie-consents',
      payload: { policyVersionId: 'v1', language: 'kk', choices: {}, visitorIdTypo: 'visitor-0001' },
    })
    expect(res.statusCode).toBe(400)
    const pointers = (res.json().errors as { pointer: string }[]).map((e) => e.pointer)
    expect(pointers).toEqual(expect.arrayContaining(['/body/visitorId', '/body/visitorIdTypo']))
  })

  it('serves Prometheus metrics, counting requests by route', async () => {
    await app.inject('/healthz')
    const metrics = await app.inject('/metrics')
    expect(metrics.headers['content-type']).toMatch(/^text\/plain/)
    expect(metrics.body).toMatch(/derbes_http_request_duration_seconds_count\{method="GET",route="\/healthz",status="200"\} \d+/)
    expect(metrics.body).toContain('derbes_process_cpu_seconds_total')
  })

  it('publishes an OpenAPI 3.1 document with every route and the problem schema', async () => {
    const spec = (await app.inject('/openapi.json')).json()
    expect(spec.openapi).toBe('3.1.0')
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining([
        '/v1/operators',
        '/v1/operators/{operatorId}/policy',
        '/v1/operators/{operatorId}/policy/versions',
        '/v1/operators/{operatorId}/policy/versions/{versionId}/approve',
        '/v1/operators/{operatorId}/policy/versions/{versionId}/publish',
        '/notice/{operatorId}/{lang}',
      ]),
    )
    expect(Object.keys(spec.components.schemas)).toEqual(expect.arrayContaining(['Problem', 'OperatorSummary', 'PolicyVersion']))
    expect(JSON.stringify(spec.components.schemas.Problem)).toContain('DERBES_POLICY_INVALID')
    expect(Object.keys(spec.paths['/v1/operators'].post.requestBody.content)).toEqual(['application/yaml', 'application/json'])
    const docs = await app.inject('/docs/')
    expect(docs.statusCode).toBe(200)
    expect(docs.body).toContain('swagger')
  })

  it('declares, with a description, every tag a route is filed under', async () => {
    const spec = (await app.inject('/openapi.json')).json() as { tags: { name: string }[]; paths: Record<string, Record<string, { tags?: string[] }>> }
    const used = new Set(Object.values(spec.paths).flatMap((path) => Object.values(path).flatMap((operation) => operation.tags ?? [])))
    expect(used.size).toBeGreaterThan(10)
    expect([...used].filter((tag) => !spec.tags.some((declared) => declared.name === tag))).toEqual([])
  })

  it('reports not-ready as problem details once the database is gone', async () => {
    const gone = await openDatabase({ dataDir: 'memory://' })
    const lonely = await buildTestApp(gone)
    await gone.close()
    const res = await lonely.inject('/readyz')
    expect(res.statusCode).toBe(503)
    expect(res.json().code).toBe('DERBES_NOT_READY')
    await lonely.close()
  })
})
