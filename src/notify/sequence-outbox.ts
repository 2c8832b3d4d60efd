import { sql, type Kysely } from 'kysely'
import type { Database } from '../db/index.ts'

/**
 * Gives committed outbox events their `position`: the next consecutive
 * numbers, in `seq` order. Only one sequencer works at a time — the one
 * holding the 'sequencer' cursor row (`for update skip locked`); others
 * return 0 at once — and it sees committed rows only, so positions become
 * visible in order and an event whose transaction commits late gets a later
 * position instead of one a reader has already passed (see the migration
 * 2026-12-02-100-event-delivery for why `seq` alone would skip it).
 *
 * @example
 * await sequenceOutbox(db) // → 12 events got positions
 */
export async function sequenceOutbox(db: Kysely<Database>, limit = 1000): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const cursor = await trx.selectFrom('event_cursors').select('position').where('name', '=', 'sequencer').forUpdate().skipLocked().executeTakeFirst()
    if (!cursor) return 0
    const last = Number(cursor.position)
    const given = await sql<{ position: string | number }>`
      with next as (
        select operator_id, event_id, row_number() over (order by seq) as n
        from event_outbox
        where position is null
        order by seq
        limit ${limit}
      )
      update event_outbox o set position = ${last} + next.n
      from next
      where o.operator_id = next.operator_id and o.event_id = next.event_id
      returning o.position`.execute(trx)
    if (given.rows.length === 0) return 0
    await trx.updateTable('event_cursors').set({ position: last + given.rows.length }).where('name', '=', 'sequencer').execute()
    return given.rows.length
  })
}
