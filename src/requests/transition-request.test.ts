import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEST_DATABASES } from '../db/test-databases.ts'
import { getRequest } from './get-request.ts'
import { FIXTURE_TIMEOUT_MS, openRequestsFixture, trailOf, type RequestsFixture } from './requests-test-kit.ts'
import { submitRequest } from './submit-request.ts'
import { transitionRequest, type TransitionInput } from './transition-request.ts'

describe.each(TEST_DATABASES)('transitionRequest on $name', (target) => {
  let fx: RequestsFixture
  beforeAll(async () => {
    fx = await openRequestsFixture(target, undefined, { seeds: ['tw', 'esp'] })
  }, FIXTURE_TIMEOUT_MS)
  afterAll(() => fx.close())

  const newRequest = async (kind: 'access' | 'complaint' = 'access') => {
    const subjectId = await fx.subject('tw', { kind: 'user' })
    return submitRequest(fx.deps, { operatorId: 'tw', kind, channel: 'api', subject: { subjectId }, ...(kind === 'complaint' ? { content: { text: 'a complaint' } } : {}) }, 'api_key:crm')
  }
  const move = (requestId: string, input: Partial<TransitionInput>) =>
    fx.database.db.transaction().execute((trx) => transitionRequest(trx, fx.deps, { operatorId: 'tw', requestId, actor: 'system:fulfilment', to: 'in_progress', ...input }))
  const historyLength = async (requestId: string) => (await getRequest(fx.deps, 'tw', requestId)).history.length

  it('issue 4 item 4: each step goes to the history, the audit chain and the outbox; answered is stamped', async () => {
    const request = await newRequest()
    fx.setNow('2026-12-03T11:00:00+05:00')
    const step = await move(request.requestId, { to: 'awaiting_systems', note: 'two systems to search' })
    expect(step).toMatchObject({ from: 'in_progress', to: 'awaiting_systems', actor: 'system:fulfilment', note: 'two systems to search', at: '2026-12-03T06:00:00.000Z' })
    await move(request.requestId, { to: 'answered' })
    const answered = await getRequest(fx.deps, 'tw', request.requestId)
    expect(answered).toMatchObject({ state: 'answered', answeredAt: '2026-12-03T06:00:00.000Z', overdue: false, late: false, businessDaysLeft: null })
    expect(answered.history.map((h) => h.to)).toEqual(['received', 'verifying', 'in_progress', 'awaiting_systems', 'answered'])
    const trail = await trailOf(fx.deps, 'tw', request.requestId)
    expect(trail.audit).toEqual(['request_received', ...Array(4).fill('request_state_changed')])
    expect(trail.events.slice(-3)).toEqual(['request.state_changed', 'request.state_changed', 'request.answered'])
    const audit = await fx.database.db.selectFrom('audit_entries').select(['actor', 'details', 'subject_id']).where('operator_id', '=', 'tw').orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow()
    expect(audit).toMatchObject({ actor: 'system:fulfilment', subject_id: request.subjectId, details: { requestId: request.requestId, from: 'awaiting_systems', to: 'answered', kind: 'access' } })
    fx.setNow('2026-12-02T10:00:00+05:00')
  })

  it('an illegal step is 409 and changes nothing; answered and refused are final', async () => {
    const request = await newRequest()
    const before = await historyLength(request.requestId)
    const auditBefore = (await trailOf(fx.deps, 'tw', request.requestId)).audit.length
    await expect(move(request.requestId, { to: 'verifying' })).rejects.toMatchObject({ code: 'DERBES_REQUEST_TRANSITION_NOT_ALLOWED', status: 409, errors: [{ pointer: '/body/to' }] })
    await expect(move(request.requestId, { to: 'received' })).rejects.toMatchObject({ code: 'DERBES_REQUEST_TRANSITION_NOT_ALLOWED' })
    expect(await historyLength(request.requestId)).toBe(before)
    expect((await trailOf(fx.deps, 'tw', request.requestId)).audit).toHaveLength(auditBefore)

    await move(request.requestId, { to: 'answered' })
    for (const to of ['in_progress', 'refused', 'answered'] as const) {
      await expect(move(request.requestId, { to, refusal: { ground: 'other', clauses: ['TW-9.2'] } })).rejects.toMatchObject({ code: 'DERBES_REQUEST_TRANSITION_NOT_ALLOWED' })
    }
  })

  it('a refusal needs a ground and the clauses it cites; the whole transaction rolls back without them', async () => {
    const request = await newRequest('complaint')
    await expect(move(request.requestId, { to: 'refused' })).rejects.toMatchObject({ code: 'DERBES_VALIDATION', errors: [{ pointer: '/body/ground' }] })
    await expect(move(request.requestId, { to: 'refused', refusal: { ground: 'law_requires_keeping', clauses: [' '] } })).rejects.toMatchObject({ errors: [{ pointer: '/body/clauses' }] })
    const refused = await move(request.requestId, { to: 'refused', refusal: { ground: 'law_requires_keeping', clauses: ['art. 8(2)', 'TTC-4.1'], detail: 'accounting documents are kept 5 years' } })
    expect(refused).toMatchObject({ from: 'in_progress', to: 'refused' })
    const view = await getRequest(fx.deps, 'tw', request.requestId)
    expect(view.refusal).toEqual({ ground: 'law_requires_keeping', clauses: ['art. 8(2)', 'TTC-4.1'], detail: 'accounting documents are kept 5 years' })
    expect((await trailOf(fx.deps, 'tw', request.requestId)).events.slice(-2)).toEqual(['request.state_changed', 'request.refused'])
  })

  it('ESP-9: a verifying request moves on only when nothing is missing, but may be refused for identity not proven', async () => {
    const subjectId = await fx.subject('esp', { kind: 'client' })
    const waiting = await submitRequest(fx.deps, { operatorId: 'esp', kind: 'information', channel: 'written', subject: { subjectId } }, 'staff:7')
    const espMove = (input: Partial<TransitionInput>) =>
      fx.database.db.transaction().execute((trx) => transitionRequest(trx, fx.deps, { operatorId: 'esp', requestId: waiting.requestId, actor: 'staff:7', to: 'in_progress', ...input }))
    await expect(espMove({})).rejects.toMatchObject({ code: 'DERBES_REQUEST_VERIFICATION_PENDING', status: 409 })
    await espMove({ to: 'refused', refusal: { ground: 'identity_not_proven', clauses: ['ESP-9'] } })
    const refused = await getRequest(fx.deps, 'esp', waiting.requestId)
    expect(refused).toMatchObject({ state: 'refused', waitingFor: [], verification: { identityProof: { missing: expect.arrayContaining(['id_document_number']) } } })
  })

  it('a request of another operator is not found', async () => {
    const request = await newRequest()
    await expect(
      fx.database.db.transaction().execute((trx) => transitionRequest(trx, fx.deps, { operatorId: 'esp', requestId: request.requestId, actor: 'staff:7', to: 'answered' })),
    ).rejects.toMatchObject({ code: 'DERBES_REQUEST_NOT_FOUND' })
  })
})
