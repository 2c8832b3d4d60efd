import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openLedgerFixture, type LedgerFixture } from '../consent/ledger/ledger-test-support.ts'
import { TEST_DATABASES } from '../db/test-databases.ts'
import { BANNER_SCRIPT } from './banner-routes.ts'
import { existsSync, readFileSync } from 'node:fs'
import { approvePolicyVersion, publishPolicyVersion, uploadPolicyVersion } from '../operators/index.ts'

// The routes are registered by the app with the build in web/dist (CI builds it in `npm ci`).
describe.each(TEST_DATABASES)('the consent banner served by Derbes (issue 6 §3, TTC-5) on $name', (target) => {
  let fx: LedgerFixture
  beforeAll(async () => {
    fx = await openLedgerFixture(target)
  })
  afterAll(() => fx.close())

  it.runIf(existsSync(BANNER_SCRIPT))("TTC-5.7: the script carries TTC's categories, vendors and version, and answers 304 to its own ETag", async () => {
    const res = await fx.app.inject({ url: '/banner/v1/ttc.js' })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.headers['content-type']).toContain('text/javascript')
    expect(res.body).toContain('__derbesBanner.start(')
    const config = JSON.parse(/__derbesBanner\.start\((.*)\)\}\(\);\s*$/s.exec(res.body)![1]!)
    expect(config).toMatchObject({ operatorId: 'ttc', versionId: expect.any(String) })
    expect(config.categories.map((c: { id: string }) => c.id)).toEqual(['functional', 'necessary', 'marketing', 'analytics'])
    expect(config.categories.find((c: { id: string }) => c.id === 'necessary').requiresConsent).toBe(false)
    expect(config.vendors).toContainEqual({ name: 'Google Analytics', category: 'analytics', country: 'US' })
    expect(config.texts.accept.kk).toBe('Барлығын қабылдау')
    const again = await fx.app.inject({ url: '/banner/v1/ttc.js', headers: { 'if-none-match': res.headers.etag as string } })
    expect(again.statusCode).toBe(304)
  })

  it('an operator whose policy offers no banner (KZK), or no such operator, is a problem', async () => {
    const kzk = await fx.app.inject({ url: '/banner/v1/kzk.js' })
    expect(kzk.statusCode).toBe(existsSync(BANNER_SCRIPT) ? 404 : 503)
    if (existsSync(BANNER_SCRIPT)) expect(kzk.json().code).toBe('DERBES_BANNER_NOT_OFFERED')
    expect((await fx.app.inject({ url: '/banner/v1/Bad Name.js' })).statusCode).toBe(400)
  })

  it('GPC: /.well-known/gpc.json says Derbes honours it', async () => {
    const res = await fx.app.inject({ url: '/.well-known/gpc.json' })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ gpc: true, lastUpdate: '2026-12-02' })
  })

  it("the operator's own site may record a choice: CORS preflight and headers on the cookie-consent endpoints only", async () => {
    const preflight = await fx.app.inject({ method: 'OPTIONS', url: '/v1/operators/ttc/cookie-consents', headers: { origin: 'https://ttc.kz', 'access-control-request-method': 'POST' } })
    expect(preflight.statusCode).toBe(204)
    expect(preflight.headers['access-control-allow-origin']).toBe('*')
    expect(preflight.headers['access-control-allow-headers']).toBe('content-type')
    const other = await fx.app.inject({ url: '/v1/operators/ttc/requests', headers: { origin: 'https://ttc.kz' } })
    expect(other.headers['access-control-allow-origin']).toBeUndefined()
  })

  it('TTC-5, GPC: a choice sent with the Sec-GPC header refuses every optional category, whatever it asked', async () => {
    const res = await fx.app.inject({
      method: 'POST', url: '/v1/operators/ttc/cookie-consents', headers: { 'sec-gpc': '1', origin: 'https://ttc.kz' },
      payload: { visitorId: 'visitor-gpc-1', policyVersionId: '2025-1', language: 'ru', choices: { analytics: true, marketing: true } },
    })
    expect(res.statusCode, res.body).toBe(201)
    expect(res.headers['access-control-allow-origin']).toBe('*')
    expect(res.json()).toMatchObject({ gpc: true, choices: { necessary: true, functional: false, analytics: false, marketing: false } })
  })

  // Last in this suite: it publishes a new TTC version for the ones after it.
  it.runIf(existsSync(BANNER_SCRIPT))('TTC-5.7: a newly published version changes the script and its ETag, so the banner asks again', async () => {
    const before = await fx.app.inject({ url: '/banner/v1/ttc.js' })
    const etag = before.headers.etag as string
    expect((await fx.app.inject({ url: '/banner/v1/ttc.js', headers: { 'if-none-match': `"other", W/${etag}` } })).statusCode).toBe(304)
    const source = readFileSync('policies/ttc.yaml', 'utf8').replace(/^(version:\n(?:\s*#.*\n)*\s*id:\s*)"[^"]*"/m, '$1"2026-banner-test"')
    const deps = { db: fx.deps.db, clock: fx.deps.clock }
    await uploadPolicyVersion(deps, { source, format: 'yaml', uploadedBy: 'test', operatorId: 'ttc' })
    await approvePolicyVersion(deps, 'ttc', '2026-banner-test', { approvedBy: 'test', order: 'test order' })
    await publishPolicyVersion(deps, 'ttc', '2026-banner-test', 'test')
    const after = await fx.app.inject({ url: '/banner/v1/ttc.js', headers: { 'if-none-match': etag } })
    expect(after.statusCode).toBe(200)
    expect(after.headers.etag).not.toBe(etag)
    expect(after.body).toContain('"versionId":"2026-banner-test"')
  })
})

describe('without a build', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'derbes-banner-'))
    await writeFile(join(dir, 'placeholder'), '')
  })
  afterAll(() => rm(dir, { recursive: true, force: true }))
  it('the script is a 503 problem that says how to build it', async () => {
    const Fastify = (await import('fastify')).default
    const { handleError } = await import('../http/problem-details.ts')
    const { bannerRoutes } = await import('./banner-routes.ts')
    const app = Fastify()
    app.setErrorHandler(handleError)
    await bannerRoutes(app, { db: undefined as never, clock: () => new Date() }, { script: join(dir, 'banner.js') })
    const res = await app.inject({ url: '/banner/v1/ttc.js' })
    expect(res.statusCode).toBe(503)
    expect(res.json().detail).toContain('npm run build:web')
    await app.close()
  })
})
