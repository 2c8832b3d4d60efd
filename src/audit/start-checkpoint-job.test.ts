import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../db/index.ts'
import { TEST_DATABASES } from '../db/test-databases.ts'
import { appendAudit } from './append-audit.ts'
import { entry, insertOperator, tamper } from './audit-test-helpers.ts'
import { checkpointOperators, type CheckpointOutcome } from './checkpoint-operators.ts'
import { LocalKeyFileSigner } from './local-key-file-signer.ts'
import { startCheckpointJob } from './start-checkpoint-job.ts'
import { verifyAuditChain } from './verify-audit-chain.ts'

async function until(condition: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> {
  const end = Date.now() + ms
  while (!(await condition())) {
    if (Date.now() > end) throw new Error('timed out waiting')
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

describe.each(TEST_DATABASES)('periodic signed checkpoints on $name', (target) => {
  let database: DatabaseHandle
  const signer = LocalKeyFileSigner.ephemeral()

  beforeAll(async () => {
    database = await target.open()
    for (const operatorId of ['tw', 'ttc', 'esp']) await insertOperator(database.db, operatorId)
  })
  afterAll(async () => {
    await database.close()
  })

  const checkpoints = async (operatorId: string) =>
    (await database.db.selectFrom('audit_checkpoints').select('seq').where('operator_id', '=', operatorId).orderBy('seq').execute()).map((r) => Number(r.seq))

  it('signs at start the chains that have entries, and again each interval once they grew', async () => {
    for (let i = 1; i <= 3; i++) await appendAudit(database.db, entry('tw', i))
    for (let i = 1; i <= 2; i++) await appendAudit(database.db, entry('ttc', i))
    const passes: CheckpointOutcome[][] = []
    const job = startCheckpointJob({ db: database.db, signer }, { intervalMs: 40, onPass: (o) => passes.push(o) })
    try {
      await until(() => passes.length >= 1)
      expect(passes[0]!.map((o) => [o.operatorId, o.status])).toEqual([['esp', 'unchanged'], ['ttc', 'signed'], ['tw', 'signed']])
      expect(await checkpoints('tw')).toEqual([3])
      await appendAudit(database.db, entry('tw', 4))
      await until(async () => (await checkpoints('tw')).length === 2)
    } finally {
      await job.stop()
    }
    expect(await checkpoints('tw')).toEqual([3, 4])
    expect(await checkpoints('ttc')).toEqual([2])
    expect(await verifyAuditChain(database.db, 'tw', { verifier: signer })).toMatchObject({ ok: true, checkpoints: 2 })
  })

  it('refuses to sign a broken chain, and still signs the other operators', async () => {
    await appendAudit(database.db, entry('esp', 1))
    await appendAudit(database.db, entry('esp', 2))
    await appendAudit(database.db, entry('tw', 5))
    await tamper(database.db, sql`delete from audit_entries where operator_id = 'esp' and seq = 1`)
    const outcomes = await checkpointOperators(database.db, signer, () => new Date(), { onlyIfAdvanced: true })
    expect(outcomes.map((o) => [o.operatorId, o.status])).toEqual([['esp', 'refused'], ['ttc', 'unchanged'], ['tw', 'signed']])
    expect(outcomes[0]).toMatchObject({ error: expect.stringMatching(/entry 1 is broken \(gap\)/) })
    expect(await checkpoints('esp')).toEqual([])
  })

  it('does nothing when the interval is 0', async () => {
    const job = startCheckpointJob({ db: database.db, signer }, { intervalMs: 0, onPass: () => expect.unreachable() })
    await new Promise((resolve) => setTimeout(resolve, 50))
    await job.stop()
  })
})
