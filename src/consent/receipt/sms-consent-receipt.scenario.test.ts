import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEST_DATABASES } from '../../db/test-databases.ts'
import { startEvidenceApp } from '../evidence/evidence-test-kit.ts'
import { pendingSmsMessages } from '../evidence/index.ts'
import type { SignedConsentReceipt } from './consent-receipt.ts'
import { readPdf } from './pdf-test-kit.ts'
import { verifyReceiptWithPublicKey } from './verify-receipt.ts'

// The whole ESP-4 path through the real routes of the subjects module, the
// ledger and this one: a customer on a consultant's tablet, an SMS code,
// the consent, its receipt.
describe.each(TEST_DATABASES)('ESP-4 on $name: tablet, SMS code, consent, receipt', (target) => {
  let kit: Awaited<ReturnType<typeof startEvidenceApp>>
  let headers: Record<string, string>
  beforeAll(async () => {
    kit = await startEvidenceApp(target)
    headers = await kit.bearer('esp', ['subjects:write', 'consents:write', 'consents:read'])
  })
  afterAll(() => kit.close())

  const post = (url: string, payload: object) => kit.app.inject({ method: 'POST', url, headers, payload })

  it('records the consent only with the right code, once, and issues a receipt that verifies', async () => {
    const registered = await post('/v1/operators/esp/subjects', { kind: 'client', identifiers: [{ kind: 'phone', value: '+7 701 123 45 67' }] })
    expect(registered.statusCode, registered.body).toBe(201)
    const subjectId = registered.json().subjectId as string

    const sent = await post(`/v1/operators/esp/subjects/${subjectId}/sms-challenges`, { phone: '87011234567', formId: 'app-1', language: 'kk' })
    expect(sent.statusCode, sent.body).toBe(201)
    const { challengeId } = sent.json()
    const sms = (await pendingSmsMessages(kit.deps, 'esp')).find((m) => m.subjectId === subjectId)!
    const code = /\b(\d{6})\b/.exec(sms.text)![1]!
    const consent = (evidenceCode: string) =>
      post(`/v1/operators/esp/subjects/${subjectId}/consents`, { formId: 'app-1', language: 'kk', evidence: { method: 'sms_code', challengeId, code: evidenceCode } })

    const wrong = await consent(code === '000000' ? '111111' : '000000')
    expect(wrong.statusCode).toBe(422)
    expect(wrong.json()).toMatchObject({ code: 'DERBES_CONSENT_SMS_CODE_WRONG', errors: [{ pointer: '/body/evidence/code' }] })
    const challenge = await kit.database.db.selectFrom('sms_challenges').select(['attempts', 'consumed_at']).where('challenge_id', '=', challengeId).executeTakeFirstOrThrow()
    expect(challenge).toEqual({ attempts: 1, consumed_at: null }) // counted once, nothing else recorded
    expect(await kit.database.db.selectFrom('consent_events').select('event_id').where('subject_id', '=', subjectId).execute()).toEqual([])

    const given = await consent(code)
    expect(given.statusCode, given.body).toBe(201)
    const { eventId, record } = given.json()
    expect(record).toMatchObject({ method: 'sms_code', evidence: { checkedBy: 'derbes', challengeId, attempt: 2 } })
    expect(JSON.stringify(record)).not.toMatch(/7011234567/)
    expect(record.sealed).toMatch(/^v1\./)

    const again = await consent(code)
    expect(again.json().code).toBe('DERBES_CONSENT_SMS_CHALLENGE_USED')

    const receipt = await kit.app.inject({ method: 'GET', url: `/v1/operators/esp/consents/${eventId}/receipt`, headers })
    expect(receipt.statusCode, receipt.body).toBe(200)
    const signed = receipt.json() as SignedConsentReceipt
    const { publicKeyPem } = (await kit.app.inject({ method: 'GET', url: '/v1/consent-receipts/signing-key' })).json()
    expect(verifyReceiptWithPublicKey(signed, publicKeyPem)).toBe(true)
    expect(signed.receipt).toMatchObject({ eventId, sealedEvidence: true, auditEntry: { seq: expect.any(Number) }, record: { form: { id: 'app-1', language: 'kk' } } })

    const pdf = await kit.app.inject({ method: 'GET', url: `/v1/operators/esp/consents/${eventId}/receipt.pdf`, headers })
    const text = readPdf(pdf.rawPayload).text.replace(/\s+/g, ' ')
    expect(text).toContain('SMS-кодпен растау')
    expect(text).toContain('SMS-кодты Derbes тексерді')
  })
})
