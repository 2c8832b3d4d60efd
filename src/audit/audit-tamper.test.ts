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
 * verification must name exactly that entry.
 */
const FIELD_CHANGES: [field: string, reason: string, change: ReturnType<typeof sql>][] = [
  ['at', 'hash_mismatch', sql`at = at + interval '1 millisecond'`],
  ['actor', 'hash_mismatch', sql`actor = 'staff:8'`],
  ['action', 'hash_mismatch', sql`action = 'destroy'`],
  ['subject_id', 'hash_mismatch', sql`subject_id = 's-999'`],
  ['subject_id (to null)', 'hash_mismatch', sql`subject_id = null`],
  ['basis', 'hash_mismatch', sql`basis = 'management_order'`],
  ['purpose', 'hash_mismatch', sql`purpose = null`],
  ['details (a value)', 'hash_mismatch', sql`details = jsonb_set(details, '{count}', '4')`],
  ['details (a key added)', 'hash_mismatch', sql`details = details || '{"note":"x"}'`],
  ['prev_hash', 'broken_link', sql`prev_hash = repeat('0', 64)`],
  ['hash', 'hash_mismatch', sql`hash = repeat('a', 64)`],
  ['seq', 'gap', sql`seq = 99`],
  ['operator_id', 'gap', sql`operator_id = 'elsewhere'`],
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
    await tamper(database.db, sql`update audit_entries set ${change} where operator_id = ${operatorId} and seq = 3`)
    expect(await verifyAuditChain(database.db, operatorId, { verifier: signer })).toMatchObject({ ok: false, entries: 2, firstBroken: { seq: 3, reason } })
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
      await sql`update audit_entries set purpose = 'marketing' where operator_id = ${operatorId} and seq = 2`.execute(trx)
      await sql`delete from audit_entries where operator_id = ${operatorId} and seq = 4`.execute(trx)
    })
    expect(await verifyAuditChain(database.db, operatorId, { verifier: signer })).toMatchObject({ ok: false, entries: 1, firstBroken: { seq: 2, reason: 'hash_mismatch' } })
  })
})
