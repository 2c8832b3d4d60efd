import { sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../db/index.ts'
import { TEST_DATABASES } from '../db/test-databases.ts'
import { DerbesError } from '../errors/index.ts'
import { appendAudit, appendAuditBatch } from './append-audit.ts'
import { auditEntryBody, auditEntryHash, BODY_PREV_HASH_AT, GENESIS_HASH, hashAuditBody, type AuditEntryInput } from './audit-entry.ts'
import { entry, insertOperator, tamper } from './audit-test-helpers.ts'
import { verifyAuditChain } from './verify-audit-chain.ts'

describe.each(TEST_DATABASES)('the audit chain on $name', (target) => {
  let database: DatabaseHandle

  beforeEach(async () => {
    database = await target.open()
    await insertOperator(database.db, 'tw')
    await insertOperator(database.db, 'ttc')
  })
  afterEach(async () => {
    await database.close()
  })

  const appendMany = async (operatorId: string, n: number) => {
    for (let i = 1; i <= n; i++) await database.db.transaction().execute((trx) => appendAudit(trx, entry(operatorId, i)))
  }

  it('links each entry to the one before it from the genesis, and verifies', async () => {
    const first = await appendAudit(database.db, entry('tw', 1))
    const second = await appendAudit(database.db, entry('tw', 2, { action: 'consent_given', basis: null, details: {} }))
    expect(first).toMatchObject({ seq: 1, prevHash: GENESIS_HASH })
    expect(second).toMatchObject({ seq: 2, prevHash: first.hash })
    expect(second.hash).toBe(auditEntryHash(second))
    // What is stored is the body that was hashed, and the columns are read from it.
    const stored = await database.db.selectFrom('audit_entries').selectAll().where('operator_id', '=', 'tw').where('seq', '=', 2).executeTakeFirstOrThrow()
    expect(stored.body.slice(BODY_PREV_HASH_AT, BODY_PREV_HASH_AT + 64)).toBe(first.hash)
    expect(stored).toMatchObject({ body: second.body, hash: hashAuditBody(second.body), at: second.at, actor: 'staff:7', action: 'consent_given', subject_id: 's-2', basis: null, purpose: 'contract', details: {} })
    await appendMany('tw', 3)

    const result = await verifyAuditChain(database.db, 'tw', { batchSize: 2 })
    const head = await database.db.selectFrom('audit_heads').selectAll().where('operator_id', '=', 'tw').executeTakeFirstOrThrow()
    expect(result).toEqual({ ok: true, operatorId: 'tw', entries: 5, headSeq: 5, headHash: head.hash, checkpoints: 0 })
  })

  it('generates the columns exactly from any body: commas, quotes, backslashes and non-ASCII in the strings', async () => {
    const odd = { actor: 'staff:"7",\\x', action: 'view' as const, subjectId: 'a,b', basis: null, purpose: 'маркетинг, sms', details: { note: 'Қазақ "тілі"', n: [1, 2] } }
    const plain = { actor: 'staff:7', action: 'view' as const, subjectId: null, basis: 'job_duties', purpose: null, details: {} }
    const appended = [await appendAudit(database.db, entry('tw', 1, odd)), await appendAudit(database.db, entry('tw', 2, plain))]
    // The first body has backslashes (escaped strings): parsed; the second none: cut out by position.
    expect(appended.map((e) => e.body.includes('\\'))).toEqual([true, false])
    const rows = await database.db.selectFrom('audit_entries').select(['actor', 'action', 'subject_id', 'basis', 'purpose', 'details']).where('operator_id', '=', 'tw').orderBy('seq').execute()
    expect(rows).toEqual([
      { actor: odd.actor, action: 'view', subject_id: 'a,b', basis: null, purpose: odd.purpose, details: odd.details },
      { actor: 'staff:7', action: 'view', subject_id: null, basis: 'job_duties', purpose: null, details: {} },
    ])
    expect(await verifyAuditChain(database.db, 'tw')).toMatchObject({ ok: true, entries: 2 })
  })

  it('is intact for an operator that has recorded nothing yet', async () => {
    expect(await verifyAuditChain(database.db, 'tw')).toMatchObject({ ok: true, entries: 0, headSeq: 0, headHash: GENESIS_HASH })
  })

  it('refuses UPDATE and DELETE of entries outright (append-only)', async () => {
    await appendMany('tw', 2)
    await expect(sql`update audit_entries set hash = hash where operator_id = 'tw'`.execute(database.db)).rejects.toThrow(/append-only/)
    await expect(sql`delete from audit_entries where operator_id = 'tw'`.execute(database.db)).rejects.toThrow(/append-only/)
  })

  it("names the changed entry when one row's details are altered (hash_mismatch)", async () => {
    await appendMany('tw', 5)
    await tamper(database.db, sql`update audit_entries set body = replace(body, '"itemIds":["phone","iin"]', '"itemIds":["phone"]') where operator_id = 'tw' and seq = 3`)
    expect(await verifyAuditChain(database.db, 'tw', { batchSize: 2 })).toMatchObject({ ok: false, entries: 2, firstBroken: { seq: 3, reason: 'hash_mismatch' } })
  })

  it('names the entry after a row whose hash was recomputed to hide a change (broken_link)', async () => {
    await appendMany('tw', 5)
    const row = await database.db.selectFrom('audit_entries').selectAll().where('operator_id', '=', 'tw').where('seq', '=', 2).executeTakeFirstOrThrow()
    const forged = auditEntryBody({ operatorId: 'tw', seq: 2, at: row.at, actor: 'someone-else', action: row.action, subjectId: row.subject_id, basis: row.basis, purpose: row.purpose, details: row.details, prevHash: row.body.slice(BODY_PREV_HASH_AT, BODY_PREV_HASH_AT + 64) })
    await tamper(database.db, sql`update audit_entries set body = ${forged}, hash = ${hashAuditBody(forged)} where operator_id = 'tw' and seq = 2`)
    expect(await database.db.selectFrom('audit_entries').select('actor').where('operator_id', '=', 'tw').where('seq', '=', 2).executeTakeFirstOrThrow()).toEqual({ actor: 'someone-else' })
    expect(await verifyAuditChain(database.db, 'tw')).toMatchObject({ ok: false, firstBroken: { seq: 3, reason: 'broken_link' } })
  })

  it('names a deleted entry in the middle (gap)', async () => {
    await appendMany('tw', 5)
    await tamper(database.db, sql`delete from audit_entries where operator_id = 'tw' and seq = 3`)
    expect(await verifyAuditChain(database.db, 'tw')).toMatchObject({ ok: false, entries: 2, firstBroken: { seq: 3, reason: 'gap' } })
  })

  it('detects a deleted last entry against the head (head_mismatch)', async () => {
    await appendMany('tw', 5)
    await tamper(database.db, sql`delete from audit_entries where operator_id = 'tw' and seq = 5`)
    expect(await verifyAuditChain(database.db, 'tw')).toMatchObject({ ok: false, entries: 4, firstBroken: { seq: 5, reason: 'head_mismatch' } })
  })

  it('detects an entry slipped in behind the head', async () => {
    await appendMany('tw', 2)
    await sql`update audit_heads set seq = 1, hash = (select hash from audit_entries where operator_id = 'tw' and seq = 1) where operator_id = 'tw'`.execute(database.db)
    expect(await verifyAuditChain(database.db, 'tw')).toMatchObject({ ok: false, firstBroken: { seq: 2, reason: 'head_mismatch' } })
  })

  it('keeps the chain gapless and unforked under 20 concurrent transactions', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => database.db.transaction().execute((trx) => appendAudit(trx, entry('tw', i + 1)))),
    )
    const seqs = (await database.db.selectFrom('audit_entries').select('seq').where('operator_id', '=', 'tw').orderBy('seq').execute()).map((r) => Number(r.seq))
    expect(seqs).toEqual(Array.from({ length: 20 }, (_, i) => i + 1))
    expect(await verifyAuditChain(database.db, 'tw')).toMatchObject({ ok: true, entries: 20 })
  })

  it('leaves no entry when the transaction that recorded it rolls back', async () => {
    await appendMany('tw', 1)
    await expect(
      database.db.transaction().execute(async (trx) => {
        await appendAudit(trx, entry('tw', 2))
        throw new Error('the recorded action failed')
      }),
    ).rejects.toThrow('the recorded action failed')
    const next = await appendAudit(database.db, entry('tw', 3))
    expect(next.seq).toBe(2)
    expect(await verifyAuditChain(database.db, 'tw')).toMatchObject({ ok: true, entries: 2 })
  })

  it('appends a batch over several operators with consecutive seq, in input order', async () => {
    await appendMany('tw', 1)
    const inputs: AuditEntryInput[] = Array.from({ length: 2500 }, (_, i) => entry(i % 5 === 0 ? 'ttc' : 'tw', i, { action: 'collect' }))
    const appended = await database.db.transaction().execute((trx) => appendAuditBatch(trx, inputs))
    expect(appended.map((e) => e.operatorId)).toEqual(inputs.map((e) => e.operatorId))
    expect(appended.filter((e) => e.operatorId === 'tw').map((e) => e.seq).slice(0, 3)).toEqual([2, 3, 4])
    expect(await verifyAuditChain(database.db, 'tw', { batchSize: 333 })).toMatchObject({ ok: true, entries: 2001 })
    expect(await verifyAuditChain(database.db, 'ttc')).toMatchObject({ ok: true, entries: 500 })
  })

  it('refuses an unknown action, an empty actor, an invalid time or one beyond the year 9999, and records nothing', async () => {
    const bad = { ...entry('tw', 1), action: 'peek' } as unknown as AuditEntryInput
    await expect(appendAudit(database.db, bad)).rejects.toBeInstanceOf(DerbesError)
    await expect(appendAudit(database.db, entry('tw', 1, { actor: '' }))).rejects.toMatchObject({ code: 'DERBES_AUDIT_ENTRY_INVALID' })
    await expect(appendAudit(database.db, entry('tw', 1, { at: new Date('nope') }))).rejects.toMatchObject({ code: 'DERBES_AUDIT_ENTRY_INVALID' })
    await expect(appendAudit(database.db, entry('tw', 1, { at: new Date('+010000-01-01T00:00:00Z') }))).rejects.toMatchObject({ errors: [{ pointer: '/0/at' }] })
    expect(await database.db.selectFrom('audit_entries').select('seq').execute()).toEqual([])
    expect(await database.db.selectFrom('audit_heads').select('seq').execute()).toEqual([])
  })

  it("keeps operators apart: tampering with one chain does not touch another's verification", async () => {
    await appendMany('tw', 3)
    await appendMany('ttc', 3)
    await tamper(database.db, sql`delete from audit_entries where operator_id = 'ttc' and seq = 2`)
    expect(await verifyAuditChain(database.db, 'tw')).toMatchObject({ ok: true, entries: 3 })
    expect(await verifyAuditChain(database.db, 'ttc')).toMatchObject({ ok: false, firstBroken: { seq: 2, reason: 'gap' } })
    // An entry moved to another operator does not verify there: the operator is inside the hash.
    await tamper(database.db, sql`update audit_entries set operator_id = 'ttc', seq = 2 where operator_id = 'tw' and seq = 2`)
    expect(await verifyAuditChain(database.db, 'ttc')).toMatchObject({ ok: false, firstBroken: { seq: 2 } })
  })
})
