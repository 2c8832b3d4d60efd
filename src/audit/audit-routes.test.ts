import { createHash } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { issueApiKey } from '../access/index.ts'
import type { DatabaseHandle } from '../db/index.ts'
import { TEST_DATABASES } from '../db/test-databases.ts'
import { buildTestApp } from '../http/index.ts'
import { appendAudit } from './append-audit.ts'
import { entry, insertOperator, tamper } from './audit-test-helpers.ts'

const NOW = new Date('2026-12-02T10:00:00.000Z')

describe.each(TEST_DATABASES)('audit routes on $name', (target) => {
  let database: DatabaseHandle
  let app: FastifyInstance
  const tokens: Record<string, string> = {}

  beforeAll(async () => {
    database = await target.open()
    app = await buildTestApp(database, { clock: () => NOW })
    for (const operatorId of ['tw', 'ttc']) {
      await insertOperator(database.db, operatorId)
      for (let i = 1; i <= 3; i++) await appendAudit(database.db, entry(operatorId, i))
    }
    tokens.tw = (await issueApiKey(database.db, { operatorId: 'tw', name: 'auditor', permissions: ['audit:read'], createdBy: 'test' }, NOW)).token
    tokens.ttc = (await issueApiKey(database.db, { operatorId: 'ttc', name: 'auditor', permissions: ['audit:read'], createdBy: 'test' }, NOW)).token
    tokens.twNoAudit = (await issueApiKey(database.db, { operatorId: 'tw', name: 'crm', permissions: ['decisions', 'events:manage'], createdBy: 'test' }, NOW)).token
  })
  afterAll(async () => {
    await app.close()
    await database.close()
  })

  const get = (url: string, token?: string) => app.inject({ method: 'GET', url, ...(token ? { headers: { authorization: `Bearer ${token}` } } : {}) })

  it('verifies the chain and pages its entries for a key with audit:read', async () => {
    expect((await get('/v1/operators/tw/audit/verify', tokens.tw)).json()).toMatchObject({ ok: true, entries: 3, headSeq: 3 })
    const page = (await get('/v1/operators/tw/audit/entries?limit=2', tokens.tw)).json()
    expect(page.entries.map((e: { seq: number }) => e.seq)).toEqual([1, 2])
    expect(page.nextAfter).toBe(2)
    // Each entry carries the text that was hashed, so anyone can check the chain without Derbes.
    const [first, second] = page.entries as { seq: number; at: string; actor: string; prevHash: string; body: string; hash: string }[]
    expect(createHash('sha256').update(second!.body, 'utf8').digest('hex')).toBe(second!.hash)
    expect(JSON.parse(second!.body)).toEqual(['derbes-audit-v2', first!.hash, second!.at, 'tw', 2, 'staff:7', 'view', 's-2', 'job_duties', 'contract', { itemIds: ['phone', 'iin'], count: 2 }])
    expect(second).toMatchObject({ prevHash: first!.hash, actor: 'staff:7' })
  })

  it('names the first broken entry of a tampered chain', async () => {
    await tamper(database.db, sql`update audit_entries set body = replace(body, '"staff:7"', '"nobody"') where operator_id = 'ttc' and seq = 2`)
    expect((await get('/v1/operators/ttc/audit/verify', tokens.ttc)).json()).toMatchObject({ ok: false, entries: 1, firstBroken: { seq: 2, reason: 'hash_mismatch' } })
  })

  for (const path of ['audit/verify', 'audit/entries']) {
    it(`${path}: 401 without a key, 403 for another operator's key or without audit:read`, async () => {
      expect((await get(`/v1/operators/tw/${path}`)).statusCode).toBe(401)
      const other = await get(`/v1/operators/tw/${path}`, tokens.ttc)
      expect([other.statusCode, other.json().code]).toEqual([403, 'DERBES_FORBIDDEN'])
      const lacking = await get(`/v1/operators/tw/${path}`, tokens.twNoAudit)
      expect([lacking.statusCode, lacking.json().code]).toEqual([403, 'DERBES_FORBIDDEN'])
    })
  }
})
