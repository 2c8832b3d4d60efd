import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEST_DATABASES } from '../../db/test-databases.ts'
import { FIXTURE_TIMEOUT_MS, openRequestsFixture, type RequestsFixture } from '../requests-test-kit.ts'

// TechnoWomen: access within 15 days (TW-9.1–9.2), corrections within 1 business day of proof (TW-9.3),
// from the subject, a representative or the authorised body (TW-9.5), unlawful processing stopped in 3 (TW-9.6).
describe.each(TEST_DATABASES)('TW request scenarios on $name', (target) => {
  let fx: RequestsFixture
  let token: string
  const submit = (payload: Record<string, unknown>) => fx.call(token, { method: 'POST', url: '/v1/operators/tw/requests', payload })
  const read = async (requestId: string) => (await fx.call(token, { method: 'GET', url: `/v1/operators/tw/requests/${requestId}` })).json()
  beforeAll(async () => {
    fx = await openRequestsFixture(target, undefined, { seeds: ['tw'] })
    token = await fx.token('tw')
  }, FIXTURE_TIMEOUT_MS)
  afterAll(() => fx.close())

  it('TW-9.1: access is due within 15 days of the request, counted in calendar days', async () => {
    const subjectId = await fx.subject('tw', { kind: 'user', identifiers: [{ kind: 'email', value: 'aziza@example.kz' }] })
    const res = await submit({ kind: 'access', channel: 'electronic_document', subject: { identifier: { kind: 'email', value: 'Aziza@Example.kz' } } })
    expect(res.json()).toMatchObject({ subjectId, state: 'in_progress', dueOn: '2026-12-17', dueBasis: { rule: 'policy', days: 15, unit: 'calendar', clauses: ['TW-9.1', 'TW-9.2'] } })
    const { requestId } = res.json()
    fx.setNow('2026-12-17T18:00:00+05:00')
    expect(await read(requestId)).toMatchObject({ overdue: false, businessDaysLeft: 0 })
    fx.setNow('2026-12-18T09:00:00+05:00')
    expect(await read(requestId)).toMatchObject({ overdue: true, businessDaysLeft: -1 })
    fx.setNow('2026-12-02T10:00:00+05:00')
  })

  it('TW-9.3: a correction is backed by documents and due 1 business day after receipt', async () => {
    const subjectId = await fx.subject('tw', { kind: 'user' })
    const missing = await submit({ kind: 'rectify', channel: 'post', subject: { subjectId }, content: { items: [{ itemId: 'position', value: 'CTO' }] } })
    expect(missing.json()).toMatchObject({ status: 400, code: 'DERBES_VALIDATION', errors: [{ pointer: '/body/content/items/0/documents' }] })
    const backed = await submit({
      kind: 'supplement',
      channel: 'post',
      receivedAt: '2026-12-01T15:00:00+05:00',
      subject: { subjectId },
      content: { items: [{ itemId: 'website', value: 'https://technowomen.kz', documents: [{ sha256: '3'.repeat(64), description: 'letter of the organisation' }] }] },
    })
    expect(backed.json()).toMatchObject({ state: 'in_progress', dueOn: '2026-12-02', dueBasis: { clauses: ['TW-9.3'] }, scope: { items: ['website'] } })
    expect(backed.body).not.toContain('technowomen.kz')
  })

  it('TW-9.5: a correction may come from the authorised body', async () => {
    const subjectId = await fx.subject('tw', { kind: 'user' })
    const res = await submit({
      kind: 'rectify',
      channel: 'electronic_document',
      requestedBy: 'authorised_body',
      subject: { subjectId },
      content: { items: [{ itemId: 'company-bin', value: '940140000385', documents: [{ sha256: '4'.repeat(64), description: 'order of the authorised body' }] }] },
    })
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json()).toMatchObject({ requestedBy: 'authorised_body', state: 'in_progress' })
  })

  it('TW-9.6: stopping unlawful processing is due in 3 business days; art. 8(7) gives a withdrawal 15 working days', async () => {
    const subjectId = await fx.subject('tw', { kind: 'user' })
    expect((await submit({ kind: 'stop_unlawful_processing', channel: 'post', subject: { subjectId }, content: { text: 'my profile is shown after I asked to hide it' } })).json()).toMatchObject({
      dueOn: '2026-12-07',
      dueBasis: { rule: 'policy', days: 3, clauses: ['TW-9.6'] },
    })
    expect((await submit({ kind: 'withdraw_consent', channel: 'post', subject: { subjectId }, content: { purposes: ['newsletters'] } })).json()).toMatchObject({
      dueOn: '2026-12-24',
      dueBasis: { rule: 'law', article: 'art. 8(7)' },
      scope: { purposes: ['newsletters'], whole: false },
    })
  })
})
