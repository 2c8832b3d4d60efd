import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEST_DATABASES } from '../db/test-databases.ts'
import { getRequest } from './get-request.ts'
import { remindAndEscalate, type DeadlineNotice } from './remind-and-escalate.ts'
import { FIXTURE_TIMEOUT_MS, openRequestsFixture, type RequestsFixture } from './requests-test-kit.ts'
import { startRequestReminderJob } from './start-request-reminder-job.ts'
import { submitRequest } from './submit-request.ts'
import { transitionRequest } from './transition-request.ts'

describe.each(TEST_DATABASES)('request reminders and escalation on $name', (target) => {
  let fx: RequestsFixture
  beforeAll(async () => {
    // Monday 7 December 2026, 09:00 in Almaty.
    fx = await openRequestsFixture(target, '2026-12-07T09:00:00+05:00', { seeds: ['ttc', 'tw', 'esp', 'kzk'] })
  }, FIXTURE_TIMEOUT_MS)
  afterAll(() => fx.close())

  const eventsOf = async (requestId: string) =>
    (await fx.database.db.selectFrom('event_outbox').select(['type', 'data']).where('type', 'in', ['request.due_soon', 'request.overdue']).orderBy('seq').execute())
      .filter((e) => (e.data as { requestId: string }).requestId === requestId)

  it('TW-9.6: reminds once the day before a 3-business-day deadline, escalates once after it, and says so in the list', async () => {
    const subjectId = await fx.subject('tw', { kind: 'user' })
    const request = await submitRequest(fx.deps, { operatorId: 'tw', kind: 'stop_unlawful_processing', channel: 'post', subject: { subjectId }, content: { text: 'profile shown to strangers' } }, 'staff:1')
    expect(request.dueOn).toBe('2026-12-10') // 8, 9, 10 December

    const told: DeadlineNotice[] = []
    const deps = { ...fx.deps, notifyResponsiblePerson: async (n: DeadlineNotice) => void told.push(n) }
    // Monday: three business days left, nothing to say.
    expect(await remindAndEscalate(deps)).toEqual({ reminded: [], escalated: [] })
    // Wednesday 9 December: one business day left.
    fx.setNow('2026-12-09T09:00:00+05:00')
    const first = await remindAndEscalate(deps)
    expect(first.reminded).toEqual([expect.objectContaining({ type: 'due_soon', requestId: request.requestId, dueOn: '2026-12-10', businessDaysLeft: 1, state: 'in_progress' })])
    expect((await remindAndEscalate(deps)).reminded).toEqual([])
    // Thursday 10 December, the last day: not yet overdue.
    fx.setNow('2026-12-10T18:59:00+05:00')
    expect((await remindAndEscalate(deps)).escalated).toEqual([])
    // Friday 11 December: overdue, escalated once.
    fx.setNow('2026-12-11T08:00:00+05:00')
    const late = await remindAndEscalate(deps)
    expect(late.escalated).toEqual([expect.objectContaining({ type: 'overdue', requestId: request.requestId, businessDaysLeft: -1 })])
    expect((await remindAndEscalate(deps)).escalated).toEqual([])

    expect((await eventsOf(request.requestId)).map((e) => e.type)).toEqual(['request.due_soon', 'request.overdue'])
    expect(told.map((n) => n.type)).toEqual(['due_soon', 'overdue'])
    const view = await getRequest(fx.deps, 'tw', request.requestId)
    expect(view).toMatchObject({ overdue: true, businessDaysLeft: -1, remindedAt: '2026-12-09T04:00:00.000Z', escalatedAt: '2026-12-11T03:00:00.000Z' })
    // Events carry ids, kinds and dates — the complaint's words are sealed.
    expect(JSON.stringify(await eventsOf(request.requestId))).not.toContain('strangers')
    fx.setNow('2026-12-07T09:00:00+05:00')
  })

  it('ESP-9: a request waiting for identity proof is reminded and escalated too — visibly waiting, not silently late', async () => {
    const request = await submitRequest(fx.deps, { operatorId: 'esp', kind: 'information', channel: 'written', requester: { name: 'Гүлнар' } }, 'staff:1')
    expect(request).toMatchObject({ state: 'verifying', dueOn: '2026-12-10' })
    fx.setNow('2026-12-11T09:00:00+05:00')
    const { escalated } = await remindAndEscalate(fx.deps)
    expect(escalated).toContainEqual(expect.objectContaining({ requestId: request.requestId, state: 'verifying', waitingFor: ['identity_proof'] }))
    fx.setNow('2026-12-07T09:00:00+05:00')
  })

  it('a closed request is never reminded; a failing notice to the responsible person does not stop the others', async () => {
    const answered = await submitRequest(fx.deps, { operatorId: 'kzk', kind: 'complaint', channel: 'email', requester: { email: 'p@example.kz' }, content: { text: 'canteen' } }, 'staff:1')
    await fx.database.db.transaction().execute((trx) => transitionRequest(trx, fx.deps, { operatorId: 'kzk', requestId: answered.requestId, to: 'answered', actor: 'staff:1' }))
    const open = await submitRequest(fx.deps, { operatorId: 'kzk', kind: 'complaint', channel: 'email', requester: { email: 'q@example.kz' }, content: { text: 'library' } }, 'staff:1')
    fx.setNow('2026-12-31T09:00:00+05:00')
    const errors: unknown[] = []
    const result = await remindAndEscalate({ ...fx.deps, notifyResponsiblePerson: async () => Promise.reject(new Error('no mailer')), log: { error: (details) => void errors.push(details) } })
    const ids = result.escalated.map((n) => n.requestId)
    expect(ids).toContain(open.requestId)
    expect(ids).not.toContain(answered.requestId)
    expect(errors.length).toBe(result.escalated.length + result.reminded.length)
    fx.setNow('2026-12-07T09:00:00+05:00')
  })

  it('startRequestReminderJob runs a pass at once and stops cleanly', async () => {
    const request = await submitRequest(fx.deps, { operatorId: 'ttc', kind: 'rectify', channel: 'post', requester: { name: 'x' }, receivedAt: '2026-12-02T10:00:00+05:00', content: { items: [{ itemId: 'full-name', value: 'y', documents: [{ sha256: 'a'.repeat(64) }] }] } }, 'staff:1')
    expect(request.overdue).toBe(true)
    const job = startRequestReminderJob({ ...fx.deps, log: { error: () => undefined } }, { intervalMs: 3_600_000 })
    await job.stop()
    expect((await eventsOf(request.requestId)).map((e) => e.type)).toEqual(['request.overdue'])
  })
})
