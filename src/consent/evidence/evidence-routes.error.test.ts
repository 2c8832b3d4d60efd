import Fastify from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEST_DATABASES } from '../../db/test-databases.ts'
import { insertTestSubject, startEvidenceApp } from './evidence-test-kit.ts'
import { countFailedSmsAttempts, recordFailedSmsAttempt } from './sms-code-wrong-error.ts'
import { pendingSmsMessages } from './sms-outbox.ts'
import { verifyEvidence } from './verify-evidence.ts'

describe.each(TEST_DATABASES)('SMS codes refused on $name', (target) => {
  let kit: Awaited<ReturnType<typeof startEvidenceApp>>
  let write: Record<string, string>
  beforeAll(async () => {
    kit = await startEvidenceApp(target)
    write = await kit.bearer('esp', ['consents:write'])
    await insertTestSubject(kit.database.db, kit.keys, 'esp', 'owner', { phone: '+77011110000' })
  })
  afterAll(() => kit.close())

  const challenge = (subjectId: string, body: Record<string, unknown>) =>
    kit.app.inject({ method: 'POST', url: `/v1/operators/esp/subjects/${subjectId}/sms-challenges`, headers: write, payload: body })
  const rowCounts = async () => ({
    challenges: (await kit.database.db.selectFrom('sms_challenges').select('challenge_id').execute()).length,
    outbox: (await kit.database.db.selectFrom('sms_outbox').select('message_id').execute()).length,
  })
  /** A fresh subject with a challenge sent; returns what a consent request would carry. */
  const sentTo = async (subjectId: string, phone: string, language: 'kk' | 'ru' = 'kk') => {
    await insertTestSubject(kit.database.db, kit.keys, 'esp', subjectId, { phone })
    const sent = (await challenge(subjectId, { phone, formId: 'app-1', language })).json()
    const sms = (await pendingSmsMessages(kit.deps, 'esp')).find((m) => m.subjectId === subjectId)!
    const code = /\b(\d{6})\b/.exec(sms.text)![1]!
    const wrong = code === '000000' ? '111111' : '000000'
    return { challengeId: sent.challengeId as string, code, wrong, context: { operatorId: 'esp', subjectId, textHash: sent.textHash as string } }
  }
  const attempts = async (challengeId: string) =>
    (await kit.database.db.selectFrom('sms_challenges').select('attempts').where('challenge_id', '=', challengeId).executeTakeFirstOrThrow()).attempts

  it.each([
    ['a phone registered to nobody', 'owner', { phone: '+77019999999', formId: 'app-1', language: 'kk' }, 422, 'DERBES_CONSENT_SMS_PHONE_MISMATCH', '/body/phone'],
    ['not a phone number', 'owner', { phone: '+7 495 123-45-67', formId: 'app-1', language: 'kk' }, 400, 'DERBES_IDENTIFIER_INVALID', '/body/phone'],
    ['a form the policy does not publish', 'owner', { phone: '+77011110000', formId: 'no-such-form', language: 'kk' }, 422, 'DERBES_CONSENT_FORM_NOT_FOUND', '/body/formId'],
    ['a form given by checkbox only (ESP-2 marketing)', 'owner', { phone: '+77011110000', formId: 'marketing-messages', language: 'kk' }, 422, 'DERBES_CONSENT_METHOD_NOT_ALLOWED', '/body/formId'],
    ['a language other than kk, ru, en', 'owner', { phone: '+77011110000', formId: 'app-1', language: 'de' }, 400, 'DERBES_VALIDATION', '/body/language'],
    ['an unknown subject', 'nobody', { phone: '+77011110000', formId: 'app-1', language: 'kk' }, 404, 'DERBES_SUBJECT_NOT_FOUND', undefined],
  ])('refuses %s and sends nothing', async (_name, subjectId, body, status, code, pointer) => {
    const before = await rowCounts()
    const response = await challenge(subjectId, body)
    expect(response.statusCode, response.body).toBe(status)
    expect(response.json().code).toBe(code)
    if (pointer) expect(response.json().errors.map((e: { pointer: string }) => e.pointer)).toContain(pointer)
    expect(await rowCounts()).toEqual(before)
  })

  it('answers alike for another subject’s phone: the route does not tell whose number it is', async () => {
    await insertTestSubject(kit.database.db, kit.keys, 'esp', 'other', { phone: '+77012220000' })
    const response = await challenge('other', { phone: '+77011110000', formId: 'app-1', language: 'kk' })
    expect(response.json()).toMatchObject({ code: 'DERBES_CONSENT_SMS_PHONE_MISMATCH', detail: "the phone is not the registered phone of subject 'other'" })
  })

  it('sends nothing to a blocked subject (TW-2, art. 25(2)(8))', async () => {
    await insertTestSubject(kit.database.db, kit.keys, 'esp', 'blocked', { phone: '+77013330000', status: 'blocked' })
    expect((await challenge('blocked', { phone: '+77013330000', formId: 'app-1', language: 'kk' })).json().code).toBe('DERBES_SUBJECT_BLOCKED')
  })

  it('sends at most 5 codes per subject per hour, so a phone cannot be flooded', async () => {
    await insertTestSubject(kit.database.db, kit.keys, 'esp', 'flooded', { phone: '+77014440000' })
    for (let i = 0; i < 5; i++) expect((await challenge('flooded', { phone: '+77014440000', formId: 'app-1', language: 'kk' })).statusCode).toBe(201)
    const sixth = await challenge('flooded', { phone: '+77014440000', formId: 'app-1', language: 'kk' })
    expect(sixth.statusCode).toBe(429)
    expect(sixth.json().code).toBe('DERBES_CONSENT_SMS_TOO_MANY')
  })

  it('refuses a wrong code, counts it although the consent rolled back, and refuses even the right code after 5 wrong ones (ESP-4)', async () => {
    const { challengeId, code, wrong, context } = await sentTo('guesser', '+77015550000')
    for (let attempt = 1; attempt <= 5; attempt++) {
      const refusal = await kit.database.db.transaction().execute((trx) => verifyEvidence(trx, kit.deps, context, { method: 'sms_code', challengeId, code: wrong })).catch((e: unknown) => e)
      expect(refusal).toMatchObject({ code: 'DERBES_CONSENT_SMS_CODE_WRONG', message: `the SMS code is wrong; ${5 - attempt} attempt(s) left`, errors: [{ pointer: '/body/evidence/code' }] })
      // The transaction rolled back; the caller (the app's error hook, here by hand) counts the attempt.
      await recordFailedSmsAttempt(kit.database.db, refusal)
      await recordFailedSmsAttempt(kit.database.db, refusal) // counted once only
      expect(await attempts(challengeId)).toBe(attempt)
    }
    const right = await verifyEvidence(kit.database.db, kit.deps, context, { method: 'sms_code', challengeId, code }).catch((e: unknown) => e)
    expect(right).toMatchObject({ code: 'DERBES_CONSENT_SMS_ATTEMPTS_EXHAUSTED' })
  })

  it('counts a wrong code by itself when called without a transaction', async () => {
    const { challengeId, wrong, context } = await sentTo('guesser-2', '+77015550001')
    await expect(verifyEvidence(kit.database.db, kit.deps, context, { method: 'sms_code', challengeId, code: wrong })).rejects.toMatchObject({ code: 'DERBES_CONSENT_SMS_CODE_WRONG', counted: true })
    expect(await attempts(challengeId)).toBe(1)
  })

  it('counts wrong codes in any route through the error hook, also routes registered before it', async () => {
    const { challengeId, wrong, context } = await sentTo('guesser-3', '+77015550002')
    const app = Fastify()
    app.post('/consents', async () => kit.database.db.transaction().execute((trx) => verifyEvidence(trx, kit.deps, context, { method: 'sms_code', challengeId, code: wrong })))
    countFailedSmsAttempts(app, kit.database.db)
    expect((await app.inject({ method: 'POST', url: '/consents' })).statusCode).toBe(422)
    expect((await app.inject({ method: 'POST', url: '/consents' })).statusCode).toBe(422)
    await app.close()
    expect(await attempts(challengeId)).toBe(2)
  })

  it('refuses an expired code (5 minutes)', async () => {
    const { challengeId, code, context } = await sentTo('slow', '+77015550003')
    const start = kit.clock.now
    kit.clock.now = new Date(start.getTime() + 5 * 60_000)
    try {
      await expect(verifyEvidence(kit.database.db, kit.deps, context, { method: 'sms_code', challengeId, code })).rejects.toMatchObject({ code: 'DERBES_CONSENT_SMS_CHALLENGE_EXPIRED' })
    } finally {
      kit.clock.now = start
    }
  })

  it('refuses a code sent for another text: the Russian text was sent, the Kazakh one is being recorded', async () => {
    const { challengeId, code, context } = await sentTo('switcher', '+77015550004', 'ru')
    const kk = { ...context, textHash: 'f'.repeat(64) }
    await expect(verifyEvidence(kit.database.db, kit.deps, kk, { method: 'sms_code', challengeId, code })).rejects.toMatchObject({ code: 'DERBES_CONSENT_SMS_TEXT_MISMATCH' })
    expect(await attempts(challengeId)).toBe(0)
  })

  it('treats another subject’s or another operator’s challenge as unknown', async () => {
    const { challengeId, code, context } = await sentTo('victim', '+77015550005')
    await expect(verifyEvidence(kit.database.db, kit.deps, { ...context, subjectId: 'owner' }, { method: 'sms_code', challengeId, code })).rejects.toMatchObject({ code: 'DERBES_CONSENT_SMS_CHALLENGE_UNKNOWN' })
    await expect(verifyEvidence(kit.database.db, kit.deps, { ...context, operatorId: 'kzk' }, { method: 'sms_code', challengeId, code })).rejects.toMatchObject({ code: 'DERBES_CONSENT_SMS_CHALLENGE_UNKNOWN' })
    expect((await verifyEvidence(kit.database.db, kit.deps, context, { method: 'sms_code', challengeId, code })).method).toBe('sms_code')
  })
})
