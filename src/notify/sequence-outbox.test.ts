import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { insertOperator } from '../audit/audit-test-helpers.ts'
import type { DatabaseHandle } from '../db/index.ts'
import { TEST_DATABASES } from '../db/test-databases.ts'
import { enqueueEvent } from './enqueue-event.ts'
import { sequenceOutbox } from './sequence-outbox.ts'

const NOW = new Date('2026-12-02T10:00:00.000Z')

describe.each(TEST_DATABASES)('sequencing the outbox on $name', (target) => {
  let database: DatabaseHandle

  beforeAll(async () => {
    database = await target.open()
    await insertOperator(database.db, 'ttc')
  })
  afterAll(async () => {
    await database.close()
  })

  const emit = (db = database.db, subjectId = 's') => enqueueEvent(db, { operatorId: 'ttc', type: 'consent.given', subjectId, occurredAt: NOW })
  const positions = async () =>
    (await database.db.selectFrom('event_outbox').select(['event_id', 'position']).orderBy('seq').execute()).map((r) => [r.event_id, r.position === null ? null : Number(r.position)])

  it('gives consecutive positions in commit order, with no gap where a transaction rolled back', async () => {
    const a = await emit()
    await expect(
      database.db.transaction().execute(async (trx) => {
        await emit(trx)
        throw new Error('rolled back')
      }),
    ).rejects.toThrow('rolled back')
    const b = await emit()
    // Two sequencers at once: one works, the other skips the locked cursor; no position is given twice.
    const counts = await Promise.all([sequenceOutbox(database.db), sequenceOutbox(database.db)])
    expect(counts.reduce((x, y) => x + y, 0)).toBe(2)
    expect(await positions()).toEqual([[a, 1], [b, 2]])
    expect(await sequenceOutbox(database.db)).toBe(0)
  })

  it.runIf(target.name === 'postgres')('never lets a feed reader skip an event whose transaction commits after a later-numbered one', async () => {
    const { listEvents } = await import('./list-events.ts')
    let after = (await listEvents(database.db, 'ttc', { limit: 1000 })).nextAfter
    const seen: string[] = []
    const read = async () => {
      const page = await listEvents(database.db, 'ttc', { after, limit: 1000 })
      seen.push(...page.events.map((e) => e.data.eventId))
      after = page.nextAfter
    }
    let early = ''
    let late = ''
    await database.db.transaction().execute(async (slow) => {
      early = await emit(slow, 'slow') // takes the lower seq, commits last
      await database.db.transaction().execute(async (fast) => {
        late = await emit(fast, 'fast')
      })
      await read() // sees the fast one, moves its cursor past it
    })
    await read()
    expect(seen).toEqual([late, early])
    const [slowSeq, fastSeq] = await Promise.all(
      [early, late].map(async (id) => Number((await database.db.selectFrom('event_outbox').select('seq').where('event_id', '=', id).executeTakeFirstOrThrow()).seq)),
    )
    expect(slowSeq).toBeLessThan(fastSeq!)
  })
})
