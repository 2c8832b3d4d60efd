import { sql, type Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { appendAudit } from '../../audit/index.ts'
import { giveConsent } from '../../consent/index.ts'
import { BusinessCalendar } from '../../kz/index.ts'
import { seedOperators } from '../../operators/index.ts'
import { registerSubject } from '../../subjects/index.ts'
import { MemoryKeyProvider } from '../../subjects/crypto/index.ts'
import type { Database } from '../database-schema.ts'
import type { DatabaseHandle } from '../open-database.ts'
import { TEST_APP_ROLE, TEST_DATABASES } from '../test-databases.ts'
import { OPERATOR_ISOLATION_POLICY } from './enable-operator-isolation.ts'
import { withOperatorScope } from './operator-scope.ts'

const NOW = new Date('2026-12-02T10:00:00+05:00')
const clock = () => NOW

describe.each(TEST_DATABASES)('row-level security in the schema on $name', (target) => {
  let handle: DatabaseHandle
  beforeAll(async () => {
    handle = await target.open()
  })
  afterAll(() => handle?.close())

  it('DESIGN Storage: every table with an operator_id column has RLS enabled and forced, under the isolation policy', async () => {
    // From the catalogue, not a list: a table a later migration adds without enableOperatorIsolation fails here.
    const { rows } = await sql<{ table_name: string; enabled: boolean; forced: boolean; policy: string | null }>`
      select c.relname as table_name, c.relrowsecurity as enabled, c.relforcerowsecurity as forced,
        (select p.qual from pg_policies p where p.schemaname = n.nspname and p.tablename = c.relname and p.policyname = ${OPERATOR_ISOLATION_POLICY}) as policy
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = current_schema() and c.relkind in ('r', 'p')
        and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'operator_id' and not a.attisdropped)
      order by c.relname`.execute(handle.db)
    expect(rows.map((r) => r.table_name)).toEqual(expect.arrayContaining(['operators', 'subjects', 'vault_items', 'consent_events', 'audit_entries', 'api_keys', 'event_outbox']))
    for (const row of rows) {
      expect({ table: row.table_name, enabled: row.enabled, forced: row.forced }).toEqual({ table: row.table_name, enabled: true, forced: true })
      expect(row.policy, `${row.table_name}'s policy`).toMatch(/current_setting\('derbes\.operator_id'.*operator_id = /s)
    }
  })
})

const server = TEST_DATABASES.find((t) => t.name === 'postgres')

// Row-level security binds only a role that is not a superuser: the server's
// test databases act as one (derbes_app); PGlite runs as its superuser.
describe.skipIf(!server)('row-level security at work on postgres', () => {
  let handle: DatabaseHandle
  let db: Kysely<Database>
  const rowsOf = (table: 'subjects' | 'consent_events' | 'audit_entries') =>
    db.selectFrom(table).select('operator_id').execute().then((rows) => rows.map((r) => r.operator_id))

  beforeAll(async () => {
    handle = await server!.open()
    db = handle.db
    await seedOperators({ db, clock }, 'policies')
    const deps = { db, clock, keys: new MemoryKeyProvider({ clock }), calendar: new BusinessCalendar() }
    // Each operator's data written inside its own scope, as its requests write it.
    await withOperatorScope('esp', async () => {
      const { subjectId } = await registerSubject(deps, { operatorId: 'esp', kind: 'client' }, 'staff:1')
      await giveConsent(deps, { operatorId: 'esp', subjectId, formId: 'marketing-messages', language: 'kk', channels: { advertising: ['sms'] }, evidence: { method: 'checkbox' }, recordedBy: 'staff:1' })
    })
    await withOperatorScope('ttc', async () => {
      for (const kind of ['subscriber', 'applicant']) {
        const { subjectId } = await registerSubject(deps, { operatorId: 'ttc', kind }, 'staff:2')
        await giveConsent(deps, { operatorId: 'ttc', subjectId, formId: 'app-2', language: 'ru', evidence: { method: 'checkbox' }, recordedBy: 'staff:2' })
      }
    })
  })
  afterAll(() => handle?.close())

  it('runs as an ordinary role, which row-level security binds', async () => {
    const { rows } = await sql<{ role: string; superuser: boolean; bypass: boolean }>`
      select current_user as role, rolsuper as superuser, rolbypassrls as bypass from pg_roles where rolname = current_user`.execute(db)
    expect(rows).toEqual([{ role: TEST_APP_ROLE, superuser: false, bypass: false }])
  })

  it("outside any scope every operator's rows are visible: the cross-operator jobs", async () => {
    for (const table of ['subjects', 'consent_events', 'audit_entries'] as const) {
      // Seeding the operators audited all five.
      expect([...new Set(await rowsOf(table))], table).toEqual(expect.arrayContaining(['esp', 'ttc']))
    }
  })

  it("in esp's scope a query without `where operator_id` sees only esp's subjects, consent events and audit entries", async () => {
    for (const table of ['subjects', 'consent_events', 'audit_entries'] as const) {
      const everyone = await rowsOf(table)
      const inScope = await withOperatorScope('esp', () => rowsOf(table))
      expect(inScope.length, table).toBe(everyone.filter((o) => o === 'esp').length)
      expect(new Set(inScope), table).toEqual(new Set(['esp']))
    }
    // A transaction acquires its connection in the scope too.
    const inTransaction = await withOperatorScope('ttc', () => db.transaction().execute((trx) => trx.selectFrom('subjects').select('operator_id').execute()))
    expect(new Set(inTransaction.map((r) => r.operator_id))).toEqual(new Set(['ttc']))
  })

  it("in esp's scope a row for ttc cannot be inserted", async () => {
    const subject = { operator_id: 'ttc', subject_id: crypto.randomUUID(), kind: 'subscriber', status: 'active', relationship_started_at: NOW, relationship_ended_at: null, minor_until: null, legal_capacity: 'full' } as const
    await expect(withOperatorScope('esp', () => db.insertInto('subjects').values(subject).execute())).rejects.toThrow(/row-level security/)
    // A caller passing the wrong operator to a module: the audit chain of ttc is neither read nor extended.
    await expect(withOperatorScope('esp', () => appendAudit(db, { operatorId: 'ttc', at: NOW, actor: 'staff:1', action: 'view' }))).rejects.toThrow(/row-level security/)
    expect(await db.selectFrom('subjects').select('subject_id').where('subject_id', '=', subject.subject_id).execute()).toEqual([])
  })

  it("in esp's scope ttc's rows are neither updated nor deleted", async () => {
    const before = await db.selectFrom('subjects').select(['subject_id', 'status']).where('operator_id', '=', 'ttc').orderBy('subject_id').execute()
    expect(before).toHaveLength(2)
    const [updated, deleted] = await withOperatorScope('esp', async () => [
      await db.updateTable('subjects').set({ status: 'blocked' }).where('operator_id', '=', 'ttc').executeTakeFirstOrThrow(),
      await db.deleteFrom('subject_identifiers').where('operator_id', '=', 'ttc').executeTakeFirstOrThrow(),
    ])
    expect(updated.numUpdatedRows).toBe(0n)
    expect(deleted.numDeletedRows).toBe(0n)
    // Nor can esp's own rows be moved to ttc (the policy's `with check`).
    await expect(withOperatorScope('esp', () => db.updateTable('subjects').set({ operator_id: 'ttc' }).where('operator_id', '=', 'esp').execute())).rejects.toThrow(/row-level security/)
    expect(await db.selectFrom('subjects').select(['subject_id', 'status']).where('operator_id', '=', 'ttc').orderBy('subject_id').execute()).toEqual(before)
  })
})
