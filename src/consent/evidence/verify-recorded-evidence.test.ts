import { describe, expect, it } from 'vitest'
import { MemoryKeyProvider } from '../../subjects/crypto/index.ts'
import type { EvidenceInput } from './evidence-input.ts'
import { verifyEvidence } from './verify-evidence.ts'

// These methods touch no table, so no database is opened: `db` is never used.
const db = undefined as never
const now = new Date('2026-12-02T10:00:00Z')
const deps = { clock: () => now, keys: new MemoryKeyProvider() }
const context = { operatorId: 'ttc', subjectId: 's-1', textHash: 'a'.repeat(64) }
const verify = (input: unknown) => verifyEvidence(db, deps, context, input as EvidenceInput)

describe('recorded evidence', () => {
  it('keeps a ticked box’s time in the summary and IP, user agent, page sealed (TTC-1.6: «Мен дербес деректерімді өңдеуге келісемін»)', async () => {
    const evidence = await verify({ method: 'checkbox', checkedAt: '2026-12-02T14:59:00+05:00', ip: '2a02:6b8::1', userAgent: 'Mozilla/5.0', pageUrl: 'https://telecom.kz/consent?phone=7011234567' })
    expect(evidence).toEqual({
      method: 'checkbox',
      summary: { method: 'checkbox', textHash: context.textHash, checkedAt: '2026-12-02T09:59:00.000Z', recorded: ['ip', 'pageUrl', 'userAgent'] },
      sealed: { ip: '2a02:6b8::1', userAgent: 'Mozilla/5.0', pageUrl: 'https://telecom.kz/consent?phone=7011234567' },
    })
    expect(JSON.stringify(evidence.summary)).not.toMatch(/2a02|Mozilla|7011234567/)
  })

  it('dates registration and continued use now when no time is given (KZK-2.3.4, TTC-1.6)', async () => {
    for (const method of ['registration', 'continued_use', 'form_submission'] as const) {
      const evidence = await verify({ method })
      expect(evidence.summary).toMatchObject({ method, checkedAt: now.toISOString(), recorded: [] })
      expect(evidence.sealed).toEqual({})
    }
  })

  it('registers a signed paper form by its scan hash and the day it arrived (TTC-1.6, App.2 §2)', async () => {
    const evidence = await verify({ method: 'paper_signature', scanSha256: 'AB'.repeat(32), receivedAt: '2026-11-30T09:00:00+05:00' })
    expect(evidence.summary).toMatchObject({ scanSha256: 'ab'.repeat(32), receivedAt: '2026-11-30T04:00:00.000Z', registeredAt: now.toISOString() })
  })

  it('keeps a call recording’s reference sealed — it may carry the caller’s number (ESP-4)', async () => {
    const evidence = await verify({ method: 'call_recording', recordingRef: 'pbx/2026/12/+77011234567-0931.wav', calledAt: '2026-12-02T09:31:00Z' })
    expect(evidence.summary).toEqual({ method: 'call_recording', textHash: context.textHash, calledAt: '2026-12-02T09:31:00.000Z' })
    expect(evidence.sealed).toEqual({ recordingRef: 'pbx/2026/12/+77011234567-0931.wav' })
  })

  it('records a state service or application reference (art. 8(1))', async () => {
    const evidence = await verify({ method: 'state_service', reference: 'egov-2026-000123' })
    expect(evidence.summary).toMatchObject({ method: 'state_service', reference: 'egov-2026-000123' })
  })

  it.each([
    [{ method: 'checkbox', checkedAt: '2026-12-02T11:00:00Z' }, '/body/evidence/checkedAt', /future/],
    [{ method: 'checkbox', ip: '999.1.1.1' }, '/body/evidence/ip', /IPv4 or IPv6/],
    [{ method: 'paper_signature', scanSha256: 'abc' }, '/body/evidence/scanSha256', /pattern/],
    [{ method: 'paper_signature', scanSha256: 'a'.repeat(64), receivedAt: '2027-01-01T00:00:00Z' }, '/body/evidence/receivedAt', /future/],
    [{ method: 'call_recording' }, '/body/evidence', /recordingRef/],
    [{ method: 'checkbox', code: '123456' }, '/body/evidence/code', /not a field/],
    [{ method: 'telepathy' }, '/body/evidence/method', /one of/],
    [{ method: 'sms_code', challengeId: 'x', code: '12345' }, '/body/evidence/code', /pattern/],
  ])('refuses %j with a pointer to the field', async (input, pointer, detail) => {
    const refusal = await verify(input).catch((error: unknown) => error)
    expect(refusal).toMatchObject({ code: 'DERBES_CONSENT_EVIDENCE_INVALID', status: 422 })
    expect((refusal as { errors: { pointer: string; detail: string }[] }).errors).toContainEqual({ pointer, detail: expect.stringMatching(detail) })
  })
})
