// Test support for the minors suites: one database with the five seed policies published, an app and deps
// sharing a settable clock, subjects registered through the subjects module (age from a birth date or IIN).
import { randomUUID } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { issueApiKey, type Permission } from '../../access/index.ts'
import { LocalKeyFileSigner } from '../../audit/index.ts'
import type { DatabaseHandle } from '../../db/index.ts'
import type { TestDatabase } from '../../db/test-databases.ts'
import type { AppDeps } from '../../http/app-deps.ts'
import { buildTestApp } from '../../http/index.ts'
import { BusinessCalendar } from '../../kz/index.ts'
import { seedOperators } from '../../operators/index.ts'
import { MemoryKeyProvider } from '../../subjects/crypto/index.ts'
import { addRepresentative, registerSubject } from '../../subjects/index.ts'

export interface MinorsFixture {
  database: DatabaseHandle
  deps: AppDeps
  app: FastifyInstance
  setNow(at: string): void
  close(): Promise<void>
}

export const START = '2026-12-02T10:00:00+05:00'

export async function openMinorsFixture(target: TestDatabase): Promise<MinorsFixture> {
  const database = await target.open()
  let now = new Date(START)
  const clock = () => now
  const keys = new MemoryKeyProvider()
  const calendar = new BusinessCalendar()
  const signer = LocalKeyFileSigner.ephemeral()
  await seedOperators({ db: database.db, clock }, 'policies')
  const app = await buildTestApp(database, { clock, keys, calendar, signer })
  return {
    database,
    deps: { db: database.db, clock, keys, calendar, signer },
    app,
    setNow: (at) => { now = new Date(at) },
    close: async () => {
      await app.close()
      await database.close()
    },
  }
}

/** Registers a subject as staff would; the age comes from `birthDate` through src/subjects/age.ts. */
export async function register(fx: MinorsFixture, operatorId: string, kind: string, birthDate?: string): Promise<string> {
  const subject = await registerSubject(fx.deps, { operatorId, kind, ...(birthDate ? { birthDate } : {}) }, 'staff:test')
  return subject.subjectId
}

export async function linkRepresentative(fx: MinorsFixture, operatorId: string, subjectId: string, representativeId: string, relation: 'parent' | 'guardian' | 'legal_representative'): Promise<void> {
  await addRepresentative(fx.deps, { operatorId, subjectId, representativeId, relation }, 'staff:test')
}

export async function bearer(fx: MinorsFixture, operatorId: string, permissions: Permission[]): Promise<{ authorization: string }> {
  const { token } = await issueApiKey(fx.deps.db, { operatorId, name: `test-${randomUUID().slice(0, 8)}`, permissions, createdBy: 'test' }, fx.deps.clock())
  return { authorization: `Bearer ${token}` }
}

export async function statusOf(fx: MinorsFixture, operatorId: string, subjectId: string): Promise<string> {
  const row = await fx.deps.db.selectFrom('subjects').select('status').where('operator_id', '=', operatorId).where('subject_id', '=', subjectId).executeTakeFirstOrThrow()
  return row.status
}

export async function auditActionsOf(fx: MinorsFixture, operatorId: string, subjectId: string): Promise<{ action: string; actor: string; details: Record<string, unknown> }[]> {
  return fx.deps.db
    .selectFrom('audit_entries')
    .select(['action', 'actor', 'details'])
    .where('operator_id', '=', operatorId)
    .where('subject_id', '=', subjectId)
    .orderBy('seq')
    .execute()
}
