import { randomBytes } from 'node:crypto'
import { jetstreamManager } from '@nats-io/jetstream'
import { connect } from '@nats-io/transport-node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { insertOperator } from '../audit/audit-test-helpers.ts'
import type { DatabaseHandle } from '../db/index.ts'
import { TEST_DATABASES } from '../db/test-databases.ts'
import { MemoryKeyProvider } from '../subjects/crypto/index.ts'
import { enqueueEvent } from './enqueue-event.ts'
import { startEventDispatcher } from './start-event-dispatcher.ts'
import { createWebhookEndpoint } from './webhook-endpoints.ts'
import { startReceiver } from './webhook-test-receiver.ts'

const NATS_URL = process.env.DERBES_TEST_NATS_URL

async function until(condition: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> {
  const end = Date.now() + ms
  while (!(await condition())) {
    if (Date.now() > end) throw new Error('timed out waiting')
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

describe.each(TEST_DATABASES)('the event dispatcher loop on $name', (target) => {
  let database: DatabaseHandle
  const keys = new MemoryKeyProvider()

  beforeAll(async () => {
    database = await target.open()
    await insertOperator(database.db, 'ttc')
  })
  afterAll(async () => {
    await database.close()
  })

  it('delivers what is enqueued while it runs (and to NATS when configured), and stops cleanly', async () => {
    const receiver = await startReceiver()
    const { secret } = await createWebhookEndpoint({ db: database.db, keys }, 'ttc', { url: receiver.url, createdBy: 'test' }, new Date())
    receiver.state.secret = secret
    const stream = `DERBES_TEST_${randomBytes(4).toString('hex')}`
    const errors: unknown[] = []
    const dispatcher = startEventDispatcher(
      { db: database.db, keys, log: { warn: (d) => errors.push(d), error: (d) => errors.push(d) } },
      { intervalMs: 20, ...(NATS_URL ? { natsUrl: NATS_URL, nats: { stream, subjectPrefix: stream.toLowerCase() } } : {}) },
    )
    try {
      const id = await enqueueEvent(database.db, { operatorId: 'ttc', type: 'consent.given', subjectId: 's-1', occurredAt: new Date() })
      await until(() => receiver.verifiedIds().includes(id))
      if (NATS_URL) await until(async () => Number((await database.db.selectFrom('event_cursors').select('position').where('name', '=', `nats:${stream}`).executeTakeFirst())?.position ?? 0) >= 1)
    } finally {
      await dispatcher.stop()
      await receiver.close()
      if (NATS_URL) {
        const nc = await connect({ servers: NATS_URL })
        await (await jetstreamManager(nc)).streams.delete(stream).catch(() => undefined)
        await nc.close()
      }
    }
    expect(errors).toEqual([])
    expect(receiver.received).toHaveLength(1)
  })
})
