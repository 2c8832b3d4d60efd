import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { insertOperator } from '../audit/audit-test-helpers.ts'
import type { DatabaseHandle } from '../db/index.ts'
import { TEST_DATABASES } from '../db/test-databases.ts'
import { MemoryKeyProvider } from '../subjects/crypto/index.ts'
import { claimDueDeliveries, DEFAULT_DELIVERY_SETTINGS, recordOutcome, type DeliverySettings } from './deliver-webhooks.ts'
import { dispatchOnce } from './dispatch-once.ts'
import { enqueueEvent } from './enqueue-event.ts'
import { createWebhookEndpoint } from './webhook-endpoints.ts'
import { startReceiver, type Receiver } from './webhook-test-receiver.ts'

const T0 = new Date('2026-12-02T10:00:00.000Z')
const at = (ms: number) => new Date(T0.getTime() + ms)

describe.each(TEST_DATABASES)('webhook delivery on $name', (target) => {
  let database: DatabaseHandle
  let receiver: Receiver
  const keys = new MemoryKeyProvider()
  let operatorNo = 0
  const deps = () => ({ db: database.db, keys })

  beforeAll(async () => {
    database = await target.open()
  })
  afterAll(async () => {
    await database.close()
  })
  afterEach(async () => {
    vi.useRealTimers()
    await receiver?.close()
    // Each test's endpoints go with their deliveries, so no test sees another's.
    await database.db.deleteFrom('webhook_endpoints').execute()
  })

  /** A fresh operator with one endpoint pointing at a fresh receiver. */
  async function setUp(eventTypes?: string[]) {
    const operatorId = `op-${++operatorNo}`
    await insertOperator(database.db, operatorId)
    receiver = await startReceiver()
    const endpoint = await createWebhookEndpoint(deps(), operatorId, { url: receiver.url, ...(eventTypes ? { eventTypes } : {}), createdBy: 'test' }, T0)
    receiver.state.secret = endpoint.secret
    return { operatorId, endpoint }
  }
  const emit = (operatorId: string, type: 'consent.given' | 'consent.withdrawn' | 'subject.blocked', subjectId: string) =>
    enqueueEvent(database.db, { operatorId, type, subjectId, occurredAt: T0, data: { purposeIds: ['marketing'] } })
  const deliveries = (operatorId: string) =>
    database.db.selectFrom('webhook_deliveries').selectAll().where('operator_id', '=', operatorId).orderBy('event_position').execute()

  it('delivers each event once as a signed Standard Webhook, webhook-id = event id', async () => {
    const { operatorId } = await setUp()
    const first = await emit(operatorId, 'consent.given', 's-1')
    const second = await emit(operatorId, 'subject.blocked', 's-2')
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(T0)
    const result = await dispatchOnce(deps(), T0)
    expect(result).toMatchObject({ delivered: 2, retrying: 0, failed: 0 })
    expect(receiver.received.map((r) => r.verifyError)).toEqual([undefined, undefined])
    expect(receiver.verifiedIds().sort()).toEqual([first, second].sort())
    const message = receiver.received.find((r) => r.headers['webhook-id'] === first)!
    expect(message.headers['webhook-timestamp']).toBe(String(T0.getTime() / 1000))
    expect(message.verified).toEqual({
      type: 'consent.given',
      timestamp: T0.toISOString(),
      data: { purposeIds: ['marketing'], operatorId, eventId: first, seq: expect.any(Number), subjectId: 's-1' },
    })
    expect((await deliveries(operatorId)).map((d) => [d.status, d.attempts])).toEqual([['delivered', 1], ['delivered', 1]])

    expect(await dispatchOnce(deps(), at(60_000))).toMatchObject({ delivered: 0 })
    expect(receiver.received).toHaveLength(2)
  })

  it('retries a failing receiver with back-off (30 s, 2 min, …), then marks it failed, visible and retryable', async () => {
    const { operatorId } = await setUp()
    const eventId = await emit(operatorId, 'consent.withdrawn', 's-3')
    const settings: DeliverySettings = { ...DEFAULT_DELIVERY_SETTINGS, maxAttempts: 4 }
    receiver.state.respond = () => 500
    vi.useFakeTimers({ toFake: ['Date'] })
    const pass = (ms: number) => {
      vi.setSystemTime(at(ms))
      return dispatchOnce(deps(), at(ms), settings)
    }

    expect(await pass(0)).toMatchObject({ retrying: 1 })
    let [delivery] = await deliveries(operatorId)
    expect(delivery).toMatchObject({ status: 'pending', attempts: 1, last_status_code: 500, last_error: 'HTTP 500: receiver says no' })
    expect(new Date(delivery!.next_attempt_at!)).toEqual(at(30_000))

    expect(await pass(29_999)).toMatchObject({ retrying: 0 }) // not due yet
    expect(await pass(30_000)).toMatchObject({ retrying: 1 })
    ;[delivery] = await deliveries(operatorId)
    expect(new Date(delivery!.next_attempt_at!)).toEqual(at(30_000 + 120_000))
    expect(await pass(150_000)).toMatchObject({ retrying: 1 })
    ;[delivery] = await deliveries(operatorId)
    expect(new Date(delivery!.next_attempt_at!)).toEqual(at(150_000 + 600_000))
    expect(await pass(750_000)).toMatchObject({ failed: 1 })
    ;[delivery] = await deliveries(operatorId)
    expect(delivery).toMatchObject({ status: 'failed', attempts: 4, next_attempt_at: null, last_error: 'HTTP 500: receiver says no' })
    expect(await pass(100_000_000)).toMatchObject({ retrying: 0, failed: 0, delivered: 0 })
    // Every attempt carried the same webhook-id and a valid signature.
    expect(receiver.verifiedIds()).toEqual([eventId, eventId, eventId, eventId])

    const { retryDelivery } = await import('./webhook-deliveries.ts')
    receiver.state.respond = () => 204
    await retryDelivery(database.db, operatorId, delivery!.webhook_id, delivery!.delivery_id, at(100_000_000))
    expect(await pass(100_000_000)).toMatchObject({ delivered: 1 })
    expect(await deliveries(operatorId)).toMatchObject([{ status: 'delivered', attempts: 5, last_error: null }])
  })

  it('gives up on a receiver that does not answer within the timeout', async () => {
    const { operatorId } = await setUp()
    await emit(operatorId, 'consent.given', 's-4')
    receiver.state.respond = () => 'hang'
    expect(await dispatchOnce(deps(), T0, { ...DEFAULT_DELIVERY_SETTINGS, timeoutMs: 300 })).toMatchObject({ retrying: 1 })
    expect(await deliveries(operatorId)).toMatchObject([{ status: 'pending', attempts: 1, last_status_code: null, last_error: 'no answer within 300 ms' }])
  })

  it('never sends one attempt twice when dispatchers run side by side (for update skip locked)', async () => {
    const { operatorId } = await setUp()
    const ids = await Promise.all(Array.from({ length: 30 }, (_, i) => emit(operatorId, 'consent.given', `s-p${i}`)))
    const settings = { ...DEFAULT_DELIVERY_SETTINGS, batchSize: 7 }
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(T0)
    // Three "processes" pass until nothing is left; on a server they hold separate connections.
    for (let round = 0; round < 10; round++) {
      await Promise.all([dispatchOnce(deps(), T0, settings), dispatchOnce(deps(), T0, settings), dispatchOnce(deps(), T0, settings)])
    }
    expect(receiver.verifiedIds().sort()).toEqual([...ids].sort())
    expect((await deliveries(operatorId)).every((d) => d.status === 'delivered' && d.attempts === 1)).toBe(true)
  })

  it('loses nothing on a restart: events queued while down, and an attempt cut off mid-flight, are delivered by a new dispatcher', async () => {
    const { operatorId } = await setUp()
    const queued = await emit(operatorId, 'consent.given', 's-5')
    receiver.state.respond = (n) => (n === 1 ? 'hang' : 200)
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(T0)
    await dispatchOnce(deps(), T0, { ...DEFAULT_DELIVERY_SETTINGS, timeoutMs: 100 })
    // That one timed out; now the process "dies" holding the next attempt.
    await database.db.updateTable('webhook_deliveries').set({ next_attempt_at: T0 }).where('operator_id', '=', operatorId).execute()
    const [claim] = await claimDueDeliveries(database.db, T0, DEFAULT_DELIVERY_SETTINGS)
    expect(claim).toMatchObject({ event_id: queued, attempts: 2 })
    const later = await emit(operatorId, 'subject.blocked', 's-6')

    vi.setSystemTime(at(1_000))
    // A new dispatcher: the later event goes out; the cut-off one waits for its lease to end.
    await dispatchOnce(deps(), at(1_000))
    expect(receiver.verifiedIds()).toEqual([queued, later]) // the first is the timed-out attempt
    const leaseEnd = 2 * DEFAULT_DELIVERY_SETTINGS.timeoutMs + 30_000
    vi.setSystemTime(at(leaseEnd))
    await dispatchOnce(deps(), at(leaseEnd))
    expect(receiver.verifiedIds()).toEqual([queued, later, queued])
    // The dead process's answer, arriving late, changes nothing.
    await recordOutcome(database.db, claim!, { ok: false, statusCode: 500, error: 'late' }, at(leaseEnd), DEFAULT_DELIVERY_SETTINGS)
    expect((await deliveries(operatorId)).map((d) => [d.status, d.attempts])).toEqual([['delivered', 3], ['delivered', 1]])
  })

  it("sends an endpoint only the event types it asked for, and only its operator's events", async () => {
    const { operatorId } = await setUp(['consent.withdrawn'])
    const other = `op-${++operatorNo}`
    await insertOperator(database.db, other)
    await emit(operatorId, 'consent.given', 's-7')
    const withdrawn = await emit(operatorId, 'consent.withdrawn', 's-7')
    await emit(other, 'consent.withdrawn', 's-8')
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(T0)
    await dispatchOnce(deps(), T0)
    expect(receiver.verifiedIds()).toEqual([withdrawn])
    expect(await deliveries(other)).toEqual([])
  })
})
