import type { Kysely } from 'kysely'
import { issueApiKey, type Permission } from '../../access/index.ts'
import type { Database } from '../../db/index.ts'
import type { TestDatabase } from '../../db/test-databases.ts'
import { buildTestApp } from '../../http/index.ts'
import { iinBinCheckDigit } from '../../kz/index.ts'
import { seedOperators } from '../../operators/index.ts'
import { blindIndexFor, MemoryKeyProvider, type KeyProvider } from '../../subjects/crypto/index.ts'

/**
 * FOR TESTS. Registers a subject with blind-indexed identifiers straight in
 * the tables, as the subjects module would (it is built beside this one).
 */
export async function insertTestSubject(
  db: Kysely<Database>,
  keys: KeyProvider,
  operatorId: string,
  subjectId: string,
  identifiers: { phone?: string; iin?: string; status?: 'active' | 'blocked' | 'destroyed' } = {},
): Promise<void> {
  await db.insertInto('subjects').values({ operator_id: operatorId, subject_id: subjectId, kind: 'client', status: identifiers.status ?? 'active', relationship_started_at: null, relationship_ended_at: null }).execute()
  for (const kind of ['phone', 'iin'] as const) {
    const value = identifiers[kind]
    if (value) await db.insertInto('subject_identifiers').values({ operator_id: operatorId, subject_id: subjectId, kind, blind_index: await blindIndexFor(keys, operatorId, kind, value) }).execute()
  }
}

/** A valid IIN (check digit computed) from its first 11 digits. */
export function testIin(first11: string): string {
  for (let attempt = 0; attempt < 100; attempt++) {
    const stem = attempt === 0 ? first11 : `${first11.slice(0, 7)}${String(Number(first11.slice(7)) + attempt).padStart(4, '0')}`
    const digit = iinBinCheckDigit(stem)
    if (digit !== undefined) return `${stem}${digit}`
  }
  throw new Error(`no valid IIN near ${first11}`)
}

/** FOR TESTS. An app on a fresh database with the seed operators published, a movable clock and API keys. */
export async function startEvidenceApp(target: TestDatabase, start = new Date('2026-12-02T10:00:00+05:00')) {
  const database = await target.open()
  const keys = new MemoryKeyProvider()
  const clock = { now: start }
  const deps = { db: database.db, keys, clock: () => clock.now }
  await seedOperators(deps, 'policies')
  const app = await buildTestApp(database, { clock: deps.clock, keys })
  const bearer = async (operatorId: string, permissions: Permission[]) =>
    ({ authorization: `Bearer ${(await issueApiKey(database.db, { operatorId, name: 'test', permissions, createdBy: 'test' }, clock.now)).token}` })
  return {
    database,
    app,
    keys,
    clock,
    deps,
    bearer,
    async close() {
      await app.close()
      await database.close()
    },
  }
}
