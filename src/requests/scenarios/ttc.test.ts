import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fulfilObligation, openObligation } from '../../consent/index.ts'
import { TEST_DATABASES } from '../../db/test-databases.ts'
import { remindAndEscalate } from '../remind-and-escalate.ts'
import { FIXTURE_TIMEOUT_MS, openRequestsFixture, type RequestsFixture } from '../requests-test-kit.ts'

// Transtelecom: written applications by registered letter or courier (TTC-9.2), handled within 1 business
// day of receipt (TTC-9.3), suspended while the subscriber owes the Company (TTC-9.1), marketing per channel (TTC-9.4).
describe.each(TEST_DATABASES)('TTC request scenarios on $name', (target) => {
  let fx: RequestsFixture
  let token: string
  const submit = (payload: Record<string, unknown>) => fx.call(token, { method: 'POST', url: '/v1/operators/ttc/requests', payload })
  beforeAll(async () => {
    fx = await openRequestsFixture(target, undefined, { seeds: ['ttc'] })
    token = await fx.token('ttc')
  }, FIXTURE_TIMEOUT_MS)
  afterAll(() => fx.close())

  it('TTC-9.2, TTC-9.3: a registered letter withdrawing consent, registered the next morning, is due 1 business day after its receipt', async () => {
    const subjectId = await fx.subject('ttc', { kind: 'subscriber' })
    fx.setNow('2026-12-03T09:30:00+05:00')
    const res = await submit({
      kind: 'withdraw_consent',
      channel: 'post',
      receivedAt: '2026-12-02T17:45:00+05:00',
      subject: { subjectId },
      scanSha256: '1'.repeat(64),
      postalReference: 'RR987654321KZ',
      content: { formId: 'app-2' },
    })
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json()).toMatchObject({
      state: 'in_progress',
      dueOn: '2026-12-03',
      businessDaysLeft: 0,
      dueBasis: { rule: 'policy', clauses: ['TTC-9.3'], considered: [{ rule: 'policy' }, { rule: 'law', article: 'art. 8(7)', dueOn: '2026-12-24' }] },
      scope: { formId: 'app-2', whole: true },
      scanSha256: '1'.repeat(64),
      postalReference: 'RR987654321KZ',
    })
    // Not answered by the end of 3 December: on the 4th it is overdue, escalated and first in the list.
    fx.setNow('2026-12-04T09:00:00+05:00')
    const { escalated } = await remindAndEscalate(fx.deps)
    expect(escalated.map((n) => n.requestId)).toContain(res.json().requestId)
    const list = (await fx.call(token, { method: 'GET', url: '/v1/operators/ttc/requests?due=overdue' })).json()
    expect(list.items[0]).toMatchObject({ requestId: res.json().requestId, overdue: true, businessDaysLeft: -1 })
    fx.setNow('2026-12-02T10:00:00+05:00')
  })

  it('TTC-9.1: a withdrawal is refused while an obligation is open, citing TTC-9.1 and art. 8(2); accepted once it is fulfilled', async () => {
    const subjectId = await fx.subject('ttc', { kind: 'subscriber' })
    await openObligation(fx.deps, { operatorId: 'ttc', subjectId, obligationId: 'router-return', kind: 'equipment_return' })
    const refused = (await submit({ kind: 'withdraw_consent', channel: 'courier', subject: { subjectId } })).json()
    expect(refused).toMatchObject({ state: 'refused', refusal: { ground: 'obligation_unfulfilled', detail: 'open obligations: router-return (equipment_return)' } })
    expect(refused.refusal.clauses).toEqual(expect.arrayContaining(['TTC-9.1', 'art. 8(2)']))
    // TTC-9.1 names deletion too.
    expect((await submit({ kind: 'destroy_unlawful', channel: 'post', subject: { subjectId } })).json()).toMatchObject({ state: 'refused', refusal: { ground: 'obligation_unfulfilled' } })

    await fulfilObligation(fx.deps, 'ttc', subjectId, 'router-return')
    expect((await submit({ kind: 'withdraw_consent', channel: 'courier', subject: { subjectId } })).json()).toMatchObject({ state: 'in_progress', refusal: null })
  })

  it('TTC-9.3: change, supplement and block are due 1 business day after receipt — across Nauryz, 21–25 March 2026', async () => {
    fx.setNow('2026-03-20T16:00:00+05:00')
    const subjectId = await fx.subject('ttc', { kind: 'subscriber' })
    const rectify = await submit({
      kind: 'rectify',
      channel: 'post',
      subject: { subjectId },
      content: { items: [{ itemId: 'postal-address', value: 'Астана, Қонаев көш. 10', documents: [{ sha256: '2'.repeat(64) }] }] },
    })
    expect(rectify.json()).toMatchObject({ dueOn: '2026-03-26', businessDaysLeft: 1, dueBasis: { receivedOn: '2026-03-20', days: 1, unit: 'business' } })
    const block = (await submit({ kind: 'block', channel: 'post', subject: { subjectId } })).json()
    expect(block.dueOn).toBe('2026-03-26')
    fx.setNow('2026-12-02T10:00:00+05:00')
  })

  it('TTC-9.4: stopping marketing by SMS only is registered per channel, due in 1 business day', async () => {
    const subjectId = await fx.subject('ttc', { kind: 'subscriber' })
    const res = await submit({ kind: 'marketing_opt_out', channel: 'post', subject: { subjectId }, content: { channels: { marketing: ['sms'] } } })
    expect(res.json()).toMatchObject({ state: 'in_progress', dueOn: '2026-12-03', dueBasis: { clauses: ['TTC-9.4'] }, scope: { channels: { marketing: ['sms'] }, whole: false } })
    const fax = await submit({ kind: 'marketing_opt_out', channel: 'post', subject: { subjectId }, content: { channels: { marketing: ['fax'] } } })
    expect(fax.json()).toMatchObject({ status: 400, errors: [{ pointer: '/body/content/channels/marketing/0' }] })
  })
})
