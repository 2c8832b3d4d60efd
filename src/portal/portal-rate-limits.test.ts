import { createHmac } from 'node:crypto'
import type { FastifyInstance, InjectOptions } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LocalKeyFileSigner } from '../audit/index.ts'
import { TEST_DATABASES } from '../db/test-databases.ts'
import { buildTestApp } from '../http/index.ts'
import { DerbesError } from '../errors/index.ts'
import { takeFromAddress } from './portal-rate-limits.ts'
import { openPortalFixture, phone, type PortalFixture } from './portal-test-kit.ts'

describe.each(TEST_DATABASES)('takeFromAddress: a sliding hour per client address, counted in the database, on $name', (target) => {
  let fx: PortalFixture
  beforeAll(async () => {
    fx = await openPortalFixture(target)
  }, 180_000)
  afterAll(async () => {
    await fx?.close()
  })

  const take = (address: string, counter: 'sign_in_codes' | 'requests' = 'sign_in_codes', operatorId = 'tw') => takeFromAddress(fx.deps, operatorId, counter, 2, address)
  const refusal = async (address: string, counter?: 'sign_in_codes' | 'requests') => {
    const error = await take(address, counter).then(() => undefined, (e: unknown) => e)
    return error instanceof DerbesError ? { code: error.code, retryAfterSeconds: error.retryAfterSeconds } : error
  }
  const at = (start: Date, seconds: number) => fx.setNow(new Date(start.getTime() + seconds * 1000))

  it('lets `limit` takes per address through within the hour, then says when the oldest leaves it; a refused take does not count', async () => {
    const start = fx.now()
    try {
      at(start, 0)
      await take('203.0.113.20')
      at(start, 600)
      await take('203.0.113.20')
      at(start, 900)
      expect(await refusal('203.0.113.20')).toEqual({ code: 'DERBES_PORTAL_TOO_MANY_FROM_ADDRESS', retryAfterSeconds: 2700 })
      // Another address, another counter, another operator: counted apart.
      await take('203.0.113.21')
      await take('203.0.113.20', 'requests')
      await take('203.0.113.20', 'sign_in_codes', 'esp')
      // The first take leaves the hour at 3600 s.
      at(start, 3601)
      await take('203.0.113.20')
      at(start, 3602)
      expect(await refusal('203.0.113.20')).toEqual({ code: 'DERBES_PORTAL_TOO_MANY_FROM_ADDRESS', retryAfterSeconds: 598 })
    } finally {
      fx.setNow(start)
    }
  })

  it('stores no address, only its keyed hash, and forgets the hour past as it counts', async () => {
    const start = fx.now()
    const address = '198.51.100.200'
    const key = createHmac('sha256', await fx.deps.keys.indexKey('tw')).update(JSON.stringify(['derbes.portal-address.v1', 'tw', address])).digest('base64url')
    const takesOfKey = async () => (await fx.database.db.selectFrom('portal_address_takes').select('taken_at').where('address_key', '=', key).execute()).map((row) => row.taken_at.getTime())
    try {
      await take(address)
      expect(await takesOfKey()).toEqual([start.getTime()])
      const rows = await fx.database.db.selectFrom('portal_address_takes').selectAll().execute()
      expect(JSON.stringify(rows)).not.toContain(address)
      at(start, 7200)
      await take(address)
      expect(await takesOfKey()).toEqual([start.getTime() + 7_200_000])
    } finally {
      fx.setNow(start)
    }
  })

  it('lets exactly `limit` of many concurrent takes from one address through', async () => {
    const outcomes = await Promise.allSettled(Array.from({ length: 8 }, () => take('192.0.2.99')))
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(2)
  })
})

