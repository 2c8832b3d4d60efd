import { createHash } from 'node:crypto'
import { sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../db/index.ts'
import { down, up } from '../db/migrations/2026-12-02-160-audit-hashed-form.ts'
import { TEST_DATABASES } from '../db/test-databases.ts'
import { canonicalJson } from '../policy/index.ts'
import { appendAudit } from './append-audit.ts'
import { entry, insertOperator, tamper } from './audit-test-helpers.ts'
import { createCheckpoint } from './create-checkpoint.ts'
import { LocalKeyFileSigner } from './local-key-file-signer.ts'
import { verifyAuditChain } from './verify-audit-chain.ts'

const GENESIS = '0'.repeat(64)
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex')

interface V1Row {
  operator_id: string
  seq: string | number
  at: Date
  actor: string
  action: string
  subject_id: string | null
  basis: string | null
  purpose: string | null
  details: Record<string, unknown>
  prev_hash: string
  hash: string
}

/** The old form's hash (derbes-audit-v1), written out here as its documentation gave it. */
const v1Hash = (r: V1Row) =>
  sha256(canonicalJson(['derbes-audit-v1', r.operator_id, Number(r.seq), r.at.toISOString(), r.actor, r.action, r.subject_id, r.basis, r.purpose, r.details, r.prev_hash]))

/** Migration 2026-12-02-160 converts existing chains in place: verified in the old form, re-hashed in the new. */
describe.each(TEST_DATABASES)('the migration to the hashed audit form on $name', (target) => {
  let database: DatabaseHandle
  const signer = LocalKeyFileSigner.ephemeral()
  // As the migrator runs it: in a transaction.
  const migrate = (step: typeof up) => database.db.transaction().execute((trx) => step(trx))
  const fields = () =>
    database.db.selectFrom('audit_entries').select(['operator_id', 'seq', 'at', 'actor', 'action', 'subject_id', 'basis', 'purpose', 'details']).orderBy('operator_id').orderBy('seq').execute()

  beforeEach(async () => {
    database = await target.open()
    for (const operatorId of ['ttc', 'tw']) await insertOperator(database.db, operatorId)
    for (let i = 1; i <= 5; i++) await appendAudit(database.db, entry('tw', i, i === 4 ? { subjectId: null, basis: null, details: {} } : {}))
    for (let i = 1; i <= 3; i++) await appendAudit(database.db, entry('ttc', i, { action: 'collect', details: { itemIds: ['phone'], note: 'Қазақ тілі' } }))
    await createCheckpoint(database.db, 'tw', signer)
  })
  afterEach(async () => {
    await database.close()
  })

  it('takes chains back to the old form and forward again: each verifies in its form, and the entries read the same', async () => {
    const before = await fields()
    await migrate(down)

    const old = await sql<V1Row>`select * from audit_entries order by operator_id, seq`.execute(database.db)
    expect(old.rows).toHaveLength(8)
    expect(old.rows[0]).not.toHaveProperty('body')
    for (const [i, row] of old.rows.entries()) {
      const previous = old.rows[i - 1]
      expect(row.prev_hash).toBe(previous?.operator_id === row.operator_id ? previous.hash : GENESIS)
      expect(row.hash).toBe(v1Hash(row))
    }
    const heads = await database.db.selectFrom('audit_heads').select(['operator_id', 'hash']).orderBy('operator_id').execute()
    expect(heads.map((h) => h.hash)).toEqual([old.rows[2]!.hash, old.rows[7]!.hash])
    // A checkpoint signs hashes that exist no more: removed, to be signed again.
    expect(await database.db.selectFrom('audit_checkpoints').select('seq').execute()).toEqual([])

    await migrate(up)
    expect(await fields()).toEqual(before)
    expect(await verifyAuditChain(database.db, 'tw', { verifier: signer })).toMatchObject({ ok: true, entries: 5, checkpoints: 0 })
    expect(await verifyAuditChain(database.db, 'ttc')).toMatchObject({ ok: true, entries: 3 })
    // The generated columns are back, and the append-only guard with them.
    await expect(sql`update audit_entries set hash = hash`.execute(database.db)).rejects.toThrow(/append-only/)
    await appendAudit(database.db, entry('tw', 6))
    expect(await verifyAuditChain(database.db, 'tw')).toMatchObject({ ok: true, entries: 6 })
  })

  it('refuses to re-hash a chain that is broken in its current form, and names the operator and entry', async () => {
    await migrate(down)
    await tamper(database.db, sql`update audit_entries set actor = 'staff:9' where operator_id = 'tw' and seq = 2`)
    await expect(migrate(up)).rejects.toThrow(/operator 'tw' is broken at entry 2/)
    await tamper(database.db, sql`update audit_entries set actor = 'staff:7' where operator_id = 'tw' and seq = 2`)
    await tamper(database.db, sql`delete from audit_entries where operator_id = 'ttc' and seq = 3`)
    await expect(migrate(up)).rejects.toThrow(/operator 'ttc' does not end at its head/)
  })

  it('refuses to take a tampered chain back to the old form', async () => {
    await tamper(database.db, sql`update audit_entries set body = replace(body, '"staff:7"', '"staff:8"') where operator_id = 'tw' and seq = 3`)
    await expect(migrate(down)).rejects.toThrow(/operator 'tw' is broken at entry 3/)
    expect(await verifyAuditChain(database.db, 'tw')).toMatchObject({ ok: false, firstBroken: { seq: 3, reason: 'hash_mismatch' } })
  })
})
