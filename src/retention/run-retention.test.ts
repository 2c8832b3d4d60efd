import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../db/index.ts'
import { TEST_DATABASES } from '../db/test-databases.ts'
import { verifyAuditChain } from '../audit/index.ts'
import { BusinessCalendar } from '../kz/index.ts'
import { seedOperators } from '../operators/index.ts'
import { addRepresentative, registerSubject } from '../subjects/index.ts'
import { MemoryKeyProvider } from '../subjects/crypto/index.ts'
import { closeSystemConnections, createSystem, updateSystem } from '../systems/index.ts'
import { CUSTOMERS, SEEDING_TIMEOUT_MS, shopMap, shopServers, type Shop, type ShopServer } from '../systems/shop-test-kit.ts'
import type { DueRetention } from './due-retention.ts'
import { scanMinors } from './minors/index.ts'
import type { RetentionDeps } from './retention-deps.ts'
import { runRetention, type FindDue } from './run-retention.ts'
import { shredSubjects } from './shred-subjects.ts'

const NOW = new Date('2036-12-03T21:00:00Z')

/** A stand-in for the evaluation: the given steps, paged by subject id as findDueRetention pages. */
function dueOf(steps: DueRetention[]): FindDue {
  const sorted = [...steps].sort((a, b) => a.subjectId.localeCompare(b.subjectId))
  return async (_deps, _operatorId, _asOf, { after, limit }) => sorted.filter((d) => after === undefined || d.subjectId > after).slice(0, limit)
}

const step = (subjectId: string, s: DueRetention['step'], extra: Partial<DueRetention> = {}): DueRetention => ({
  subjectId, ruleId: 'after-relationship', step: s, trigger: 'relationship_end', triggeredAt: new Date('2026-01-10T00:00:00Z'), dueAt: new Date('2036-01-10T00:00:00Z'), clauses: ['TTC-6.4', 'TTC-6.5'], ...extra,
})