describe.each(TEST_DATABASES)('portal limits per IP address and per subject, on $name', (target) => {
  let fx: PortalFixture
  let app: FastifyInstance
  beforeAll(async () => {
    fx = await openPortalFixture(target)
    // The same database, clock and keyring as the fixture, with small limits.
    app = await buildTestApp(fx.database, {
      clock: fx.now, keys: fx.deps.keys, calendar: fx.deps.calendar, signer: LocalKeyFileSigner.ephemeral(),
      config: { logLevel: 'silent', portalSignInCodesPerIpPerHour: 3, portalRequestsPerIpPerHour: 4, portalRequestsPerSubjectPerHour: 2 },
    })
  }, 180_000)
  afterAll(async () => {
    await app?.close()
    await fx?.close()
  })

  const call = (ip: string, options: InjectOptions, token?: string) =>
    app.inject({ ...options, remoteAddress: ip, headers: { ...options.headers, ...(token ? { authorization: `Bearer ${token}` } : {}) } })
  const askCode = (ip: string, value: string) => call(ip, { method: 'POST', url: '/v1/operators/tw/portal/sign-in', payload: { identifier: { kind: 'phone', value } } })
  const signIn = async (ip: string, n: number) => {
    const subjectId = await fx.subject('tw', { kind: 'user', identifiers: [{ kind: 'phone', value: phone(n) }] })
    const asked = await askCode(ip, phone(n))
    expect(asked.statusCode, asked.body).toBe(202)
    const { code } = await fx.smsCode('tw', subjectId)
    const verified = await call(ip, { method: 'POST', url: '/v1/operators/tw/portal/sign-in/verify', payload: { challengeId: asked.json().challengeId, code } })
    expect(verified.statusCode, verified.body).toBe(201)
    return verified.json().token as string
  }
  const submit = (ip: string, token: string) => call(ip, { method: 'POST', url: '/v1/operators/tw/portal/requests', payload: { kind: 'access' } }, token)
  const codes = async () => (await fx.database.db.selectFrom('portal_sign_in_codes').select('challenge_id').execute()).length
  const requests = async () => (await fx.database.db.selectFrom('requests').select('request_id').where('channel', '=', 'portal').execute()).length

  it('sign-in codes: 3 per IP address per hour whatever phones it types (429 with Retry-After, no code made); another address goes on; an hour later the first does', async () => {
    for (const n of [501, 502, 503]) expect((await askCode('203.0.113.7', phone(n))).statusCode).toBe(202)
    const before = await codes()
    const refused = await askCode('203.0.113.7', phone(504))
    expect(refused.statusCode).toBe(429)
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/)
    expect(refused.json()).toMatchObject({ code: 'DERBES_PORTAL_TOO_MANY_FROM_ADDRESS', status: 429 })
    expect(Number(refused.headers['retry-after'])).toBe(3600)
    expect(await codes()).toBe(before)
    expect((await askCode('203.0.113.8', phone(504))).statusCode).toBe(202)
    const start = fx.now()
    fx.setNow(new Date(start.getTime() + 3_600_001))
    expect((await askCode('203.0.113.7', phone(505))).statusCode).toBe(202)
    fx.setNow(start)
  })

  it('sign-in codes: a second process of the installation (another app on the same database) counts with the first', async () => {
    const other = await buildTestApp(fx.database, {
      clock: fx.now, keys: fx.deps.keys, calendar: fx.deps.calendar, signer: LocalKeyFileSigner.ephemeral(),
      config: { logLevel: 'silent', portalSignInCodesPerIpPerHour: 3 },
    })
    try {
      const ask = (server: FastifyInstance, n: number) => server.inject({ method: 'POST', url: '/v1/operators/tw/portal/sign-in', remoteAddress: '203.0.113.90', payload: { identifier: { kind: 'phone', value: phone(n) } } })
      expect((await ask(app, 540)).statusCode).toBe(202)
      expect((await ask(other, 541)).statusCode).toBe(202)
      expect((await ask(app, 542)).statusCode).toBe(202)
      expect((await ask(other, 543)).json().code).toBe('DERBES_PORTAL_TOO_MANY_FROM_ADDRESS')
      expect((await ask(app, 544)).json().code).toBe('DERBES_PORTAL_TOO_MANY_FROM_ADDRESS')
    } finally {
      await other.close()
    }
  })

  it('sign-in codes: the 5 per phone per hour (from any addresses) answer 429 with Retry-After too', async () => {
    for (let i = 1; i <= 5; i++) expect((await askCode(`198.51.100.${i}`, phone(510))).statusCode).toBe(202)
    const refused = await askCode('198.51.100.6', phone(510))
    expect(refused.json().code).toBe('DERBES_PORTAL_TOO_MANY_CODES')
    expect(Number(refused.headers['retry-after'])).toBe(3600)
  })

  it('requests: 2 per signed-in subject per hour and 4 per IP address, each 429 with Retry-After, nothing registered', async () => {
    const a = await signIn('192.0.2.1', 520)
    const b = await signIn('192.0.2.2', 521)
    const c = await signIn('192.0.2.3', 522)
    for (let i = 0; i < 2; i++) expect((await submit('192.0.2.10', a)).statusCode).toBe(201)
    let before = await requests()
    // From another address all the same: the subject's limit is counted in the requests table.
    const third = await submit('192.0.2.11', a)
    expect(third.statusCode).toBe(429)
    expect(third.json()).toMatchObject({ code: 'DERBES_PORTAL_TOO_MANY_REQUESTS' })
    expect(Number(third.headers['retry-after'])).toBe(3600)
    expect(await requests()).toBe(before)

    for (let i = 0; i < 2; i++) expect((await submit('192.0.2.10', b)).statusCode).toBe(201)
    before = await requests()
    const fifth = await submit('192.0.2.10', c)
    expect(fifth.statusCode).toBe(429)
    expect(fifth.json().code).toBe('DERBES_PORTAL_TOO_MANY_FROM_ADDRESS')
    expect(Number(fifth.headers['retry-after'])).toBeGreaterThan(0)
    expect(await requests()).toBe(before)
    expect((await submit('192.0.2.12', c)).statusCode).toBe(201)
  })

  it('behind a trusted reverse proxy (config trustProxy) each client address counts apart; X-Forwarded-For from anyone else is not believed', async () => {
    const proxied = await buildTestApp(fx.database, {
      clock: fx.now, keys: fx.deps.keys, calendar: fx.deps.calendar, signer: LocalKeyFileSigner.ephemeral(),
      config: { logLevel: 'silent', portalSignInCodesPerIpPerHour: 1, trustProxy: '10.0.0.1, 192.168.0.0/16' },
    })
    try {
      const ask = (remoteAddress: string, forwardedFor: string, n: number) => proxied.inject({
        method: 'POST', url: '/v1/operators/tw/portal/sign-in', remoteAddress, headers: { 'x-forwarded-for': forwardedFor }, payload: { identifier: { kind: 'phone', value: phone(n) } },
      })
      // Through the proxy: two subjects behind it, one code each — the limit of 1 per address is each one's own.
      expect((await ask('10.0.0.1', '203.0.113.50', 530)).statusCode).toBe(202)
      expect((await ask('10.0.0.1', '203.0.113.51', 531)).statusCode).toBe(202)
      expect((await ask('10.0.0.1', '203.0.113.50', 532)).json().code).toBe('DERBES_PORTAL_TOO_MANY_FROM_ADDRESS')
      // Two trusted hops: the client is the nearest address no trusted proxy holds, not what it claims before that.
      expect((await ask('192.168.4.4', '198.18.0.1, 203.0.113.52', 533)).statusCode).toBe(202)
      expect((await ask('192.168.4.5', '198.18.0.2, 203.0.113.52', 534)).json().code).toBe('DERBES_PORTAL_TOO_MANY_FROM_ADDRESS')
      // Not a trusted proxy: its header is ignored and its own address counts, whatever it claims.
      expect((await ask('198.51.100.77', '203.0.113.60', 535)).statusCode).toBe(202)
      expect((await ask('198.51.100.77', '203.0.113.61', 536)).json().code).toBe('DERBES_PORTAL_TOO_MANY_FROM_ADDRESS')
    } finally {
      await proxied.close()
    }
  })
})
