import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEST_DATABASES } from '../../db/test-databases.ts'
import { openLedgerFixture, type LedgerFixture } from './ledger-test-support.ts'

// TTC-5: a banner on the first visit, a choice per category the visitor can change at any time; Global Privacy Control.
describe.each(TEST_DATABASES)('cookie consent (TTC-5) on $name', (target) => {
  let fx: LedgerFixture
  beforeAll(async () => {
    fx = await openLedgerFixture(target)
  })
  afterAll(() => fx.close())

  const post = (payload: Record<string, unknown>, operatorId = 'ttc') =>
    fx.app.inject({ method: 'POST', url: `/v1/operators/${operatorId}/cookie-consents`, payload: { policyVersionId: '2025-1', language: 'kk', ...payload } })
  const current = (visitorId: string) => fx.app.inject({ method: 'GET', url: `/v1/operators/ttc/cookie-consents/${visitorId}` })

  it('TTC-5: records each category of the policy shown — necessary always on, the rest only when chosen — and the latest choice wins', async () => {
    const res = await post({ visitorId: 'visitor-a1', choices: { analytics: true, necessary: false } })
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json()).toMatchObject({ policyVersionId: '2025-1', gpc: false, choices: { necessary: true, functional: false, analytics: true, marketing: false } })
    expect(res.json().recordHash).toMatch(/^[0-9a-f]{64}$/)
    await post({ visitorId: 'visitor-a1', choices: { analytics: false, marketing: true } })
    expect((await current('visitor-a1')).json().choices).toEqual({ necessary: true, functional: false, analytics: false, marketing: true })
    const stored = await fx.database.db.selectFrom('cookie_consents').select('consent_id').where('visitor_id', '=', 'visitor-a1').execute()
    expect(stored).toHaveLength(2)
    const events = await fx.database.db.selectFrom('event_outbox').select(['type', 'subject_id']).where('type', '=', 'cookie_consent.recorded').execute()
    expect(events.length).toBeGreaterThanOrEqual(2)
    expect(events.every((e) => e.subject_id === null)).toBe(true)
  })

  it('Global Privacy Control refuses every optional category whatever was ticked', async () => {
    const res = await post({ visitorId: 'visitor-gpc', choices: { analytics: true, marketing: true, functional: true }, gpc: true })
    expect(res.json()).toMatchObject({ gpc: true, choices: { necessary: true, functional: false, analytics: false, marketing: false } })
  })

  it('refuses a category the policy does not declare, a version never published, a policy without cookies — storing nothing', async () => {
    const unknown = await post({ visitorId: 'visitor-bad1', choices: { tracking: true } })
    expect(unknown.statusCode).toBe(422)
    expect(unknown.json()).toMatchObject({ code: 'DERBES_COOKIE_CHOICE_INVALID', errors: [{ pointer: '/body/choices/tracking' }] })
    const version = await post({ visitorId: 'visitor-bad1', policyVersionId: '1999-1', choices: {} })
    expect(version.json()).toMatchObject({ code: 'DERBES_COOKIE_CHOICE_INVALID', errors: [{ pointer: '/body/policyVersionId' }] })
    const noCookies = await post({ visitorId: 'visitor-bad1', choices: {} }, 'tw')
    expect(noCookies.json().code).toBe('DERBES_COOKIE_CHOICE_INVALID')
    const badVisitor = await post({ visitorId: 'x', choices: {} })
    expect(badVisitor.statusCode).toBe(400)
    expect(badVisitor.json().errors[0].pointer).toBe('/body/visitorId')
    expect((await current('visitor-bad1')).statusCode).toBe(404)
  })

  it('KZK: its banner has necessary and analytics cookies only', async () => {
    const res = await post({ visitorId: 'visitor-kzk1', choices: { analytics: true } }, 'kzk')
    expect(res.json().choices).toEqual({ necessary: true, analytics: true })
  })
})