describe.each(TEST_DATABASES)('retention runs on $name', (target) => {
  let database: DatabaseHandle
  let deps: RetentionDeps
  let servers: ShopServer[]
  const shops: Shop[] = []
  beforeAll(async () => {
    database = await target.open()
    const clock = () => NOW
    await seedOperators({ db: database.db, clock }, 'policies')
    deps = { db: database.db, clock, keys: new MemoryKeyProvider({ clock }), calendar: new BusinessCalendar(), signer: undefined as never }
    servers = (await shopServers()).filter((s) => s.available)
  }, SEEDING_TIMEOUT_MS)
  afterAll(async () => {
    await closeSystemConnections()
    for (const shop of shops) await shop.drop()
    await database?.close()
  })

  const subject = async (operatorId: string, kind: string, data: { itemId: string; value: string }[] = []) =>
    (await registerSubject(deps, { operatorId, kind, data: data.map((d) => ({ ...d, source: 'subject', purposes: ['loyalty'] })) }, 'staff:test')).subjectId
  const status = async (operatorId: string, subjectId: string) =>
    (await database.db.selectFrom('subjects').select('status').where('operator_id', '=', operatorId).where('subject_id', '=', subjectId).executeTakeFirstOrThrow()).status
  const vaultCount = async (operatorId: string, subjectId: string) =>
    (await database.db.selectFrom('vault_items').select('item_id').where('operator_id', '=', operatorId).where('subject_id', '=', subjectId).execute()).length
  const items = (operatorId: string, runId: string) =>
    database.db.selectFrom('retention_run_items').selectAll().where('operator_id', '=', operatorId).where('run_id', '=', runId).orderBy('item_no').execute()

  it('TTC-6.5, art. 18: a run destroys a subject in the connected PostgreSQL and MariaDB shops first, then shreds it in the vault, and makes an act of subject ids', async () => {
    for (const server of servers) {
      const shop = await server.createShop()
      shops.push(shop)
      await createSystem(deps, 'esp', { systemId: `shop-${server.name}`, name: `Shop ${server.name}`, kind: server.name, connection: shop.connection, ...shopMap() }, 'test')
    }
    const aidos = await subject('esp', 'client', [{ itemId: 'full-name', value: CUSTOMERS.aidos.fullName }, { itemId: 'phone', value: CUSTOMERS.aidos.phone }, { itemId: 'email', value: CUSTOMERS.aidos.email }])
    const run = await runRetention(deps, 'esp', { dryRun: false, actor: 'staff:1', findDue: dueOf([step(aidos, 'destroy')]) })
    expect(run).toMatchObject({ status: 'finished', counts: { subjects: 1, destroy: 1, failed: 0 } })
    for (const shop of shops) {
      expect(await shop.query('select id from customers where id = ?', [CUSTOMERS.aidos.id])).toEqual([])
      expect(await shop.query('select id from customers where id = ?', [CUSTOMERS.dana.id])).toHaveLength(1)
    }
    expect(await status('esp', aidos)).toBe('destroyed')
    expect(await vaultCount('esp', aidos)).toBe(0)
    expect(await database.db.selectFrom('subject_keys').select('subject_id').where('subject_id', '=', aidos).execute()).toEqual([])
    const [item] = await items('esp', run.runId)
    expect(item).toMatchObject({ subject_id: aidos, step: 'destroy', status: 'done', error: null })
    expect((item!.systems as { status: string }[]).map((s) => s.status)).toEqual(servers.map(() => 'done'))
    const act = await database.db.selectFrom('retention_acts').selectAll().where('operator_id', '=', 'esp').where('act_id', '=', run.actId!).executeTakeFirstOrThrow()
    const content = act.content as unknown as { subjects: unknown[]; rules: { clauses: string[] }[]; systems: { systemId: string }[] }
    expect(content.subjects).toEqual([{ subjectId: aidos, step: 'destroy', ruleId: 'after-relationship', items: 'all' }])
    expect(content.rules[0]!.clauses).toEqual(['TTC-6.4', 'TTC-6.5'])
    expect(content.systems.map((s) => s.systemId)).toEqual(servers.map((s) => `shop-${s.name}`).sort())
    // No name or identifier of the subject is in the act.
    expect(JSON.stringify(act.content)).not.toMatch(/Айдос|aidos@mail|5550001/)
    expect(await verifyAuditChain(database.db, 'esp')).toMatchObject({ ok: true })
  })

  it('TW-9.8: a system that fails is reported per item, the subject is blocked and kept in the vault, and the next run retries it', async () => {
    const dana = await subject('esp', 'client', [{ itemId: 'email', value: CUSTOMERS.dana.email }])
    await createSystem(deps, 'esp', { systemId: 'crm-down', name: 'CRM', kind: 'postgres', connection: { url: 'postgres://postgres@127.0.0.1:1/none' }, ...shopMap() }, 'test')
    const first = await runRetention(deps, 'esp', { dryRun: false, actor: 'schedule', systemAttempts: 2, findDue: dueOf([step(dana, 'destroy')]) })
    expect(first.counts).toMatchObject({ destroy: 0, failed: 1 })
    const [failed] = await items('esp', first.runId)
    expect(failed).toMatchObject({ status: 'failed' })
    expect(failed!.error).toContain('crm-down (DERBES_SYSTEM_UNREACHABLE)')
    expect((failed!.systems as { systemId: string; status: string }[]).find((s) => s.systemId === 'crm-down')).toMatchObject({ status: 'failed', error: { code: 'DERBES_SYSTEM_UNREACHABLE' } })
    expect(await status('esp', dana)).toBe('blocked')
    expect(await vaultCount('esp', dana)).toBe(1)
    expect(first.actId).toBeNull()
    // The system comes back: the next run does it.
    const live = shops[0]
    if (live) await updateSystem(deps, 'esp', { systemId: 'crm-down', name: 'CRM', kind: servers[0]!.name, connection: live.connection, ...shopMap() }, 'test')
    else await database.db.deleteFrom('systems').where('operator_id', '=', 'esp').where('system_id', '=', 'crm-down').execute()
    const second = await runRetention(deps, 'esp', { dryRun: false, actor: 'schedule', findDue: dueOf([step(dana, 'destroy')]) })
    expect(second.counts).toMatchObject({ destroy: 1, failed: 0 })
    expect(await status('esp', dana)).toBe('destroyed')
  })

  it('a dry run records what would happen and changes nothing else', async () => {
    const a = await subject('tw', 'user')
    const before = await database.db.selectFrom('audit_entries').select('seq').where('operator_id', '=', 'tw').execute()
    const run = await runRetention(deps, 'tw', { dryRun: true, actor: 'staff:2', findDue: dueOf([step(a, 'destroy')]) })
    expect(run).toMatchObject({ dryRun: true, status: 'finished', actId: null })
    expect(await items('tw', run.runId)).toMatchObject([{ subject_id: a, status: 'planned', step: 'destroy' }])
    expect(await status('tw', a)).toBe('active')
    const after = await database.db.selectFrom('audit_entries').select(['seq', 'action']).where('operator_id', '=', 'tw').execute()
    expect(after.length).toBe(before.length + 1) // the run's own entry only
  })

  it('TW-9.8 block, PS-6.2 anonymise, and item-level destruction of values other purposes no longer need', async () => {
    const blocked = await subject('tw', 'user')
    const anonymised = await subject('tw', 'user')
    const run = await runRetention(deps, 'tw', { dryRun: false, actor: 'staff:2', findDue: dueOf([step(blocked, 'block', { clauses: ['TW-9.8'] }), step(anonymised, 'anonymise', { clauses: ['PS-6.2'] })]) })
    expect(run.counts).toMatchObject({ block: 1, anonymise: 1, failed: 0 })
    expect(await status('tw', blocked)).toBe('blocked')
    expect(await status('tw', anonymised)).toBe('anonymised')
    expect(run.actId).not.toBeNull()
  })

  it('TTC-10.4: a minor found by the minors scan is destroyed by the next run, once although the evaluation also names it, and is in the act under age-rules', async () => {
    const minor = (await registerSubject(deps, { operatorId: 'ttc', kind: 'subscriber', birthDate: '2025-03-04' }, 'staff:test')).subjectId
    const adult = (await registerSubject(deps, { operatorId: 'ttc', kind: 'subscriber', birthDate: '1980-03-04' }, 'staff:test')).subjectId
    expect(await scanMinors(deps, 'ttc', 'staff:dpo')).toMatchObject({ flagged: 1 })
    const evaluation = dueOf([step(minor, 'block', { clauses: ['TTC-6.4'] }), step(adult, 'anonymise', { clauses: ['TTC-6.5'] })])
    const dry = await runRetention(deps, 'ttc', { dryRun: true, actor: 'staff:dpo', findDue: evaluation })
    expect((await items('ttc', dry.runId)).map((i) => [i.subject_id, i.step, i.rule_id])).toEqual([[adult, 'anonymise', 'after-relationship'], [minor, 'destroy', 'age-rules']])
    expect(await status('ttc', minor)).toBe('blocked')

    const run = await runRetention(deps, 'ttc', { dryRun: false, actor: 'schedule', findDue: evaluation })
    expect(run).toMatchObject({ status: 'finished', counts: { subjects: 2, block: 0, anonymise: 1, destroy: 1, failed: 0 } })
    expect(await status('ttc', minor)).toBe('destroyed')
    expect(await database.db.selectFrom('subject_keys').select('subject_id').where('subject_id', '=', minor).execute()).toEqual([])
    const act = await database.db.selectFrom('retention_acts').select('content').where('operator_id', '=', 'ttc').where('act_id', '=', run.actId!).executeTakeFirstOrThrow()
    const content = act.content as unknown as { subjects: unknown[]; rules: { ruleId: string; clauses: string[] }[] }
    expect(content.subjects).toContainEqual({ subjectId: minor, step: 'destroy', ruleId: 'age-rules', items: 'all' })
    expect(content.rules.find((r) => r.ruleId === 'age-rules')!.clauses).toContain('TTC-10.4')
    // Destroyed: the next run has nothing of the minor left to do.
    const next = await runRetention(deps, 'ttc', { dryRun: true, actor: 'schedule', findDue: dueOf([]) })
    expect(next.counts.subjects).toBe(0)
  })

  it('never two runs of one operator at once', async () => {
    await database.db.insertInto('retention_runs').values({ operator_id: 'kzk', run_id: 'held', as_of: NOW, dry_run: false, status: 'running', started_at: NOW, started_by: 'test', by_schedule: false, counts: '{}' }).execute()
    await expect(runRetention(deps, 'kzk', { dryRun: true, actor: 'staff:3', findDue: dueOf([]) })).rejects.toMatchObject({ code: 'DERBES_RETENTION_RUN_IN_PROGRESS' })
    await database.db.updateTable('retention_runs').set({ status: 'finished' }).where('run_id', '=', 'held').execute()
    await expect(runRetention(deps, 'kzk', { dryRun: true, actor: 'staff:3', findDue: dueOf([]) })).resolves.toMatchObject({ status: 'finished' })
  })

  it('crypto-shredding in bulk leaves no value, identifier or key, one destroy entry per subject, and is harmless twice', async () => {
    const ids: string[] = []
    for (let i = 0; i < 40; i++) ids.push(await subject('ps', 'client'))
    const done = await shredSubjects(deps, { operatorId: 'ps', subjectIds: ids, outcome: 'destroyed', actor: 'retention:test' })
    expect(done.sort()).toEqual([...ids].sort())
    expect(await database.db.selectFrom('subject_keys').select('subject_id').where('operator_id', '=', 'ps').where('subject_id', 'in', ids).execute()).toEqual([])
    const entries = await database.db.selectFrom('audit_entries').select(['subject_id', 'details']).where('operator_id', '=', 'ps').where('action', '=', 'destroy').execute()
    expect(new Set(entries.map((e) => e.subject_id))).toEqual(new Set(ids))
    expect(await shredSubjects(deps, { operatorId: 'ps', subjectIds: ids, outcome: 'destroyed', actor: 'retention:test' })).toEqual([])
    expect(await verifyAuditChain(database.db, 'ps')).toMatchObject({ ok: true })
    const events = await database.db.selectFrom('event_outbox').select(['subject_id', 'data']).where('operator_id', '=', 'ps').where('type', '=', 'subject.destroyed').execute()
    expect(events.map((e) => e.subject_id).sort()).toEqual([...ids].sort())
    expect(events[0]!.data).toEqual({ reason: 'retention_ended' })
  })

  it('bulk shredding across chunks (2,500 subjects): every one shredded once, its entry and event, the chain intact', async () => {
    await sql`insert into subjects (operator_id, subject_id, kind) select 'ps', 'bulk-' || lpad(g::text, 5, '0'), 'client' from generate_series(1, 2500) g`.execute(database.db)
    await sql`insert into subject_keys (operator_id, subject_id, key_id, wrapped_key) select 'ps', 'bulk-' || lpad(g::text, 5, '0'), 'kek-1', md5(g::text) from generate_series(1, 2500) g`.execute(database.db)
    await sql`insert into vault_items (operator_id, subject_id, item_id, value_no, ciphertext, source, collected_at, purposes)
      select 'ps', 'bulk-' || lpad(g::text, 5, '0'), i, 1, md5(i || g::text), 'subject', now(), '["contract"]' from generate_series(1, 2500) g, unnest(array['full-name', 'phone']) i`.execute(database.db)
    const ids = Array.from({ length: 2500 }, (_, i) => `bulk-${String(2500 - i).padStart(5, '0')}`) // in no particular order
    const done = await shredSubjects(deps, { operatorId: 'ps', subjectIds: ids, outcome: 'destroyed', actor: 'retention:bulk' })
    expect(done).toEqual([...ids].sort())
    const left = await sql<{ n: string | number }>`select (select count(*) from vault_items where operator_id = 'ps' and subject_id like 'bulk-%') + (select count(*) from subject_keys where operator_id = 'ps' and subject_id like 'bulk-%') as n`.execute(database.db)
    expect(Number(left.rows[0]!.n)).toBe(0)
    const entries = await database.db.selectFrom('audit_entries').select(['subject_id', 'details']).where('operator_id', '=', 'ps').where('actor', '=', 'retention:bulk').execute()
    expect(entries).toHaveLength(2500)
    expect(entries.every((e) => (e.details as { erased: { values: number; keyId: string } }).erased.values === 2)).toBe(true)
    const events = await sql<{ n: string | number }>`select count(*) as n from event_outbox where operator_id = 'ps' and subject_id like 'bulk-%'`.execute(database.db)
    expect(Number(events.rows[0]!.n)).toBe(2500)
    expect(await verifyAuditChain(database.db, 'ps')).toMatchObject({ ok: true })
  })

  it('bulk shredding counts what it erased per subject — values, identifiers, representations either way, the key — as eraseSubject records it, and anonymises', async () => {
    const reg = async (data: { itemId: string; value: string }[]) =>
      (await registerSubject(deps, { operatorId: 'kzk', kind: 'parent', data: data.map((d) => ({ ...d, source: 'subject', purposes: ['support'] })) }, 'staff:test')).subjectId
    const parent = await reg([{ itemId: 'phone', value: '+77015550101' }])
    const child = (await registerSubject(deps, { operatorId: 'kzk', kind: 'child' }, 'staff:test')).subjectId
    await addRepresentative(deps, { operatorId: 'kzk', subjectId: child, representativeId: parent, relation: 'parent' }, 'staff:test')
    const keep = await reg([])
    const done = await shredSubjects(deps, { operatorId: 'kzk', subjectIds: [parent, child, parent], outcome: 'anonymised', actor: 'retention:test', reference: 'retention run r-1' })
    expect(done.sort()).toEqual([parent, child].sort())
    const entries = await database.db.selectFrom('audit_entries').select(['subject_id', 'details', 'action']).where('operator_id', '=', 'kzk').where('action', '=', 'anonymise').execute()
    const erased = new Map(entries.map((e) => [e.subject_id, e.details as { erased: Record<string, unknown>; reference: string }]))
    expect(erased.get(parent)).toMatchObject({ reference: 'retention run r-1', erased: { values: 1, representations: 1, keyId: expect.any(String) } })
    expect(erased.get(child)).toMatchObject({ erased: { values: 0, identifiers: 0, representations: 1 } })
    expect(await status('kzk', parent)).toBe('anonymised')
    expect(await status('kzk', keep)).toBe('active')
    expect(await database.db.selectFrom('subject_representatives').select('subject_id').where('operator_id', '=', 'kzk').where('subject_id', '=', child).execute()).toEqual([])
    expect(await verifyAuditChain(database.db, 'kzk')).toMatchObject({ ok: true })
  })
})
