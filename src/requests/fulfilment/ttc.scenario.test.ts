import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { giveConsent, openObligation, readConsentState } from '../../consent/index.ts'
import { TEST_DATABASES } from '../../db/test-databases.ts'
import { getSubject } from '../../subjects/index.ts'
import { openFulfilmentFixture, type FulfilmentFixture } from './fulfilment-test-kit.ts'

// Transtelecom: a written withdrawal stops processing and deletes the account within 1 business day
// (TTC-9.3), unless an obligation is open (TTC-9.1, art. 8(2)); marketing is withdrawn per channel (TTC-9.4).
describe.each(TEST_DATABASES)('TTC fulfilment scenarios on $name', (target) => {
  let fx: FulfilmentFixture
  beforeAll(async () => {
    fx = await openFulfilmentFixture(target)
  })
  afterAll(() => fx.close())

  async function subscriber(): Promise<string> {
    const subjectId = await fx.subject('ttc', {
      kind: 'subscriber',
      data: [
        { itemId: 'full-name', value: 'Нұрлан Әбенов', source: 'subject', purposes: ['contract'] },
        { itemId: 'contact-phones', value: '87015550707', source: 'subject', purposes: ['contract'] },
      ],
    })
    await giveConsent(fx.deps, { operatorId: 'ttc', subjectId, formId: 'app-2', language: 'kk', evidence: { method: 'application', reference: 'app-2 signed 2026-11-30' }, recordedBy: 'test' })
    return subjectId
  }

  const letter = { channel: 'post' as const, postalReference: 'RR000111222KZ', requester: { email: 'nurlan@example.kz', postalAddress: 'Астана, Қонаев 12' } }

  it('TTC-9.3: a registered letter withdrawing consent stops processing and deletes the account within 1 business day', async () => {
    const subjectId = await subscriber()
    const { requestId, state } = await fx.submit({ operatorId: 'ttc', kind: 'withdraw_consent', subject: { subjectId }, content: { formId: 'app-2' }, ...letter })
    expect(state).toBe('in_progress')

    await fx.fulfil()
    const tasks = await fx.tasks('ttc', requestId)
    expect(tasks.map((t) => `${t.target}:${t.target_id ?? ''}:${t.action}:${t.state}`)).toEqual(['ledger:app-2:withdraw_consent:done', 'vault::delete:done'])
    expect(tasks[0]!.result).toMatchObject({ outcome: 'withdrawn' })
    expect(await readConsentState(fx.deps.db, 'ttc', subjectId, ['given'])).toEqual([])
    expect((await getSubject(fx.deps, 'ttc', subjectId)).status).toBe('destroyed')

    const request = await fx.request('ttc', requestId)
    expect(request.state).toBe('answered')
    expect(new Date(request.answered_at!).getTime()).toBeLessThanOrEqual(new Date(request.due_at).getTime())
    // The account is gone, yet the answer was kept — under a key of its own — and the request's contacts too.
    const answer = await fx.deps.db.selectFrom('request_answers').selectAll().where('operator_id', '=', 'ttc').where('request_id', '=', requestId).executeTakeFirstOrThrow()
    expect(answer).toMatchObject({ outcome: 'fulfilled' })
    expect(answer.sealed_key_id).not.toBeNull()
    const seal = await fx.deps.db.selectFrom('requests').select(['sealed_key_id']).where('operator_id', '=', 'ttc').where('request_id', '=', requestId).executeTakeFirstOrThrow()
    expect(seal.sealed_key_id).not.toBeNull()
    const { audit } = await fx.trail('ttc', requestId)
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['request_tasks_planned', 'request_answered']))
    const destroyed = await fx.deps.db.selectFrom('audit_entries').select(['details']).where('operator_id', '=', 'ttc').where('subject_id', '=', subjectId).where('action', '=', 'destroy').execute()
    expect(destroyed).toEqual([{ details: expect.objectContaining({ reason: 'consent_withdrawn' }) }])
  })

  it('TTC-9.1, art. 8(2): an obligation opened after the letter arrived stops the withdrawal — the request is refused, the account kept, the refusal letter kept', async () => {
    const subjectId = await subscriber()
    const { requestId } = await fx.submit({ operatorId: 'ttc', kind: 'withdraw_consent', subject: { subjectId }, content: { formId: 'app-2' }, ...letter })
    await openObligation(fx.deps, { operatorId: 'ttc', subjectId, obligationId: 'inv-2026-12', kind: 'unpaid_invoice' })

    await fx.fulfil()
    const tasks = await fx.tasks('ttc', requestId)
    expect(tasks.map((t) => `${t.target}:${t.action}:${t.state}`)).toEqual(['ledger:withdraw_consent:done', 'vault:delete:cancelled'])
    const request = await fx.request('ttc', requestId)
    expect(request.state).toBe('refused')
    expect(request.refusal).toMatchObject({ ground: 'obligation_unfulfilled', clauses: expect.arrayContaining(['art. 8(2)']) })
    expect((await getSubject(fx.deps, 'ttc', subjectId)).status).toBe('active')
    expect((await readConsentState(fx.deps.db, 'ttc', subjectId, ['given'])).length).toBeGreaterThan(0)
    const answer = await fx.deps.db.selectFrom('request_answers').select(['outcome']).where('operator_id', '=', 'ttc').where('request_id', '=', requestId).executeTakeFirstOrThrow()
    expect(answer.outcome).toBe('refused')
  })

  it('TTC-9.1: a withdrawal refused on intake for an open obligation gets its refusal letter from the runner, and nothing runs', async () => {
    const subjectId = await subscriber()
    await openObligation(fx.deps, { operatorId: 'ttc', subjectId, obligationId: 'inv-2026-13', kind: 'unpaid_invoice' })
    const { requestId, state } = await fx.submit({ operatorId: 'ttc', kind: 'withdraw_consent', subject: { subjectId }, content: { formId: 'app-2' }, ...letter })
    expect(state).toBe('refused')
    const runs = await fx.fulfil()
    expect(runs[0]!.refusalsSent).toBeGreaterThanOrEqual(1)
    expect(await fx.tasks('ttc', requestId)).toEqual([])
    const answer = await fx.deps.db.selectFrom('request_answers').select(['outcome']).where('operator_id', '=', 'ttc').where('request_id', '=', requestId).executeTakeFirstOrThrow()
    expect(answer.outcome).toBe('refused')
  })

  it('TTC-9.4: marketing by SMS withdrawn alone — the other channels, the contract and the account stay', async () => {
    const subjectId = await subscriber()
    const before = await readConsentState(fx.deps.db, 'ttc', subjectId, ['given'])
    expect(before.some((r) => r.purposeId === 'marketing' && r.channel === 'sms')).toBe(true)
    const { requestId } = await fx.submit({ operatorId: 'ttc', kind: 'marketing_opt_out', subject: { subjectId }, content: { channels: { marketing: ['sms'] } }, ...letter })

    await fx.fulfil()
    expect((await fx.tasks('ttc', requestId)).map((t) => `${t.target}:${t.target_id}:${t.state}`)).toEqual(['ledger:app-2:done'])
    const after = await readConsentState(fx.deps.db, 'ttc', subjectId)
    const status = (purposeId: string, channel: string) => after.find((r) => r.purposeId === purposeId && r.channel === channel)?.status
    expect(status('marketing', 'sms')).toBe('withdrawn')
    expect(status('marketing', 'email')).toBe('given')
    expect((await getSubject(fx.deps, 'ttc', subjectId)).status).toBe('active')
    expect((await fx.request('ttc', requestId)).state).toBe('answered')
  })
})
