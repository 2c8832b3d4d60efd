import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { migrateToLatest } from './migrate.ts'
import { PG_BOSS_TABLES } from './migrations/2026-12-02-210-retention-runs.ts'
import { TEST_DATABASES } from './test-databases.ts'

describe.each(TEST_DATABASES)('migrations on $name', (target) => {
  it('creates every table keyed by operator_id, and a second run changes nothing', async () => {
    const handle = await target.open()
    try {
      const tables = await sql<{ table_name: string }>`
        select table_name from information_schema.tables
        where table_schema = current_schema() and table_name not like 'kysely_%'`.execute(handle.db)
      expect(tables.rows.map((r) => r.table_name)).toEqual(
        expect.arrayContaining([
          'operators', 'policy_versions', 'subjects', 'subject_keys', 'subject_identifiers', 'vault_items', 'subject_representatives',
          'audit_entries', 'audit_heads', 'audit_checkpoints', 'api_keys', 'staff_users', 'staff_sessions',
          'consent_events', 'consent_state', 'subject_obligations', 'cookie_consents', 'sms_challenges', 'sms_outbox',
          'event_outbox', 'event_cursors', 'webhook_endpoints', 'webhook_deliveries',
        ]),
      )
      // Installation-wide state, not any operator's data: the event sinks' cursors over every operator's outbox,
      // pg-boss's job queue (the retention scheduler's; partitions per queue appear at run time), and the
      // installation administrator keys (they register operators, so belong to none).
      const INSTALLATION_TABLES = new Set<string>(['event_cursors', 'installation_admin_keys', ...PG_BOSS_TABLES])
      expect(tables.rows.map((r) => r.table_name)).toEqual(expect.arrayContaining([...PG_BOSS_TABLES]))
      for (const { table_name } of tables.rows.filter((r) => !INSTALLATION_TABLES.has(r.table_name))) {
        const columns = await sql<{ column_name: string }>`
          select column_name from information_schema.columns
          where table_schema = current_schema() and table_name = ${table_name} order by ordinal_position`.execute(handle.db)
        expect(columns.rows[0]?.column_name, `${table_name} leads with operator_id`).toBe('operator_id')
      }
      const again = await migrateToLatest(handle.db)
      expect(again.results).toEqual([])
    } finally {
      await handle.close()
    }
  })
})

describe('the test databases', () => {
  it('include the PostgreSQL server whenever DATABASE_URL is set', async () => {
    const names = TEST_DATABASES.map((t) => t.name)
    expect(names).toEqual(process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'])
    for (const target of TEST_DATABASES) {
      const handle = await target.open()
      try {
        const { rows } = await sql<{ version: string }>`select version()`.execute(handle.db)
        expect(rows[0]?.version).toMatch(target.name === 'pglite' ? /PGlite/ : /^PostgreSQL (?!.*PGlite)/)
      } finally {
        await handle.close()
      }
    }
  })
})
