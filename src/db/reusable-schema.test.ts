import { sql, type Kysely } from 'kysely'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Database } from './database-schema.ts'
import type { DatabaseHandle } from './open-database.ts'
import { TEST_DATABASES } from './test-databases.ts'

const schemaOf = async (db: Kysely<Database>) => (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]!.s
const seededOf = async (db: Kysely<Database>) => ({
  migrations: (await sql<{ n: number }>`select count(*)::int as n from kysely_migration`.execute(db)).rows[0]!.n,
  cursors: await db.selectFrom('event_cursors').select(['name', 'position']).orderBy('name').execute(),
})

describe.each(TEST_DATABASES)('a test database closed and opened again on $name', (testDatabase) => {
  let first: DatabaseHandle
  beforeAll(async () => {
    first = await testDatabase.open()
  })

  it('is the same schema emptied back to what its migrations left: rows gone, new tables dropped, the migrations’ own rows restored', async () => {
    const schema = await schemaOf(first.db)
    const seeded = await seededOf(first.db)
    expect(seeded.migrations).toBeGreaterThan(20)
    expect(seeded.cursors.length).toBeGreaterThan(0)

    await first.db.insertInto('operators').values({ operator_id: 'ttc', name: JSON.stringify({ kk: 'ҚТ', ru: 'КТ', en: 'KT' }), bin: '981140001551' }).execute()
    await first.db.updateTable('event_cursors').set({ position: 42, leased_by: 'a test' }).execute()
    await sql`create table made_by_a_test (id int)`.execute(first.db)
    await first.close()

    const second = await testDatabase.open()
    try {
      expect(await schemaOf(second.db)).toBe(schema)
      expect(await second.db.selectFrom('operators').selectAll().execute()).toEqual([])
      expect(await seededOf(second.db)).toEqual(seeded)
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_tables where schemaname = ${schema} and tablename = 'made_by_a_test'`.execute(second.db)
      expect(rows[0]!.n).toBe(0)
    } finally {
      await second.close()
    }
  })

  it('is thrown away, not reused, once a test changed its shape (as a migration run down and up may)', async () => {
    const changed = await testDatabase.open()
    const schema = await schemaOf(changed.db)
    await sql`alter table operators add column made_by_a_test int`.execute(changed.db)
    await changed.close()
    const next = await testDatabase.open()
    try {
      expect(await schemaOf(next.db)).not.toBe(schema)
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_namespace where nspname = ${schema}`.execute(next.db)
      expect(rows[0]!.n).toBe(0)
    } finally {
      await next.close()
    }
  })
})
