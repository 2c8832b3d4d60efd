// Test support for the ledger's suites: subjects inserted as rows (the
// subjects module is written alongside), a ledger deps with a settable clock.
import { randomUUID } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { issueApiKey, type Permission } from '../../access/index.ts'
import { LocalKeyFileSigner } from '../../audit/index.ts'
import type { LegalCapacity, RepresentativeRelation, SubjectStatus } from '../../db/database-schema.ts'
import type { DatabaseHandle } from '../../db/index.ts'
import type { TestDatabase } from '../../db/test-databases.ts'
import { buildTestApp } from '../../http/index.ts'
import { BusinessCalendar } from '../../kz/index.ts'
import { seedOperators } from '../../operators/index.ts'
import { blindIndexFor, MemoryKeyProvider, newDataKey } from '../../subjects/crypto/index.ts'
import type { LedgerDeps } from './ledger-deps.ts'

export interface LedgerFixture {
  database: DatabaseHandle
  deps: LedgerDeps
  app: FastifyInstance
  /** Moves the fixture's clock (the app's too). */
  setNow(at: Date | string): void
  close(): Promise<void>
}

/** One database with the five seed policies published, a ledger deps and an app sharing its clock and keys. */
export async function openLedgerFixture(target: TestDatabase, start = '2026-12-02T10:00:00+05:00'): Promise<LedgerFixture> {
  const database = await target.open()
  let now = new Date(start)
  const clock = () => now
  const keys = new MemoryKeyProvider()
  const calendar = new BusinessCalendar()
  await seedOperators({ db: database.db, clock }, 'policies')
  const app = await buildTestApp(database, { clock, keys, calendar, signer: LocalKeyFileSigner.ephemeral() })
  return {
    database,
    deps: { db: database.db, clock, keys, calendar },
    app,
    setNow: (at) => { now = new Date(at) },
    close: async () => {
      await app.close()
      await database.close()
    },
  }
}

export interface TestSubject {
  kind: string
  status?: SubjectStatus
  /** YYYY-MM-DD: a minor until then (KZK-1.13). */
  minorUntil?: string
  legalCapacity?: LegalCapacity
  /** Registered as the subject's phone identifier, for SMS codes. */
  phone?: string
}

/** Inserts a subject with a wrapped data key, as the subjects module would register it. */
export async function insertSubject(deps: LedgerDeps, operatorId: string, subject: TestSubject): Promise<string> {
  const subjectId = randomUUID()
  await deps.db
    .insertInto('subjects')
    .values({
      operator_id: operatorId,
      subject_id: subjectId,
      kind: subject.kind,
      status: subject.status ?? 'active',
      relationship_started_at: deps.clock(),
      relationship_ended_at: null,
      minor_until: subject.minorUntil ?? null,
      legal_capacity: subject.legalCapacity ?? 'full',
    })
    .execute()
  const wrapped = await deps.keys.wrap(operatorId, newDataKey())
  await deps.db.insertInto('subject_keys').values({ operator_id: operatorId, subject_id: subjectId, key_id: wrapped.keyId, wrapped_key: wrapped.ciphertext }).execute()
  if (subject.phone) {
    const blind = await blindIndexFor(deps.keys, operatorId, 'phone', subject.phone)
    await deps.db.insertInto('subject_identifiers').values({ operator_id: operatorId, subject_id: subjectId, kind: 'phone', blind_index: blind }).execute()
  }
  return subjectId
}

export async function addRepresentative(
  deps: LedgerDeps,
  operatorId: string,
  subjectId: string,
  representativeId: string,
  relation: RepresentativeRelation,
  valid: { from?: string; until?: string } = {},
): Promise<void> {
  await deps.db
    .insertInto('subject_representatives')
    .values({ operator_id: operatorId, subject_id: subjectId, representative_id: representativeId, relation, valid_from: valid.from ?? null, valid_until: valid.until ?? null, basis_document: null })
    .execute()
}

/** A bearer header for an API key of the operator. */
export async function bearer(deps: LedgerDeps, operatorId: string, permissions: Permission[]): Promise<{ authorization: string }> {
  const { token } = await issueApiKey(deps.db, { operatorId, name: `test-${randomUUID().slice(0, 8)}`, permissions, createdBy: 'test' }, deps.clock())
  return { authorization: `Bearer ${token}` }
}

/** The outbox events of a subject, oldest first. */
export async function outboxOf(deps: LedgerDeps, operatorId: string, subjectId: string): Promise<{ type: string; data: Record<string, unknown> }[]> {
  const rows = await deps.db.selectFrom('event_outbox').select(['type', 'data']).where('operator_id', '=', operatorId).where('subject_id', '=', subjectId).orderBy('seq').execute()
  return rows.map((r) => ({ type: r.type, data: typeof r.data === 'string' ? JSON.parse(r.data) : r.data }))
}

/** The audit entries of a subject, oldest first. */
export async function auditOf(deps: LedgerDeps, operatorId: string, subjectId: string) {
  return deps.db.selectFrom('audit_entries').select(['action', 'purpose', 'details', 'actor']).where('operator_id', '=', operatorId).where('subject_id', '=', subjectId).orderBy('seq').execute()
}
