// Test support for the retention suites: one database with the seed operators wanted, deps with a settable
// clock, and subjects written straight into the tables the evaluation reads (subjects, vault, consent state,
// obligations, requests), with the dates a scenario needs years apart.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify'
import { issueApiKey, type Permission } from '../access/index.ts'
import { LocalKeyFileSigner } from '../audit/index.ts'
import type { DatabaseHandle } from '../db/index.ts'
import type { TestDatabase } from '../db/test-databases.ts'
import { buildTestApp } from '../http/index.ts'
import { BusinessCalendar } from '../kz/index.ts'
import { seedOperators } from '../operators/index.ts'
import { MemoryKeyProvider } from '../subjects/crypto/index.ts'
import type { RetentionDeps } from './retention-deps.ts'

export type Seed = 'ttc' | 'tw' | 'esp' | 'kzk' | 'ps'

export const FIXTURE_TIMEOUT_MS = 180_000

export interface TestSubject {
  kind: string
  status?: 'active' | 'blocked' | 'anonymised' | 'destroyed'
  relationshipEndedAt?: string
  items?: { itemId: string; purposes: string[]; collectedAt: string; valueNo?: number }[]
  consents?: { purposeId: string; channel?: string; status?: string; givenAt?: string; expiresAt?: string; withdrawalEffectiveAt?: string }[]
  obligations?: { openedAt: string; fulfilledAt?: string }[]
  requests?: { kind: string; receivedAt: string; state?: string }[]
}

export interface RetentionFixture {
  database: DatabaseHandle
  deps: RetentionDeps
  app: FastifyInstance
  setNow(at: Date | string): void
  now(): Date
  token(operatorId: string, permissions?: Permission[]): Promise<string>
  call(token: string | undefined, options: InjectOptions): Promise<LightMyRequestResponse>
  /** Writes a subject and its facts; returns its id (`s-0001`, … in creation order unless given). */
  subject(operatorId: string, input: TestSubject, subjectId?: string): Promise<string>
  close(): Promise<void>
}

export async function openRetentionFixture(target: TestDatabase, seeds: readonly Seed[], start = '2026-12-02T10:00:00+05:00'): Promise<RetentionFixture> {
  const database = await target.open()
  let now = new Date(start)
  const clock = () => now
  const keys = new MemoryKeyProvider()
  const calendar = new BusinessCalendar()
  const signer = LocalKeyFileSigner.ephemeral()
  const dir = mkdtempSync(join(tmpdir(), 'derbes-retention-seeds-'))
  try {
    for (const seed of seeds) copyFileSync(new URL(`../../policies/${seed}.yaml`, import.meta.url), join(dir, `${seed}.yaml`))
    await seedOperators({ db: database.db, clock }, dir)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  const app = await buildTestApp(database, { clock, keys, calendar, signer })
  await app.ready()
  const deps: RetentionDeps = { db: database.db, clock, keys, calendar, signer }
  let count = 0
  return {
    database,
    deps,
    app,
    setNow: (at) => {
      now = new Date(at)
    },
    now: clock,
    token: async (operatorId, permissions = ['retention:read', 'retention:manage']) =>
      (await issueApiKey(database.db, { operatorId, name: 'test', permissions, createdBy: 'test' }, now)).token,
    call: (token, options) => app.inject({ ...options, headers: { ...options.headers, ...(token ? { authorization: `Bearer ${token}` } : {}) } }),
    async subject(operatorId, input, subjectId = `s-${String(++count).padStart(4, '0')}`) {
      const db = database.db
      await db.insertInto('subjects').values({
        operator_id: operatorId, subject_id: subjectId, kind: input.kind, status: input.status ?? 'active',
        relationship_started_at: '2010-01-01T00:00:00Z', relationship_ended_at: input.relationshipEndedAt ?? null,
      }).execute()
      for (const item of input.items ?? []) {
        await db.insertInto('vault_items').values({
          operator_id: operatorId, subject_id: subjectId, item_id: item.itemId, value_no: item.valueNo ?? 0, ciphertext: 'x', source: 'subject',
          collected_at: item.collectedAt, purposes: JSON.stringify(item.purposes),
        }).execute()
      }
      for (const [n, c] of (input.consents ?? []).entries()) {
        await db.insertInto('consent_state').values({
          operator_id: operatorId, subject_id: subjectId, purpose_id: c.purposeId, channel: c.channel ?? '',
          status: (c.status ?? (c.withdrawalEffectiveAt ? 'withdrawn' : 'given')) as 'given', form_id: 'f', form_version: 1, event_id: `e-${subjectId}-${n}`,
          given_at: c.givenAt ?? '2020-01-01T00:00:00Z', expires_at: c.expiresAt ?? null, withdrawal_effective_at: c.withdrawalEffectiveAt ?? null,
          updated_at: '2020-01-01T00:00:00Z',
        }).execute()
      }
      for (const [n, o] of (input.obligations ?? []).entries()) {
        await db.insertInto('subject_obligations').values({
          operator_id: operatorId, subject_id: subjectId, obligation_id: `o-${n}`, kind: 'payment', description: null, opened_at: o.openedAt, fulfilled_at: o.fulfilledAt ?? null,
        }).execute()
      }
      for (const [n, r] of (input.requests ?? []).entries()) {
        await db.insertInto('requests').values({
          operator_id: operatorId, request_id: `r-${subjectId}-${n}`, reference: `${operatorId}-${subjectId}-${n}`, kind: r.kind as 'access', subject_id: subjectId,
          representative_id: null, channel: 'api', received_at: r.receivedAt, due_at: r.receivedAt, due_basis: '{}', state: (r.state ?? 'in_progress') as 'in_progress',
          waiting_for: '[]', scope: '{}', sealed: null, scan_sha256: null, postal_reference: null, language: 'ru', refusal: 'null', answered_at: null,
          reminded_at: null, escalated_at: null, created_by: 'test', updated_at: r.receivedAt,
        } as never).execute()
      }
      return subjectId
    },
    close: async () => {
      await app.close()
      await database.close()
    },
  }
}
