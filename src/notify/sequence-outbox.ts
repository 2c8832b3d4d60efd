import { sql, type Kysely } from 'kysely'
import type { Database } from '../db/index.ts'

/**
 * Gives outbox events their `position`: consecutive numbers, in the order
 * (writing transaction, seq), and only to events whose transaction is older
 * than every transaction still running — so no event can later appear with a
 * lower position, and a cursor over positions never skips one (see the
 * migration 2026-12-02-100-event-delivery for why `seq` alone would).
 *
 * Safe to call from any number of processes: the one holding the
 * 'sequencer' cursor row works (`for update skip locked`), the others return
 * 0 at once. A long-running writing transaction delays positions (not
 * events' commits) until it ends.
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
        select operator_id, event_id, row_number() over (order by tx, seq) as n
        from event_outbox
        where position is null and tx < pg_snapshot_xmin(pg_current_snapshot())
        order by tx, seq
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
