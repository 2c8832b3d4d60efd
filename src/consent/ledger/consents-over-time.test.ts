import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEST_DATABASES } from '../../db/test-databases.ts'
import { bearer, insertSubject, openLedgerFixture, type LedgerFixture } from './ledger-test-support.ts'

// Issue 6 §1: "consents given and withdrawn over time (a chart)" — the counts behind the console's chart.
describe.each(TEST_DATABASES)('consents over time on $name', (target) => {
  let fx: LedgerFixture
  let writer: { authorization: string }
  let reader: { authorization: string }
  beforeAll(async () => {
    fx = await openLedgerFixture(target, '2026-11-30T10:00:00+05:00') // a Monday
    writer = await bearer(fx.deps, 'esp', ['consents:write'])
    reader = await bearer(fx.deps, 'esp', ['consents:read'])
    const give = async (subjectId: string) =>
      expect((await fx.app.inject({ method: 'POST', url: `/v1/operators/esp/subjects/${subjectId}/consents`, headers: writer, payload: { formId: 'marketing-messages', language: 'kk', evidence: { method: 'checkbox' } } })).statusCode).toBe(201)
    const [a, b, c] = [await insertSubject(fx.deps, 'esp', { kind: 'client' }), await insertSubject(fx.deps, 'esp', { kind: 'client' }), await insertSubject(fx.deps, 'esp', { kind: 'client' })]
    await give(a)
    await give(b)
    // 23:30 in Almaty on 1 December is still 1 December there, though 18:30 UTC.
    fx.setNow('2026-12-01T23:30:00+05:00')
    const refused = await fx.app.inject({ method: 'POST', url: `/v1/operators/esp/subjects/${c}/consents/refuse`, headers: writer, payload: { formId: 'marketing-messages', language: 'ru' } })
    expect(refused.json().kind, refused.body).toBe('refused')
    fx.setNow('2026-12-08T12:00:00+05:00')
    const withdrawn = await fx.app.inject({ method: 'POST', url: `/v1/operators/esp/subjects/${a}/consents/withdraw`, headers: writer, payload: { formId: 'marketing-messages', via: 'written_application' } })
    expect(withdrawn.json().outcome, withdrawn.body).toBe('withdrawn')
  })
  afterAll(() => fx.close())

  const get = (query: string, headers = reader) => fx.app.inject({ method: 'GET', url: `/v1/operators/esp/consents/over-time${query}`, headers })

  it('counts per Almaty day, every day listed, empty ones as zeros', async () => {
    const res = await get('?from=2026-11-30&to=2026-12-02')
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toEqual({
      from: '2026-11-30', to: '2026-12-02', bucket: 'day',
      periods: [
        { start: '2026-11-30', given: 2, withdrawn: 0, refused: 0, expired: 0 },
        { start: '2026-12-01', given: 0, withdrawn: 0, refused: 1, expired: 0 },
        { start: '2026-12-02', given: 0, withdrawn: 0, refused: 0, expired: 0 },
      ],
    })
  })

  it('counts per week from Monday, withdrawals included; the last 30 days by default', async () => {
    const weeks = (await get('?from=2026-11-30&to=2026-12-13&bucket=week')).json().periods
    expect(weeks.map((w: { start: string }) => w.start)).toEqual(['2026-11-30', '2026-12-07'])
    expect(weeks[0]).toMatchObject({ given: 2, refused: 1 })
    expect(weeks[1]).toMatchObject({ given: 0, withdrawn: 1 })
    const recent = (await get('')).json()
    expect(recent).toMatchObject({ from: '2026-11-09', to: '2026-12-08', bucket: 'day' })
    expect(recent.periods).toHaveLength(30)
  })

  it('refuses a range backwards or too long for its bucket, and a caller without consents:read or of another operator', async () => {
    expect((await get('?from=2026-12-02&to=2026-11-30')).json()).toMatchObject({ status: 400, code: 'DERBES_VALIDATION' })
    expect((await get('?from=2020-01-01&to=2026-12-01&bucket=day')).json()).toMatchObject({ status: 400, code: 'DERBES_VALIDATION' })
    expect((await get('?bucket=year')).statusCode).toBe(400)
    expect((await get('', await bearer(fx.deps, 'esp', ['consents:write']))).statusCode).toBe(403)
    expect((await get('', await bearer(fx.deps, 'ttc', ['consents:read']))).statusCode).toBe(403)
    expect((await fx.app.inject({ method: 'GET', url: '/v1/operators/esp/consents/over-time' })).statusCode).toBe(401)
  })
})
