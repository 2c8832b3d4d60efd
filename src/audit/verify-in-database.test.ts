import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../db/index.ts'
import { TEST_DATABASES } from '../db/test-databases.ts'
import { appendAudit } from './append-audit.ts'
import { entry, insertOperator, tamper } from './audit-test-helpers.ts'
import { GENESIS_HASH } from './audit-entry.ts'
import { verifyAuditChain } from './verify-audit-chain.ts'
import { verifyInDatabase } from './verify-in-database.ts'

/**
 * The database's pass of verification (issue 3 item 6) must say "intact"
 * exactly where the rows are intact: up to the head on an untouched chain,
 * and never past the page of a changed or missing row — and verification
 * with it must name the same entry and reason as reading every row here.
 */
const TAMPERING: [what: string, seq: number, statement: (op: string) => ReturnType<typeof sql>][] = [
  ['a body changed', 5, (op) => sql`update audit_entries set body = replace(body, '"view"', '"destroy"') where operator_id = ${op} and seq = 5`],
  ['a body changed with its hash recomputed', 5, (op) => sql`update audit_entries set body = replace(body, '"view"', '"destroy"'), hash = encode(sha256(convert_to(replace(body, '"view"', '"destroy"'), 'UTF8')), 'hex') where operator_id = ${op} and seq = 5`],
  ['a row deleted inside a page', 5, (op) => sql`delete from audit_entries where operator_id = ${op} and seq = 5`],
  ['the row both pages read deleted', 6, (op) => sql`delete from audit_entries where operator_id = ${op} and seq = 6`],
  ['the first row deleted', 1, (op) => sql`delete from audit_entries where operator_id = ${op} and seq = 1`],
  ['a row moved to another seq', 5, (op) => sql`update audit_entries set seq = 50 where operator_id = ${op} and seq = 5`],
  ['a stored hash changed', 6, (op) => sql`update audit_entries set hash = repeat('a', 64) where operator_id = ${op} and seq = 6`],
]

describe.each(TEST_DATABASES)('verification in the database on $name', (target) => {
  let database: DatabaseHandle
  let n = 0

  beforeAll(async () => {
    database = await target.open()
  })
  afterAll(async () => {
    await database.close()
  })

  /** Ten entries, some with Kazakh letters and commas in them, so offsets and bytes are not all ASCII. */
  async function chain(): Promise<string> {
    const operatorId = `op-${++n}`
    await insertOperator(database.db, operatorId)
    for (let i = 1; i <= 10; i++) {
      await appendAudit(database.db, entry(operatorId, i, i % 2 ? { actor: 'staff:Әлия, ұстаз', details: { note: 'Қызылорда, Шұғыла', count: i } } : {}))
    }
    return operatorId
  }

  it.each([1, 3, 4, 10, 25])('finds an untouched chain intact up to its head, %i entries a page', async (pageRows) => {
    const operatorId = await chain()
    const head = await database.db.selectFrom('audit_heads').select(['seq', 'hash']).where('operator_id', '=', operatorId).executeTakeFirstOrThrow()
    for (const concurrency of [1, 2]) {
      expect(await verifyInDatabase(database.db, operatorId, 10, { pageRows, concurrency })).toEqual({ seq: 10, hash: head.hash })
    }
  })

  it("finds nothing intact in another operator's chain put in place of this one's, head and all", async () => {
    const operatorId = await chain()
    const other = await chain()
    await tamper(database.db, sql`delete from audit_entries where operator_id = ${operatorId}`)
    await tamper(database.db, sql`update audit_entries set operator_id = ${operatorId} where operator_id = ${other}`)
    await sql`update audit_heads set hash = (select hash from audit_heads where operator_id = ${other}) where operator_id = ${operatorId}`.execute(database.db)
    // Every hash and link holds: only the bodies' operator tells.
    expect(await verifyInDatabase(database.db, operatorId, 10, { pageRows: 3, concurrency: 2 })).toEqual({ seq: 0, hash: GENESIS_HASH })
    expect(await verifyAuditChain(database.db, operatorId)).toMatchObject({ ok: false, entries: 0, firstBroken: { seq: 1, reason: 'hash_mismatch', detail: `the entry belongs to operator '${other}'` } })
  })

  it.each(TAMPERING)('stops before the page of %s (entry %i), and verification names what reading every row names', async (_what, seq, statement) => {
    const operatorId = await chain()
    await tamper(database.db, statement(operatorId))
    const pageRows = 3
    const verified = await verifyInDatabase(database.db, operatorId, 10, { pageRows, concurrency: 2 })
    // The page (lo, hi] that holds the entry, or the one whose last row it is.
    expect(verified.seq).toBeLessThan(seq)
    expect(verified.seq).toBeGreaterThanOrEqual(Math.floor((seq - 1) / pageRows) * pageRows - pageRows)
    const inProcess = await verifyAuditChain(database.db, operatorId, { checkIn: 'process' })
    expect(inProcess.ok).toBe(false)
    expect(await verifyAuditChain(database.db, operatorId, { inDatabasePageRows: pageRows })).toEqual(inProcess)
  })
})
