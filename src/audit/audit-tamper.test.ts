import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../db/index.ts'
import { TEST_DATABASES } from '../db/test-databases.ts'
import { appendAudit } from './append-audit.ts'
import { entry, insertOperator, tamper } from './audit-test-helpers.ts'
import { createCheckpoint } from './create-checkpoint.ts'
import { LocalKeyFileSigner } from './local-key-file-signer.ts'
import { verifyAuditChain } from './verify-audit-chain.ts'

/**
 * Issue 3 item 6: "changing or deleting any single row is detected". Each case
 * changes ONE field of ONE stored entry (or deletes one row) the way someone
 * owning the table could — the append-only trigger switched off — and
 * verification must name exactly that entry. A field lives in the row's
 * body (the text that is hashed; the queryable columns are generated from
 * it, see GENERATED below), so changing a field means changing its text in
 * the body, exactly there and nowhere else.
 *
 * Entry 3 of each chain is, from audit-test-helpers.ts `entry(op, 3)`:
 * ["derbes-audit-v2","<prev>","2026-11-21T10:00:03.000Z","<op>",3,"staff:7","view","s-3","job_duties","contract",{"count":3,"itemIds":["phone","iin"]}]
 */
const inBody = (from: string, to: string) => sql`body = replace(body, ${from}, ${to})`
const FIELD_CHANGES: [field: string, reason: string, change: ReturnType<typeof sql>][] = [
  ['at', 'hash_mismatch', inBody('"2026-11-21T10:00:03.000Z"', '"2026-11-21T10:00:03.001Z"')],
  ['actor', 'hash_mismatch', inBody('"staff:7"', '"staff:8"')],
  ['action', 'hash_mismatch', inBody('"view"', '"destroy"')],
  ['subject_id', 'hash_mismatch', inBody('"s-3"', '"s-999"')],
  ['subject_id (to null)', 'hash_mismatch', inBody('"s-3"', 'null')],
  ['basis', 'hash_mismatch', inBody('"job_duties"', '"management_order"')],
  ['purpose', 'hash_mismatch', inBody('"contract"', 'null')],
  ['details (a value)', 'hash_mismatch', inBody('"count":3', '"count":4')],
  ['details (a key added)', 'hash_mismatch', inBody('{"count"', '{"a":"x","count"')],
  ['seq inside the body', 'hash_mismatch', inBody(',3,"staff:7"', ',4,"staff:7"')],
  ['prev_hash', 'hash_mismatch', sql`body = overlay(body placing repeat('0', 64) from 21 for 64)`],
  ['hash', 'hash_mismatch', sql`hash = repeat('a', 64)`],
  ['seq', 'gap', sql`seq = 99`],
  ['operator_id', 'gap', sql`operator_id = 'elsewhere'`],
]

/** The columns generated from the body, and a value each would be changed to. */
const GENERATED: [column: string, change: ReturnType<typeof sql>][] = [
  ['at', sql`at = at + interval '1 millisecond'`],
  ['actor', sql`actor = 'staff:8'`],
  ['action', sql`action = 'destroy'`],
  ['subject_id', sql`subject_id = null`],
  ['basis', sql`basis = 'management_order'`],
  ['purpose', sql`purpose = 'marketing'`],
  ['details', sql`details = details || '{"note":"x"}'`],
]

describe.each(TEST_DATABASES)('tampering with single audit rows on $name', (target) => {
  let database: DatabaseHandle
  let n = 0
  const signer = LocalKeyFileSigner.ephemeral()

  beforeAll(async () => {
    database = await target.open()
    await insertOperator(database.db, 'elsewhere')
  })
  afterAll(async () => {
    await database.close()
  })

  /** A fresh operator with a 5-entry chain and a signed checkpoint at its head. */
  async function chain(): Promise<string> {
    const operatorId = `op-${++n}`
    await insertOperator(database.db, operatorId)
    for (let i = 1; i <= 5; i++) await appendAudit(database.db, entry(operatorId, i))
    await createCheckpoint(database.db, operatorId, signer)
    expect(await verifyAuditChain(database.db, operatorId, { verifier: signer })).toMatchObject({ ok: true, entries: 5 })
    return operatorId
  }

  it.each(FIELD_CHANGES)('names entry 3 when its %s alone is changed (%s)', async (_field, reason, change) => {
    const operatorId = await chain()
    const row = () => sql`select operator_id, seq, body, hash from audit_entries where body like ${`%"${operatorId}",3,%`}`.execute(database.db)
    const before = (await row()).rows
    await tamper(database.db, sql`update audit_entries set ${change} where operator_id = ${operatorId} and seq = 3`)
    // The change took: one row's body or hash (or its place) is no longer what it was.
    expect((await row()).rows).not.toEqual(before)
    expect(await verifyAuditChain(database.db, operatorId, { verifier: signer })).toMatchObject({ ok: false, entries: 2, firstBroken: { seq: 3, reason } })
  })

  it.each(GENERATED)('cannot change the generated column %s apart from the body: the database refuses', async (column, change) => {
    const operatorId = await chain()
    await expect(tamper(database.db, sql`update audit_entries set ${change} where operator_id = ${operatorId} and seq = 3`)).rejects.toThrow(
      new RegExp(`column "${column}" can only be updated to DEFAULT`),
    )
    expect(await verifyAuditChain(database.db, operatorId, { verifier: signer })).toMatchObject({ ok: true, entries: 5 })
  })

  it('names entry 3 when its body is changed with its hash recomputed, and the link from entry 4 breaks', async () => {
    const operatorId = await chain()
    await tamper(database.db, sql`update audit_entries set body = replace(body, '"view"', '"use"') where operator_id = ${operatorId} and seq = 3`)
    await tamper(database.db, sql`update audit_entries set hash = encode(sha256(convert_to(body, 'UTF8')), 'hex') where operator_id = ${operatorId} and seq = 3`)
    expect(await verifyAuditChain(database.db, operatorId, { verifier: signer })).toMatchObject({ ok: false, entries: 3, firstBroken: { seq: 4, reason: 'broken_link' } })
  })

  it.each([
    [1, 'gap'],
    [3, 'gap'],
    [5, 'head_mismatch'],
  ])('names entry %i when that one row is deleted (%s)', async (seq, reason) => {
    const operatorId = await chain()
    await tamper(database.db, sql`delete from audit_entries where operator_id = ${operatorId} and seq = ${seq}`)
    expect(await verifyAuditChain(database.db, operatorId, { verifier: signer })).toMatchObject({ ok: false, entries: seq - 1, firstBroken: { seq, reason } })
  })

  it('detects the same with triggers bypassed by session_replication_role = replica', async () => {
    const operatorId = await chain()
    await database.db.transaction().execute(async (trx) => {
      await sql`set local session_replication_role = replica`.execute(trx)
      await sql`update audit_entries set body = replace(body, '"contract"', '"marketing"') where operator_id = ${operatorId} and seq = 2`.execute(trx)
      await sql`delete from audit_entries where operator_id = ${operatorId} and seq = 4`.execute(trx)
    })
    expect(await verifyAuditChain(database.db, operatorId, { verifier: signer })).toMatchObject({ ok: false, entries: 1, firstBroken: { seq: 2, reason: 'hash_mismatch' } })
  })
})
