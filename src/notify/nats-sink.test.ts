import { randomBytes } from 'node:crypto'
import { jetstream, jetstreamManager } from '@nats-io/jetstream'
import { connect, type NatsConnection } from '@nats-io/transport-node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { insertOperator } from '../audit/audit-test-helpers.ts'
import type { DatabaseHandle } from '../db/index.ts'
import { TEST_DATABASES } from '../db/test-databases.ts'
import { enqueueEvent } from './enqueue-event.ts'
import { NatsSink } from './nats-sink.ts'
import { sequenceOutbox } from './sequence-outbox.ts'

const NATS_URL = process.env.DERBES_TEST_NATS_URL
const NOW = new Date('2026-12-02T10:00:00.000Z')

/** Runs against a real NATS server with JetStream when DERBES_TEST_NATS_URL is set (CI sets it). */
describe.runIf(NATS_URL).each(TEST_DATABASES)('the NATS JetStream sink on $name', (target) => {
  // A stream and subject prefix of this run only, so runs side by side do not collide.
  const run = randomBytes(4).toString('hex')
  const stream = `DERBES_TEST_${run}`
  const subjectPrefix = `derbes-test-${run}`
  let database: DatabaseHandle
  let nc: NatsConnection

  beforeAll(async () => {
    database = await target.open()
    await insertOperator(database.db, 'ttc')
    await insertOperator(database.db, 'tw')
    nc = await connect({ servers: NATS_URL! })
  })
  afterAll(async () => {
    await (await jetstreamManager(nc)).streams.delete(stream).catch(() => undefined)
    await nc.close()
    await database.close()
  })

  /** Everything in the stream, read back by an ordered consumer. */
  async function readBack(expected: number) {
    const consumer = await jetstream(nc).consumers.get(stream)
    const messages = await consumer.fetch({ max_messages: expected + 5, expires: 1_500 })
    const out: { subject: string; msgId: string | undefined; body: { type: string; data: Record<string, unknown> } }[] = []
    for await (const m of messages) out.push({ subject: m.subject, msgId: m.headers?.get('Nats-Msg-Id'), body: m.json() })
    return out
  }
  const cursor = async () => Number((await database.db.selectFrom('event_cursors').select('position').where('name', '=', `nats:${stream}`).executeTakeFirstOrThrow()).position)

  it('creates the stream, publishes every event to <prefix>.<operator>.<type> with msgID = event id, and moves the cursor after the acks', async () => {
    const ids = [
      await enqueueEvent(database.db, { operatorId: 'ttc', type: 'consent.given', subjectId: 's-1', occurredAt: NOW }),
      await enqueueEvent(database.db, { operatorId: 'tw', type: 'subject.blocked', subjectId: 's-2', occurredAt: NOW }),
      await enqueueEvent(database.db, { operatorId: 'ttc', type: 'consent.withdrawn', subjectId: 's-1', occurredAt: NOW, data: { purposeIds: ['marketing'] } }),
    ]
    await sequenceOutbox(database.db)
    const sink = await NatsSink.connect({ url: NATS_URL!, stream, subjectPrefix })
    try {
      expect(await sink.publishPending(database.db, NOW)).toBe(3)
      expect(await cursor()).toBe(3)
      expect(await sink.publishPending(database.db, NOW)).toBe(0)
    } finally {
      await sink.close()
    }
    const messages = await readBack(3)
    expect(messages.map((m) => [m.subject, m.msgId])).toEqual([
      [`${subjectPrefix}.ttc.consent.given`, ids[0]],
      [`${subjectPrefix}.tw.subject.blocked`, ids[1]],
      [`${subjectPrefix}.ttc.consent.withdrawn`, ids[2]],
    ])
    expect(messages[2]!.body).toEqual({ type: 'consent.withdrawn', timestamp: NOW.toISOString(), data: { purposeIds: ['marketing'], operatorId: 'ttc', eventId: ids[2], seq: 3, subjectId: 's-1' } })
  })

  it('publishes again after a crash between ack and cursor, and JetStream drops the duplicates by msgID', async () => {
    await database.db.updateTable('event_cursors').set({ position: 0 }).where('name', '=', `nats:${stream}`).execute()
    const sink = await NatsSink.connect({ url: NATS_URL!, stream, subjectPrefix })
    try {
      expect(await sink.publishPending(database.db, NOW)).toBe(3)
    } finally {
      await sink.close()
    }
    expect(await readBack(3)).toHaveLength(3)
  })

  it('keeps the cursor where it is when JetStream does not acknowledge, and a later sink catches up', async () => {
    const sink = await NatsSink.connect({ url: NATS_URL!, stream, subjectPrefix, timeoutMs: 500 })
    const id = await enqueueEvent(database.db, { operatorId: 'tw', type: 'consent.given', subjectId: 's-3', occurredAt: NOW })
    await sequenceOutbox(database.db)
    await (await jetstreamManager(nc)).streams.delete(stream) // nothing acknowledges these subjects now
    try {
      await expect(sink.publishPending(database.db, NOW)).rejects.toThrow()
      expect(await cursor()).toBe(3)
    } finally {
      await sink.close()
    }
    const again = await NatsSink.connect({ url: NATS_URL!, stream, subjectPrefix })
    try {
      expect(await again.publishPending(database.db, NOW)).toBe(1)
    } finally {
      await again.close()
    }
    expect((await readBack(1)).map((m) => m.msgId)).toEqual([id])
  })
})
