import { sql, type Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database, DatabaseHandle } from '../db/index.ts'
import { TEST_DATABASES } from '../db/test-databases.ts'
import { seedOperators } from '../operators/index.ts'
import { anonymiseSubject } from './anonymise-subject.ts'
import { blockSubject } from './block-subject.ts'
import { collectSubjectData } from './collect-data.ts'
import { decryptField, KeyringKeyProvider, type Keyring, type KeyringStore } from './crypto/index.ts'
import { destroySubject } from './destroy-subject.ts'
import { findSubjectByIdentifier, getSubject } from './find-subject.ts'
import { readSubjectData } from './read-data.ts'
import { registerSubject } from './register-subject.ts'
import { addRepresentative } from './representatives.ts'
import { clock, makeIin } from './subjects-test-helpers.ts'
import type { SubjectsDeps } from './subjects-deps.ts'

/** A keyring store the test can look into: every KEK and index key the operator has. */
function visibleKeyrings(): { store: KeyringStore; keyrings: Map<string, Keyring> } {
  const keyrings = new Map<string, Keyring>()
  return {
    keyrings,
    store: {
      read: async (id) => keyrings.get(id),
      create: async (id, keyring) => (keyrings.has(id) ? keyrings.get(id)! : (keyrings.set(id, keyring), keyring)),
      update: async (id, change) => {
        keyrings.set(id, change(keyrings.get(id)!))
        return keyrings.get(id)!
      },
    },
  }
}

/** Every text, varchar and json(b) column of every table in the schema the database works in. */
async function textColumns(db: Kysely<Database>): Promise<{ table: string; column: string }[]> {
  const { rows } = await sql<{ table_name: string; column_name: string }>`
    select c.table_name, c.column_name from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
    where c.table_schema = current_schema() and c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb')
    order by 1, 2`.execute(db)
  return rows.map((r) => ({ table: r.table_name, column: r.column_name }))
}

/** Where `needle` occurs anywhere in the database, as `table.column`. */
async function findEverywhere(db: Kysely<Database>, columns: readonly { table: string; column: string }[], needle: string): Promise<string[]> {
  return (await findEachEverywhere(db, columns, [needle]))[0]!
}

/**
 * For each needle, where it occurs anywhere in the database, as `table.column`:
 * one query per column for all needles, since a needle per query per column
 * is thousands of round trips on a server.
 */
async function findEachEverywhere(db: Kysely<Database>, columns: readonly { table: string; column: string }[], needles: readonly string[]): Promise<string[][]> {
  const found: string[][] = needles.map(() => [])
  for (const { table, column } of columns) {
    const { rows } = await sql<{ i: number }>`
      select n.i::int as i from unnest(${sql.val([...needles])}::text[]) with ordinality as n(needle, i)
      where exists (select 1 from ${sql.table(table)} where strpos(${sql.ref(column)}::text, n.needle) > 0)`.execute(db)
    for (const { i } of rows) found[Number(i) - 1]!.push(`${table}.${column}`)
  }
  return found
}

