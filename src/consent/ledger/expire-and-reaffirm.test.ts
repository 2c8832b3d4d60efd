import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseDocument } from 'yaml'
import { TEST_DATABASES } from '../../db/test-databases.ts'
import { approvePolicyVersion, publishPolicyVersion, uploadPolicyVersion } from '../../operators/index.ts'
import { expireConsents } from './expire-consents.ts'
import { auditOf, bearer, insertSubject, openLedgerFixture, outboxOf, type LedgerFixture } from './ledger-test-support.ts'

const TW = readFileSync(new URL('../../../policies/tw.yaml', import.meta.url), 'utf8')

/** TW's policy with version 2 of its form: a new text and a term of one year. */
function twWithYearlyConsent(): string {
  const doc = parseDocument(TW)
  doc.setIn(['version', 'id'], '2026-2')
  doc.setIn(['consentForms', 0, 'version'], 2)
  doc.setIn(['consentForms', 0, 'term'], { duration: 'P1Y' })
  doc.setIn(['consentForms', 0, 'text', 'en'], 'I consent to the processing of my personal data for one year (version 2).')
  return doc.toString()
}

// TTC-1.8 / TW-10: a new version of the form; the consent re-affirmed on it; its term (art. 8(4)(3)) runs out.
describe.each(TEST_DATABASES)('re-affirmation and expiry on $name', (target) => {
  let fx: LedgerFixture
  let auth: { authorization: string }
  beforeAll(async () => {
    fx = await openLedgerFixture(target)
    auth = await bearer(fx.deps, 'tw', ['consents:write', 'consents:read'])
  })
  afterAll(() => fx.close())

  it('re-affirms a consent on the newer form version, then expires it when its year is over', async () => {
    fx.setNow('2026-12-02T10:00:00+05:00')
    const subjectId = await insertSubject(fx.deps, 'tw', { kind: 'user' })
    const url = `/v1/operators/tw/subjects/${subjectId}/consents`
    const given = (await fx.app.inject({ method: 'POST', url, headers: auth, payload: { formId: 'privacy-policy', language: 'en', evidence: { method: 'registration' } } })).json()
    const reaffirm = () => fx.app.inject({ method: 'POST', url: `${url}/${given.eventId}/reaffirm`, headers: auth, payload: { evidence: { method: 'form_submission' } } })

    const current = await reaffirm()
    expect(current.statusCode).toBe(409)
    expect(current.json().code).toBe('DERBES_CONSENT_ALREADY_CURRENT')

    const deps = { db: fx.database.db, clock: fx.deps.clock }
    await uploadPolicyVersion(deps, { source: twWithYearlyConsent(), format: 'yaml', uploadedBy: 'test', operatorId: 'tw' })
    await approvePolicyVersion(deps, 'tw', '2026-2', { approvedBy: 'Chair', order: '№2' })
    await publishPolicyVersion(deps, 'tw', '2026-2', 'dpo')

    // The old version shown is refused for new consents (TTC-1.8).
    const stale = await fx.app.inject({ method: 'POST', url, headers: auth, payload: { formId: 'privacy-policy', formVersion: 1, language: 'en', evidence: { method: 'registration' } } })
    expect(stale.json().code).toBe('DERBES_CONSENT_FORM_OUTDATED')

    const res = await reaffirm()
    expect(res.statusCode, res.body).toBe(201)
    const reaffirmed = res.json()
    expect(reaffirmed.record).toMatchObject({
      kind: 'reaffirmed', previousEventId: given.eventId, form: { version: 2, policyVersionId: '2026-2', language: 'en' },
      expiresAt: '2027-12-02T05:00:00.000Z', purposes: given.record.purposes,
    })
    expect(reaffirmed.state.every((s: { formVersion: number; eventId: string }) => s.formVersion === 2 && s.eventId === reaffirmed.eventId)).toBe(true)
    expect((await reaffirm()).json().code).toBe('DERBES_CONSENT_NOT_ACTIVE')

    expect(await expireConsents(fx.deps, new Date('2027-12-02T09:59:59+05:00'))).toBe(0)
    fx.setNow('2027-12-02T10:00:00+05:00')
    expect(await expireConsents(fx.deps, fx.deps.clock())).toBe(1)
    expect(await expireConsents(fx.deps, fx.deps.clock())).toBe(0)

    const { state, history } = (await fx.app.inject({ method: 'GET', url, headers: auth })).json()
    expect(state.every((s: { status: string }) => s.status === 'expired')).toBe(true)
    expect(history.map((e: { kind: string }) => e.kind)).toEqual(['expired', 'reaffirmed', 'given'])
    expect(history[0].record).toMatchObject({ previousEventId: reaffirmed.eventId, effectiveAt: '2027-12-02T05:00:00.000Z', recordedBy: 'system', method: null })
    expect((await auditOf(fx.deps, 'tw', subjectId)).map((a) => a.action)).toEqual(['consent_given', 'consent_reaffirmed', 'consent_expired'])
    expect((await outboxOf(fx.deps, 'tw', subjectId)).map((e) => e.type)).toEqual(['consent.given', 'consent.reaffirmed', 'consent.expired'])
  })
})
