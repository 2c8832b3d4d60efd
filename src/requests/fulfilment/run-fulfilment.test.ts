import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { giveConsent } from '../../consent/index.ts'
import { TEST_DATABASES } from '../../db/test-databases.ts'
import { recordTransfer } from '../../subjects/index.ts'
import { finishTask } from './finish-task.ts'
import { openFulfilmentFixture, type FulfilmentFixture } from './fulfilment-test-kit.ts'
import { leaseDueTasks } from './lease-tasks.ts'
import { planFulfilment } from './plan-fulfilment.ts'
import { loadRequest } from './fulfilment-request.ts'
import { runFulfilmentOnce } from './run-fulfilment-once.ts'

// The runner's promises: a task runs once even with two runners side by side, a dead runner's lease
// is taken over, and a task waits for the stages before it.
describe.each(TEST_DATABASES)('the fulfilment runner on $name', (target) => {
  let fx: FulfilmentFixture
  beforeAll(async () => {
    fx = await openFulfilmentFixture(target)
    await fx.publishTwWithRecipient()
  })
  afterAll(() => fx.close())

  async function member(): Promise<string> {
    const subjectId = await fx.subject('tw', { kind: 'user', data: [{ itemId: 'email', value: 'runner@example.kz', source: 'subject', purposes: ['communication'] }] })
    await giveConsent(fx.deps, { operatorId: 'tw', subjectId, formId: 'privacy-policy', language: 'en', evidence: { method: 'registration' }, recordedBy: 'test' })
    return subjectId
  }

  /** Plans a request in its own transaction, as the runner would. */
  async function planned(kind: 'access' | 'block', subjectId: string): Promise<string> {
    const { requestId } = await fx.submit({ operatorId: 'tw', kind, channel: 'electronic_document', subject: { subjectId } })
    await fx.deps.db.transaction().execute(async (trx) => planFulfilment(trx, fx.fulfilment, await loadRequest(trx, 'tw', requestId, { forUpdate: true })))
    return requestId
  }

  it('two runners side by side never run one task twice (for update skip locked) and answer each request once', async () => {
    const requests: string[] = []
    for (let i = 0; i < 4; i++) requests.push((await fx.submit({ operatorId: 'tw', kind: 'access', channel: 'electronic_document', subject: { subjectId: await member() } })).requestId)
    const runs = await Promise.all([runFulfilmentOnce(fx.fulfilment), runFulfilmentOnce(fx.fulfilment)])
    expect(runs.flatMap((r) => r.errors)).toEqual([])
    await fx.fulfil()
    for (const requestId of requests) {
      const exports = await fx.deps.db.selectFrom('audit_entries').select('seq').where('operator_id', '=', 'tw').where('action', '=', 'export').where('basis', '=', `request:${requestId}`).execute()
      expect(exports, requestId).toHaveLength(1)
      const answers = (await fx.trail('tw', requestId)).audit.filter((a) => a.action === 'request_answered')
      expect(answers).toHaveLength(1)
      expect((await fx.request('tw', requestId)).state).toBe('answered')
    }
    expect(runs.reduce((n, r) => n + r.done, 0)).toBe(4)
  })

  it('a lease that ran out (its runner died) is taken over, and the late runner cannot finish it any more', async () => {
    const requestId = await planned('access', await member())
    const now = fx.now()
    const [first] = (await leaseDueTasks(fx.deps.db, now, 50, 60_000)).filter((t) => t.request_id === requestId)
    expect(first).toBeDefined()
    expect(await leaseDueTasks(fx.deps.db, new Date(now.getTime() + 30_000), 50, 60_000)).toEqual([])
    const [second] = (await leaseDueTasks(fx.deps.db, new Date(now.getTime() + 61_000), 50, 60_000)).filter((t) => t.request_id === requestId)
    expect(second?.task_id).toBe(first!.task_id)
    await expect(fx.deps.db.transaction().execute((trx) => finishTask(trx, first!, { result: { count: 0 } }, now))).rejects.toMatchObject({ code: 'DERBES_INTERNAL' })
    await fx.deps.db.transaction().execute((trx) => finishTask(trx, second!, { result: { count: 0 } }, now))
    expect((await fx.tasks('tw', requestId))[0]).toMatchObject({ state: 'done', attempts: 1 })
  })

  it('TW-9.4: the recipients are not told while the change they are told of has not happened', async () => {
    const subjectId = await member()
    await recordTransfer(fx.deps, { operatorId: 'tw', subjectId, recipientId: 'mailing-service', itemIds: ['email'], purposeId: 'communication' }, 'staff:1')
    const requestId = await planned('block', subjectId)
    const leased = (await leaseDueTasks(fx.deps.db, fx.now(), 50, 60_000)).filter((t) => t.request_id === requestId)
    expect(leased.map((t) => t.target)).toEqual(['vault'])
    // The block fails for now: the recipient's task still waits behind it.
    await fx.deps.db.updateTable('request_tasks').set({ state: 'pending', next_attempt_at: new Date(fx.now().getTime() + 3_600_000) }).where('task_id', '=', leased[0]!.task_id).execute()
    expect((await leaseDueTasks(fx.deps.db, fx.now(), 50, 60_000)).filter((t) => t.request_id === requestId)).toEqual([])
    await fx.deps.db.updateTable('request_tasks').set({ next_attempt_at: null }).where('task_id', '=', leased[0]!.task_id).execute()
    await fx.fulfil()
    expect((await fx.tasks('tw', requestId)).map((t) => `${t.target}:${t.state}`)).toEqual(['vault:done', 'recipients:done'])
  })
})
