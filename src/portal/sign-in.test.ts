import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { TEST_DATABASES } from '../db/test-databases.ts'
import { openPortalFixture, phone, type PortalFixture } from './portal-test-kit.ts'
import { SIGN_IN_TEMPLATES } from './sign-in-messages.ts'

describe.each(TEST_DATABASES)('portal sign-in on $name', (target) => {
  let fx: PortalFixture
  beforeAll(async () => {
    fx = await openPortalFixture(target)
  })
  afterAll(() => fx.close())

  const client = (n: number) => fx.subject('esp', { kind: 'client', identifiers: [{ kind: 'phone', value: phone(n) }] })
  const auditOf = async (subjectId: string) =>
    (await fx.database.db.selectFrom('audit_entries').select(['action', 'actor', 'details']).where('operator_id', '=', 'esp').where('subject_id', '=', subjectId).orderBy('seq').execute())
  const wrongFor = (code: string) => (code === '000000' ? '111111' : '000000')

  it('issue 4 item 2: a code by SMS to the registered phone (typed as 8 701 …) opens a `dss.` session; only HMAC and hash are stored; audited', async () => {
    const subjectId = await client(1)
    const asked = await fx.askCode('esp', { kind: 'phone', value: '8 701 555 00 01' }, 'ru')
    expect(asked.statusCode, asked.body).toBe(202)
    expect(asked.json()).toMatchObject({ maxAttempts: 5, codeLength: 6, expiresAt: new Date(fx.now().getTime() + 10 * 60_000).toISOString() })
    const sms = await fx.smsCode('esp', subjectId)
    expect(sms.language).toBe('ru')
    expect(sms.text).toContain('код входа в личный кабинет')
    const verified = await fx.verify('esp', asked.json().challengeId, sms.code)
    expect(verified.statusCode, verified.body).toBe(201)
    const { token, subjectId: signedIn, expiresAt } = verified.json()
    expect(token).toMatch(/^dss\.esp\.[a-z0-9]{16}\.[A-Za-z0-9_-]{43}$/)
    expect(signedIn).toBe(subjectId)
    expect(expiresAt).toBe(new Date(fx.now().getTime() + 8 * 3_600_000).toISOString())

    const me = await fx.asSubject(token, { method: 'GET', url: '/v1/operators/esp/portal/me' })
    expect(me.statusCode, me.body).toBe(200)
    expect(me.json()).toMatchObject({ subjectId, kind: 'client', language: 'ru', represents: [] })

    const [stored] = await fx.database.db.selectFrom('portal_sign_in_codes').selectAll().where('challenge_id', '=', asked.json().challengeId).execute()
    expect(stored!.code_hmac).not.toContain(sms.code)
    expect(JSON.stringify(stored)).not.toContain('7015550001')
    const [session] = await fx.database.db.selectFrom('portal_sessions').selectAll().where('subject_id', '=', subjectId).execute()
    expect(session!.secret_hash).toMatch(/^[0-9a-f]{64}$/)
    expect(token).not.toContain(session!.secret_hash)
    expect((await auditOf(subjectId)).map((a) => [a.action, a.actor])).toEqual([
      ['collect', 'test'],
      ['use', 'portal:sign-in'],
      ['subject_signed_in', `subject:${subjectId}`],
    ])
  })

  it('a wrong code is counted (5 attempts), then even the right code is refused; a used code works once', async () => {
    const subjectId = await client(2)
    const asked = await fx.askCode('esp', { kind: 'phone', value: phone(2) })
    const { code } = await fx.smsCode('esp', subjectId)
    const challengeId = asked.json().challengeId
    for (let left = 4; left >= 0; left--) {
      const wrong = await fx.verify('esp', challengeId, wrongFor(code))
      expect(wrong.statusCode).toBe(422)
      expect(wrong.json()).toMatchObject({ code: 'DERBES_PORTAL_CODE_WRONG', errors: [{ pointer: '/body/code' }] })
      expect(wrong.json().detail).toContain(`${left} attempt(s) left`)
    }
    const exhausted = await fx.verify('esp', challengeId, code)
    expect(exhausted.json().code).toBe('DERBES_PORTAL_CODE_ATTEMPTS_EXHAUSTED')

    const again = await fx.askCode('esp', { kind: 'phone', value: phone(2) })
    const fresh = await fx.smsCode('esp', subjectId)
    expect((await fx.verify('esp', again.json().challengeId, fresh.code)).statusCode).toBe(201)
    const reused = await fx.verify('esp', again.json().challengeId, fresh.code)
    expect(reused.statusCode).toBe(409)
    expect(reused.json().code).toBe('DERBES_PORTAL_CODE_USED')
    expect((await fx.verify('esp', 'no-such-challenge', fresh.code)).json().code).toBe('DERBES_PORTAL_CODE_UNKNOWN')
  })

  it('a code expires after 10 minutes', async () => {
    const subjectId = await client(3)
    const asked = await fx.askCode('esp', { kind: 'phone', value: phone(3) })
    const { code } = await fx.smsCode('esp', subjectId)
    const start = fx.now()
    try {
      fx.setNow(new Date(start.getTime() + 10 * 60_000))
      const late = await fx.verify('esp', asked.json().challengeId, code)
      expect(late.statusCode).toBe(422)
      expect(late.json().code).toBe('DERBES_PORTAL_CODE_EXPIRED')
    } finally {
      fx.setNow(start)
    }
  })

  it('no enumeration: an unknown phone gets the same 202, no SMS, no audit, and its code is "wrong" like any wrong code', async () => {
    await client(4)
    const unknown = await fx.askCode('esp', { kind: 'phone', value: phone(9004) })
    const known = await fx.askCode('esp', { kind: 'phone', value: phone(4) })
    expect(unknown.statusCode).toBe(known.statusCode)
    expect(Object.keys(unknown.json()).sort()).toEqual(Object.keys(known.json()).sort())
    expect(unknown.json()).toMatchObject({ maxAttempts: 5, codeLength: 6, expiresAt: known.json().expiresAt })
    const outbox = await fx.database.db.selectFrom('sms_outbox').select('challenge_id').execute()
    expect(outbox.map((m) => m.challenge_id)).not.toContain(unknown.json().challengeId)
    const audited = await fx.database.db.selectFrom('audit_entries').select('details').where('operator_id', '=', 'esp').execute()
    expect(JSON.stringify(audited)).not.toContain(unknown.json().challengeId)
    const guesses = await Promise.all(['123456', '000000'].map((code) => fx.verify('esp', unknown.json().challengeId, code)))
    for (const guess of guesses) {
      expect(guess.statusCode).toBe(422)
      expect(guess.json().code).toBe('DERBES_PORTAL_CODE_WRONG')
    }
  })

  it('rate limit: the 6th code within an hour is 429 for a registered and an unknown phone alike; an hour later it works again', async () => {
    await client(5)
    for (const value of [phone(5), phone(9005)]) {
      for (let i = 0; i < 5; i++) expect((await fx.askCode('esp', { kind: 'phone', value })).statusCode).toBe(202)
      const sixth = await fx.askCode('esp', { kind: 'phone', value })
      expect(sixth.statusCode).toBe(429)
      expect(sixth.json().code).toBe('DERBES_PORTAL_TOO_MANY_CODES')
    }
    const start = fx.now()
    try {
      fx.setNow(new Date(start.getTime() + 3_600_001))
      expect((await fx.askCode('esp', { kind: 'phone', value: phone(5) })).statusCode).toBe(202)
    } finally {
      fx.setNow(start)
    }
  })

  it('a phone that is not a phone is a 400 with its pointer; an unknown operator a 404', async () => {
    const bad = await fx.askCode('esp', { kind: 'phone', value: 'not a phone' })
    expect(bad.statusCode).toBe(400)
    expect(bad.json()).toMatchObject({ code: 'DERBES_IDENTIFIER_INVALID', errors: [{ pointer: '/body/identifier/value' }] })
    expect((await fx.askCode('nobody', { kind: 'phone', value: phone(6) })).statusCode).toBe(404)
    const extra = await fx.app.inject({ method: 'POST', url: '/v1/operators/esp/portal/sign-in', payload: { identifier: { kind: 'iin', value: '1' } } })
    expect(extra.statusCode).toBe(400)
  })

  it('an unknown operator: 404 for a code and for a verification, before the body is read, and no key is made or used for it', async () => {
    const spies = (['indexKey', 'wrap', 'unwrap', 'currentKeyId', 'rotate'] as const).map((method) => vi.spyOn(fx.deps.keys, method))
    try {
      const answers = [
        await fx.askCode('nobody', { kind: 'phone', value: phone(7) }),
        await fx.verify('nobody', randomUUID(), '123456'),
        await fx.app.inject({ method: 'POST', url: '/v1/operators/nobody/portal/sign-in', payload: { unknownField: 1 } }),
      ]
      for (const answer of answers) {
        expect(answer.statusCode, answer.body).toBe(404)
        expect(answer.json().code).toBe('DERBES_OPERATOR_NOT_FOUND')
      }
      for (const spy of spies) expect(spy.mock.calls.filter(([operatorId]) => operatorId === 'nobody')).toEqual([])
    } finally {
      for (const spy of spies) spy.mockRestore()
    }
  })

  it('session: ends after 30 idle minutes, after 8 hours however busy, and at sign-out', async () => {
    const subjectId = await client(7)
    const me = (token: string) => fx.asSubject(token, { method: 'GET', url: '/v1/operators/esp/portal/me' })
    const start = fx.now()
    try {
      const idle = await fx.signIn('esp', subjectId, phone(7))
      fx.setNow(new Date(start.getTime() + 29 * 60_000))
      expect((await me(idle)).statusCode).toBe(200)
      fx.setNow(new Date(start.getTime() + 59 * 60_000))
      expect((await me(idle)).statusCode).toBe(401)

      const busy = await fx.signIn('esp', subjectId, phone(7))
      const opened = fx.now().getTime()
      for (let t = 25; t < 8 * 60; t += 25) {
        fx.setNow(new Date(opened + t * 60_000))
        expect((await me(busy)).statusCode, `at ${t} min`).toBe(200)
      }
      fx.setNow(new Date(opened + 8 * 3_600_000))
      expect((await me(busy)).statusCode).toBe(401)

      const out = await fx.signIn('esp', subjectId, phone(7))
      expect((await fx.asSubject(out, { method: 'POST', url: '/v1/operators/esp/portal/sign-out' })).statusCode).toBe(204)
      const after = await me(out)
      expect(after.statusCode).toBe(401)
      expect(after.json().code).toBe('DERBES_UNAUTHENTICATED')
    } finally {
      fx.setNow(start)
    }
  })

  it('kk, ru, en: every sign-in message exists in each language, Kazakh first', () => {
    for (const template of Object.values(SIGN_IN_TEMPLATES)) {
      expect(Object.keys(template)).toEqual(['kk', 'ru', 'en'])
      for (const text of Object.values(template)) expect(text).toContain('{operator}')
    }
  })
})
