import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Fastify, { type FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { handleError, handleNotFound } from '../http/problem-details.ts'
import { webRoutes } from './serve-web.ts'

async function appServing(directory: string): Promise<FastifyInstance> {
  const app = Fastify({ logger: false })
  app.setErrorHandler(handleError)
  app.setNotFoundHandler(handleNotFound)
  await webRoutes(app, { directory })
  await app.ready()
  return app
}

describe('the console and the portal served by Derbes (issue 6)', () => {
  let dir: string
  let app: FastifyInstance
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'derbes-web-'))
    await mkdir(join(dir, 'assets'))
    await writeFile(join(dir, 'index.html'), '<!doctype html><div id="root"></div>')
    await writeFile(join(dir, 'assets', 'index-abc123.js'), 'console.log("қ")')
    app = await appServing(`${dir}/`)
  })
  afterAll(async () => {
    await app.close()
    await rm(dir, { recursive: true, force: true })
  })

  it.each(['/console', '/console/ttc/requests/r-1', '/portal/esp', '/portal/esp/consents'])('%s answers with the app, never cached, under a strict CSP', async (url) => {
    const res = await app.inject({ url })
    expect(res.statusCode).toBe(200)
    expect(res.body).toContain('<div id="root">')
    expect(res.headers['cache-control']).toBe('no-cache')
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'")
    expect(res.headers['content-security-policy']).toContain("script-src 'self'")
  })

  it('serves hashed assets under /ui/ for a year', async () => {
    const res = await app.inject({ url: '/ui/assets/index-abc123.js' })
    expect(res.statusCode).toBe(200)
    expect(res.body).toContain('қ')
    expect(res.headers['cache-control']).toContain('immutable')
  })

  it('a path outside the app is a problem, not the app', async () => {
    const res = await app.inject({ url: '/ui/assets/nope.js' })
    expect(res.statusCode).toBe(404)
  })

  it('without a build, a page is a 503 problem that says how to build it', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'derbes-web-empty-'))
    const bare = await appServing(`${empty}/`)
    const res = await bare.inject({ url: '/console/' })
    expect(res.statusCode).toBe(503)
    expect(res.json()).toMatchObject({ code: 'DERBES_WEB_NOT_BUILT' })
    expect(res.json().detail).toContain('npm run build:web')
    await bare.close()
    await rm(empty, { recursive: true, force: true })
  })
})