describe.each(TEST_DATABASES)('destroy and anonymise on $name', (target) => {
  let database: DatabaseHandle
  let deps: SubjectsDeps
  const { store, keyrings } = visibleKeyrings()
  const reader = { kind: 'api_key' as const, id: 'k', operatorId: 'esp', permissions: new Set(['data:read' as const]), actor: 'api_key:k' }

  beforeAll(async () => {
    database = await target.open()
    await seedOperators({ db: database.db, clock }, 'policies')
    deps = { db: database.db, clock, keys: new KeyringKeyProvider(store, { clock }) }
  })
  afterAll(async () => {
    await database.close()
  })

  it('crypto-shredding: after destruction no plaintext, blind index or wrapped key of the subject is anywhere in the database, and no key the keyring holds opens a kept ciphertext (art. 18; TW-2)', async () => {
    const iin = makeIin('860704', 4, 31)
    const plaintexts = ['Гүлнар Сейітқызы Жұмабаева', '+77015553001', 'gulnar.zhumabayeva@example.kz', iin, '1986-07-04', 'Шымкент, Тәуке хан даңғылы 17', 'N08812345']
    const subject = await registerSubject(deps, {
      operatorId: 'esp',
      kind: 'client',
      identifiers: [{ kind: 'iin', value: iin }, { kind: 'phone', value: '8 701 555 30 01' }, { kind: 'email', value: 'Gulnar.Zhumabayeva@example.kz' }, { kind: 'id_document', value: 'n 0881 2345' }],
      data: [{ itemId: 'full-name', value: plaintexts[0]!, source: 'subject', purposes: ['loyalty'] }],
    }, 'staff:1')
    const subjectId = subject.subjectId
    await collectSubjectData(deps, { operatorId: 'esp', subjectId, items: [
      { itemId: 'phone', value: plaintexts[1]!, source: 'subject', purposes: ['loyalty', 'order-notifications'] },
      { itemId: 'email', value: plaintexts[2]!, source: 'subject', purposes: ['loyalty'] },
      { itemId: 'birth-date', value: plaintexts[4]!, source: 'subject', purposes: ['loyalty'] },
      { itemId: 'residence-address', value: plaintexts[5]!, source: 'subject', purposes: ['loyalty'] },
      { itemId: 'id-document', value: plaintexts[6]!, source: 'subject', purposes: ['loyalty'] },
      { itemId: 'phone', value: '87015553002', source: 'representative', purposes: ['loyalty'] },
    ] }, 'staff:1')
    await deps.keys.rotate('esp') // two KEKs in the keyring: the one that wrapped the subject's key and a newer one
    const attorney = (await registerSubject(deps, { operatorId: 'esp', kind: 'attorney' }, 'staff:1')).subjectId
    await addRepresentative(deps, { operatorId: 'esp', subjectId, representativeId: attorney, relation: 'attorney', validUntil: '2027-12-31', basisDocument: 'POA No. 41' }, 'staff:1')
    expect((await readSubjectData(deps, { operatorId: 'esp', subjectId, basis: 'job_duties' }, reader)).values.map((v) => v.value)).toContain(plaintexts[5])

    const kept = await database.db.selectFrom('vault_items').select(['item_id', 'ciphertext']).where('subject_id', '=', subjectId).execute()
    const blindIndexes = (await database.db.selectFrom('subject_identifiers').select('blind_index').where('subject_id', '=', subjectId).execute()).map((r) => r.blind_index)
    const wrapped = await database.db.selectFrom('subject_keys').selectAll().where('subject_id', '=', subjectId).executeTakeFirstOrThrow()
    expect(kept).toHaveLength(7)
    expect(blindIndexes).toHaveLength(4)
    const columns = await textColumns(database.db)
    expect(columns).toEqual(expect.arrayContaining([{ table: 'vault_items', column: 'ciphertext' }, { table: 'audit_entries', column: 'details' }, { table: 'event_outbox', column: 'data' }]))
    // The scan finds what is there: it would find what destruction leaves behind.
    expect(await findEverywhere(database.db, columns, wrapped.wrapped_key)).toEqual(['subject_keys.wrapped_key'])
    expect(await findEverywhere(database.db, columns, blindIndexes[0]!)).toEqual(['subject_identifiers.blind_index'])

    await blockSubject(deps, { operatorId: 'esp', subjectId, reason: 'pending_destruction' }, 'staff:1') // TW-9.8: block, then destroy
    const destroyed = await destroySubject(deps, { operatorId: 'esp', subjectId, reason: 'consent_withdrawn', reference: 'Application 2026-55' }, 'staff:1')
    expect(destroyed).toMatchObject({ status: 'destroyed', identifierKinds: [], representatives: [], ageBand: 'unknown' })

    const needles = [...plaintexts, ...blindIndexes, wrapped.wrapped_key, ...kept.map((k) => k.ciphertext)]
    const leftovers = await findEachEverywhere(database.db, columns, needles)
    needles.forEach((needle, i) => expect(leftovers[i], needle.slice(0, 12)).toEqual([]))
    expect(await database.db.selectFrom('subject_representatives').selectAll().where('representative_id', '=', subjectId).execute()).toEqual([])

    // Every key the operator's keyring holds — each KEK, the index key — and every other subject's data key fails.
    const keyring = keyrings.get('esp')!
    const otherDataKeys = await Promise.all(
      (await database.db.selectFrom('subject_keys').selectAll().where('operator_id', '=', 'esp').execute()).map((r) => deps.keys.unwrap('esp', { keyId: r.key_id, ciphertext: r.wrapped_key })),
    )
    const candidates = [...keyring.keys.map((k) => k.material), keyring.indexKey, ...otherDataKeys]
    expect(candidates.length).toBe(4) // two KEKs, the index key, the attorney's data key
    for (const { item_id, ciphertext } of kept) {
      for (const key of candidates) {
        expect(() => decryptField(key, { operatorId: 'esp', subjectId, itemId: item_id }, ciphertext)).toThrow(expect.objectContaining({ code: 'DERBES_VAULT_DECRYPT_FAILED' }))
      }
    }

    const audit = await database.db.selectFrom('audit_entries').select(['action', 'details']).where('subject_id', '=', subjectId).orderBy('seq', 'desc').executeTakeFirstOrThrow()
    expect(audit).toEqual({ action: 'destroy', details: { reason: 'consent_withdrawn', reference: 'Application 2026-55', erased: { values: 7, identifiers: 4, representations: 1, keyId: wrapped.key_id } } })
    const event = await database.db.selectFrom('event_outbox').select(['type']).where('subject_id', '=', subjectId).orderBy('seq', 'desc').executeTakeFirstOrThrow()
    expect(event.type).toBe('subject.destroyed')
  })

  it('a destroyed subject refuses collection, reading and a second destruction, and is found by no identifier', async () => {
    const subjectId = (await registerSubject(deps, { operatorId: 'esp', kind: 'client', identifiers: [{ kind: 'phone', value: '87015553010' }] }, 'staff:1')).subjectId
    await destroySubject(deps, { operatorId: 'esp', subjectId, reason: 'subject_request' }, 'staff:1')
    await expect(collectSubjectData(deps, { operatorId: 'esp', subjectId, items: [{ itemId: 'email', value: 'a@b.kz', source: 'subject', purposes: ['loyalty'] }] }, 'staff:1')).rejects.toMatchObject({
      code: 'DERBES_SUBJECT_GONE',
      status: 410,
    })
    await expect(readSubjectData(deps, { operatorId: 'esp', subjectId, basis: 'job_duties' }, reader)).rejects.toMatchObject({ code: 'DERBES_SUBJECT_GONE' })
    await expect(destroySubject(deps, { operatorId: 'esp', subjectId, reason: 'other' }, 'staff:1')).rejects.toMatchObject({ code: 'DERBES_SUBJECT_GONE' })
    await expect(anonymiseSubject(deps, { operatorId: 'esp', subjectId, reason: 'other' }, 'staff:1')).rejects.toMatchObject({ code: 'DERBES_SUBJECT_GONE' })
    await expect(findSubjectByIdentifier(deps, 'esp', { kind: 'phone', value: '87015553010' })).rejects.toMatchObject({ code: 'DERBES_SUBJECT_NOT_FOUND' })
  })

  it('anonymisation is irreversible and leaves nothing that links the row to the person (TW-2; art. 17(1); PS-6.2)', async () => {
    const child = await registerSubject(deps, { operatorId: 'kzk', kind: 'child', identifiers: [{ kind: 'iin', value: makeIin('150301', 5, 40) }], relationshipStartedAt: '2026-09-01T00:00:00Z' }, 'staff:1')
    await collectSubjectData(deps, { operatorId: 'kzk', subjectId: child.subjectId, items: [{ itemId: 'child-full-name', value: 'Әли', source: 'representative', purposes: ['identification'] }] }, 'staff:1')
    const anonymised = await anonymiseSubject(deps, { operatorId: 'kzk', subjectId: child.subjectId, reason: 'purpose_achieved' }, 'system:retention')
    expect(anonymised).toMatchObject({ status: 'anonymised', kind: 'child', identifierKinds: [], relationshipStartedAt: null })
    const row = await database.db.selectFrom('subjects').selectAll().where('subject_id', '=', child.subjectId).executeTakeFirstOrThrow()
    expect(row).toMatchObject({ minor_until: null, age_source: null, relationship_started_at: null, relationship_ended_at: null })
    for (const table of ['vault_items', 'subject_identifiers', 'subject_keys'] as const) {
      expect(await database.db.selectFrom(table).select('subject_id').where('subject_id', '=', child.subjectId).execute()).toEqual([])
    }
    await expect(collectSubjectData(deps, { operatorId: 'kzk', subjectId: child.subjectId, items: [{ itemId: 'child-full-name', value: 'Әли', source: 'representative', purposes: ['identification'] }] }, 'staff:1')).rejects.toMatchObject({
      code: 'DERBES_SUBJECT_GONE',
    })
    expect((await getSubject(deps, 'kzk', child.subjectId)).status).toBe('anonymised')
    const events = await database.db.selectFrom('event_outbox').select('type').where('subject_id', '=', child.subjectId).orderBy('seq').execute()
    expect(events.map((e) => e.type)).toEqual(['subject.registered', 'data.collected', 'subject.anonymised'])
  })
})
