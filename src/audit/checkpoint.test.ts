import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../db/index.ts'
import { TEST_DATABASES } from '../db/test-databases.ts'
import { appendAudit } from './append-audit.ts'
import { entry, insertOperator, tamper } from './audit-test-helpers.ts'
import { createCheckpoint } from './create-checkpoint.ts'
import { LocalKeyFileSigner } from './local-key-file-signer.ts'
import { verifyAuditChain } from './verify-audit-chain.ts'

describe('the local signing key file', () => {
  let dir: string
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'derbes-keys-'))
  })
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('is created with mode 0600 on first use and the same key is read back', async () => {
    const file = join(dir, 'keys', 'audit-signing.pem')
    const first = await LocalKeyFileSigner.open(file)
    if (process.platform !== 'win32') expect((await stat(file)).mode & 0o777).toBe(0o600)
    const again = await LocalKeyFileSigner.open(file)
    expect(again.keyId).toBe(first.keyId)
    const signature = await first.sign(Buffer.from('x'))
    expect(await again.verify(first.keyId, Buffer.from('x'), signature)).toBe(true)
    expect(await again.verify(first.keyId, Buffer.from('y'), signature)).toBe(false)
  })

  it('is refused when others can read it, or when it is not an Ed25519 key', async () => {
    if (process.platform === 'win32') return
    const file = join(dir, 'open.pem')
    await LocalKeyFileSigner.open(file)
    const { chmod } = await import('node:fs/promises')
    await chmod(file, 0o644)
    await expect(LocalKeyFileSigner.open(file)).rejects.toMatchObject({ code: 'DERBES_AUDIT_SIGNING_KEY_INVALID' })
    const junk = join(dir, 'junk.pem')
    await writeFile(junk, 'not a key', { mode: 0o600 })
    await expect(LocalKeyFileSigner.open(junk)).rejects.toMatchObject({ code: 'DERBES_AUDIT_SIGNING_KEY_INVALID' })
  })
})

describe.each(TEST_DATABASES)('signed checkpoints on $name', (target) => {
  let database: DatabaseHandle
  let dir: string
  let signer: LocalKeyFileSigner
  const clock = () => new Date('2026-11-21T12:00:00.000Z')

  beforeEach(async () => {
    database = await target.open()
    await insertOperator(database.db, 'tw')
    dir = await mkdtemp(join(tmpdir(), 'derbes-keys-'))
    signer = await LocalKeyFileSigner.open(join(dir, 'audit-signing.pem'))
  })
  afterEach(async () => {
    await database.close()
    await rm(dir, { recursive: true, force: true })
  })

  const append = async (from: number, to: number) => {
    for (let i = from; i <= to; i++) await appendAudit(database.db, entry('tw', i))
  }

  it('signs the head, and verification checks the signature', async () => {
    await append(1, 3)
    const checkpoint = await createCheckpoint(database.db, 'tw', signer, clock)
    expect(checkpoint).toMatchObject({ operatorId: 'tw', seq: 3, keyId: signer.keyId, signedAt: clock() })
    await append(4, 5)
    expect(await verifyAuditChain(database.db, 'tw', { verifier: signer })).toMatchObject({ ok: true, entries: 5, checkpoints: 1 })
    // Same head, same checkpoint.
    await createCheckpoint(database.db, 'tw', signer, clock)
    expect(await createCheckpoint(database.db, 'tw', signer, clock)).toMatchObject({ seq: 5 })
    expect(await database.db.selectFrom('audit_checkpoints').select('seq').execute()).toHaveLength(2)
  })

  it('fails verification when a checkpoint is tampered with or signed by another key', async () => {
    await append(1, 2)
    await createCheckpoint(database.db, 'tw', signer, clock)
    await sql`update audit_checkpoints set signed_at = signed_at + interval '1 day' where operator_id = 'tw'`.execute(database.db)
    expect(await verifyAuditChain(database.db, 'tw', { verifier: signer })).toMatchObject({ ok: false, firstBroken: { seq: 2, reason: 'checkpoint_signature' } })

    const other = await LocalKeyFileSigner.open(join(dir, 'other.pem'))
    expect(await verifyAuditChain(database.db, 'tw', { verifier: other })).toMatchObject({ ok: false, firstBroken: { reason: 'checkpoint_signature' } })
  })

  it('detects a chain truncated and rebuilt after a checkpoint, though links and head agree again', async () => {
    await append(1, 4)
    await createCheckpoint(database.db, 'tw', signer, clock)
    // Remove entries 3–4 and rebuild them differently, the head rewound so the appends link up.
    await tamper(database.db, sql`delete from audit_entries where operator_id = 'tw' and seq >= 3`)
    await sql`update audit_heads set seq = 2, hash = (select hash from audit_entries where operator_id = 'tw' and seq = 2) where operator_id = 'tw'`.execute(database.db)
    await appendAudit(database.db, entry('tw', 3))
    await appendAudit(database.db, entry('tw', 4, { details: { itemIds: ['phone'], count: 4 } }))
    await appendAudit(database.db, entry('tw', 5))
    expect(await verifyAuditChain(database.db, 'tw')).toMatchObject({ ok: true, entries: 5 })
    expect(await verifyAuditChain(database.db, 'tw', { verifier: signer })).toMatchObject({ ok: false, firstBroken: { seq: 4, reason: 'checkpoint_mismatch' } })
  })

  it('detects a chain cut short below a checkpoint', async () => {
    await append(1, 4)
    await createCheckpoint(database.db, 'tw', signer, clock)
    await tamper(database.db, sql`delete from audit_entries where operator_id = 'tw' and seq >= 3`)
    await sql`update audit_heads set seq = 2, hash = (select hash from audit_entries where operator_id = 'tw' and seq = 2) where operator_id = 'tw'`.execute(database.db)
    expect(await verifyAuditChain(database.db, 'tw', { verifier: signer })).toMatchObject({ ok: false, firstBroken: { seq: 3, reason: 'checkpoint_mismatch' } })
  })

  it('refuses to sign a broken chain', async () => {
    await append(1, 3)
    await tamper(database.db, sql`delete from audit_entries where operator_id = 'tw' and seq = 2`)
    await expect(createCheckpoint(database.db, 'tw', signer, clock)).rejects.toMatchObject({ code: 'DERBES_AUDIT_CHAIN_BROKEN' })
  })
})
