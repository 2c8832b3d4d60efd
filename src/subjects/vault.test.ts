import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Principal } from '../access/index.ts'
import type { DatabaseHandle } from '../db/index.ts'
import { TEST_DATABASES } from '../db/test-databases.ts'
import { blockSubject, unblockSubject } from './block-subject.ts'
import { changeSubjectData } from './change-data.ts'
import { collectSubjectData } from './collect-data.ts'
import { decryptField } from './crypto/index.ts'
import { subjectDataKey } from './data-keys.ts'
import { readSubjectData } from './read-data.ts'
import { registerSubject } from './register-subject.ts'
import { openSeeded } from './subjects-test-helpers.ts'
import type { SubjectsDeps } from './subjects-deps.ts'

const reader = (roleId?: string): Principal => ({
  kind: 'api_key',
  id: 'k1',
  operatorId: 'esp',
  permissions: new Set(['data:read']),
  actor: 'api_key:k1',
  ...(roleId ? { roleId } : {}),
})

describe.each(TEST_DATABASES)('the vault on $name', (target) => {
  let database: DatabaseHandle
  let deps: SubjectsDeps
  const client = async () => (await registerSubject(deps, { operatorId: 'esp', kind: 'client' }, 'staff:1')).subjectId
  const vaultRows = (subjectId: string) => database.db.selectFrom('vault_items').selectAll().where('subject_id', '=', subjectId).orderBy('item_id').orderBy('value_no').execute()

  beforeAll(async () => {
    ;({ database, deps } = await openSeeded(target))
  })
  afterAll(async () => {
    await database.close()
  })

  it('encrypts each value under the subject key, bound to operator, subject and item; normalises by kind', async () => {
    const subjectId = await client()
    const stored = await collectSubjectData(deps, {
      operatorId: 'esp',
      subjectId,
      items: [
        { itemId: 'full-name', value: 'Әлия Нұрғалиева', source: 'subject', purposes: ['loyalty', 'order-notifications'] },
        { itemId: 'phone', value: '8 (701) 555-20-01', source: 'subject', purposes: ['loyalty'], collectedAt: '2026-12-01T12:00:00+05:00' },
      ],
    }, 'staff:7')
    expect(stored).toEqual([
      { itemId: 'full-name', valueNo: 0, action: 'collect', source: 'subject', purposes: ['loyalty', 'order-notifications'], collectedAt: '2026-12-02T10:00:00.000Z' },
      { itemId: 'phone', valueNo: 0, action: 'collect', source: 'subject', purposes: ['loyalty'], collectedAt: '2026-12-01T07:00:00.000Z' },
    ])
    const rows = await vaultRows(subjectId)
    expect(JSON.stringify(rows)).not.toMatch(/Нұрғалиева|5552001/)
    const dek = await subjectDataKey(database.db, deps.keys, 'esp', subjectId)
    expect(decryptField(dek, { operatorId: 'esp', subjectId, itemId: 'phone' }, rows[1]!.ciphertext)).toBe('+77015552001')
    // Moved to another item, the ciphertext does not open (AAD).
    expect(() => decryptField(dek, { operatorId: 'esp', subjectId, itemId: 'full-name' }, rows[1]!.ciphertext)).toThrow()
  })

  it('a further value of an item is a supplement with the next valueNo; a change replaces one value (art. 1, art. 25(2)(8))', async () => {
    const subjectId = await client()
    await collectSubjectData(deps, { operatorId: 'esp', subjectId, items: [{ itemId: 'phone', value: '87015552002', source: 'subject', purposes: ['loyalty'] }] }, 'staff:7')
    const more = await collectSubjectData(deps, {
      operatorId: 'esp',
      subjectId,
      items: [
        { itemId: 'phone', value: '87015552003', source: 'representative', purposes: ['order-notifications'] },
        { itemId: 'phone', value: '87015552004', source: 'subject', purposes: ['loyalty'] },
      ],
    }, 'staff:7')
    expect(more.map((v) => [v.valueNo, v.action])).toEqual([[1, 'supplement'], [2, 'supplement']])
    const before = await vaultRows(subjectId)
    const changed = await changeSubjectData(deps, { operatorId: 'esp', subjectId, itemId: 'phone', valueNo: 1, value: '+7 701 555 20 05' }, 'staff:7')
    expect(changed).toMatchObject({ itemId: 'phone', valueNo: 1, action: 'change', source: 'representative', purposes: ['order-notifications'] })
    const after = await vaultRows(subjectId)
    expect(after[0]!.ciphertext).toBe(before[0]!.ciphertext)
    expect(after[1]!.ciphertext).not.toBe(before[1]!.ciphertext)
    const read = await readSubjectData(deps, { operatorId: 'esp', subjectId, basis: 'job_duties' }, reader())
    expect(read.values.map((v) => [v.valueNo, v.value])).toEqual([[0, '+77015552002'], [1, '+77015552005'], [2, '+77015552004']])
    await expect(changeSubjectData(deps, { operatorId: 'esp', subjectId, itemId: 'phone', valueNo: 9, value: '87015552006' }, 'staff:7')).rejects.toMatchObject({
      code: 'DERBES_VAULT_VALUE_NOT_FOUND',
    })
    const audit = await database.db.selectFrom('audit_entries').select(['action', 'purpose', 'details']).where('subject_id', '=', subjectId).orderBy('seq').execute()
    expect(audit.map((a) => a.action)).toEqual(['collect', 'collect', 'supplement', 'change', 'view'])
    expect(audit[2]!.details).toEqual({ values: [
      { itemId: 'phone', valueNo: 1, source: 'representative', purposes: ['order-notifications'] },
      { itemId: 'phone', valueNo: 2, source: 'subject', purposes: ['loyalty'] },
    ] })
    const events = await database.db.selectFrom('event_outbox').select(['type', 'data']).where('subject_id', '=', subjectId).orderBy('seq').execute()
    expect(events.map((e) => e.type)).toEqual(['subject.registered', 'data.collected', 'data.collected', 'data.changed'])
    expect(JSON.stringify([audit, events])).not.toMatch(/555200|5552001/)
  })

  it('purpose limitation at collection: every purpose must exist and cover the item (art. 7(9)); nothing stored', async () => {
    const subjectId = await client()
    const collect = (item: { itemId: string; value: string; source: string; purposes: string[] }) => collectSubjectData(deps, { operatorId: 'esp', subjectId, items: [{ itemId: 'full-name', value: 'Ерлан', source: 'subject', purposes: ['loyalty'] }, item] }, 'staff:7')
    // ESP: advertising covers full name, residence address, phone, e-mail — not the birth date.
    await expect(collect({ itemId: 'birth-date', value: '1990-01-01', source: 'subject', purposes: ['loyalty', 'advertising'] })).rejects.toMatchObject({
      code: 'DERBES_VAULT_PURPOSE_MISMATCH',
      errors: [{ pointer: '/body/items/1/purposes/1' }],
    })
    await expect(collect({ itemId: 'phone', value: '87015552010', source: 'subject', purposes: ['selling-lists'] })).rejects.toMatchObject({
      code: 'DERBES_VAULT_PURPOSE_MISMATCH',
      errors: [{ pointer: '/body/items/1/purposes/0' }],
    })
    await expect(collect({ itemId: 'loyalty-card', value: '0001', source: 'subject', purposes: ['loyalty'] })).rejects.toMatchObject({
      code: 'DERBES_VAULT_SOURCE_NOT_ALLOWED',
      errors: [{ pointer: '/body/items/1/source' }],
    })
    await expect(collect({ itemId: 'shoe-size', value: '42', source: 'subject', purposes: ['loyalty'] })).rejects.toMatchObject({ code: 'DERBES_VAULT_ITEM_NOT_ALLOWED' })
    await expect(collect({ itemId: 'phone', value: '+7 495 123-45-67', source: 'subject', purposes: ['loyalty'] })).rejects.toMatchObject({
      code: 'DERBES_VAULT_VALUE_INVALID',
      errors: [{ pointer: '/body/items/1/value' }],
    })
    await expect(collect({ itemId: 'email', value: 'not-an-address', source: 'subject', purposes: ['loyalty'] })).rejects.toMatchObject({ code: 'DERBES_VAULT_VALUE_INVALID' })
    expect(await vaultRows(subjectId)).toEqual([])
  })

  it('refuses an item the policy does not collect about the subject kind (ESP: birth date of clients only)', async () => {
    const enquirer = (await registerSubject(deps, { operatorId: 'esp', kind: 'enquirer' }, 'staff:1')).subjectId
    await expect(collectSubjectData(deps, { operatorId: 'esp', subjectId: enquirer, items: [{ itemId: 'birth-date', value: '1990-01-01', source: 'subject', purposes: ['loyalty'] }] }, 'staff:7')).rejects.toMatchObject({
      code: 'DERBES_VAULT_ITEM_NOT_ALLOWED',
      errors: [{ pointer: '/body/items/0/itemId' }],
    })
  })

  it('checks values by kind through kz/: IIN and postcode (PS)', async () => {
    const ps = (await registerSubject(deps, { operatorId: 'ps', kind: 'client' }, 'staff:1')).subjectId
    await expect(collectSubjectData(deps, { operatorId: 'ps', subjectId: ps, items: [{ itemId: 'iin', value: '791028302729', source: 'subject', purposes: ['services'] }] }, 's')).rejects.toMatchObject({ code: 'DERBES_VAULT_VALUE_INVALID' })
    await expect(collectSubjectData(deps, { operatorId: 'ps', subjectId: ps, items: [{ itemId: 'postcode', value: 'Z05', source: 'subject', purposes: ['services'] }] }, 's')).rejects.toMatchObject({ code: 'DERBES_VAULT_VALUE_INVALID' })
    await collectSubjectData(deps, { operatorId: 'ps', subjectId: ps, items: [
      { itemId: 'iin', value: '791028 302728', source: 'subject', purposes: ['services'] },
      { itemId: 'postcode', value: 'z05h9a7', source: 'subject', purposes: ['services'] },
    ] }, 's')
    const read = await readSubjectData(deps, { operatorId: 'ps', subjectId: ps, basis: 'job_duties' }, { ...reader(), operatorId: 'ps' })
    expect(read.values.map((v) => v.value)).toEqual(['791028302728', 'Z05H9A7'])
  })

  it('reading needs a basis the policy allows and a reference where the basis demands one (TTC-7.2); it is audited with the items read', async () => {
    const subjectId = await client()
    await collectSubjectData(deps, { operatorId: 'esp', subjectId, items: [{ itemId: 'email', value: 'Reader@Test.kz', source: 'subject', purposes: ['loyalty'] }] }, 'staff:7')
    await expect(readSubjectData(deps, { operatorId: 'esp', subjectId, basis: undefined }, reader())).rejects.toMatchObject({ code: 'DERBES_ACCESS_BASIS_REQUIRED' })
    // ESP's policy lists job duties only.
    await expect(readSubjectData(deps, { operatorId: 'esp', subjectId, basis: 'management_order', reference: 'Order 5' }, reader())).rejects.toMatchObject({ code: 'DERBES_ACCESS_BASIS_REQUIRED' })
    await expect(readSubjectData(deps, { operatorId: 'esp', subjectId, basis: 'job_duties' }, { ...reader(), permissions: new Set(['subjects:read']) })).rejects.toMatchObject({ code: 'DERBES_FORBIDDEN' })
    await expect(readSubjectData(deps, { operatorId: 'esp', subjectId, basis: 'job_duties' }, { ...reader(), operatorId: 'ttc' })).rejects.toMatchObject({ code: 'DERBES_FORBIDDEN' })
    expect(await database.db.selectFrom('audit_entries').select('seq').where('subject_id', '=', subjectId).where('action', '=', 'view').execute()).toEqual([])
    const read = await readSubjectData(deps, { operatorId: 'esp', subjectId, basis: 'job_duties' }, reader())
    expect(read).toMatchObject({ basis: 'job_duties', reference: null, values: [{ itemId: 'email', value: 'reader@test.kz', purposes: ['loyalty'] }] })
    const view = await database.db.selectFrom('audit_entries').selectAll().where('subject_id', '=', subjectId).where('action', '=', 'view').executeTakeFirstOrThrow()
    expect(view).toMatchObject({ actor: 'api_key:k1', basis: 'job_duties', purpose: null, details: { items: [{ itemId: 'email', valueNo: 0 }] } })
  })

  it("returns only the items of the categories the staff role sees (TTC-7.1) and, with a purpose, only what was collected for it", async () => {
    const subjectId = await client()
    await collectSubjectData(deps, { operatorId: 'esp', subjectId, items: [
      { itemId: 'full-name', value: 'Дана', source: 'subject', purposes: ['loyalty', 'contact-centre'] },
      { itemId: 'residence-address', value: 'Алматы', source: 'subject', purposes: ['loyalty'] },
      { itemId: 'loyalty-card', value: 'C-1', source: 'operator', purposes: ['loyalty'] },
      { itemId: 'phone', value: '87015552030', source: 'subject', purposes: ['order-notifications'] },
    ] }, 'staff:7')
    // A contact-centre operator sees identification, contact and communications — not addresses or loyalty.
    const operator = await readSubjectData(deps, { operatorId: 'esp', subjectId, basis: 'job_duties' }, reader('contact-centre-operator'))
    expect(operator.values.map((v) => v.itemId)).toEqual(['full-name', 'phone'])
    const audit = await database.db.selectFrom('audit_entries').select('details').where('subject_id', '=', subjectId).where('action', '=', 'view').executeTakeFirstOrThrow()
    expect(audit.details).toEqual({ items: [{ itemId: 'full-name', valueNo: 0 }, { itemId: 'phone', valueNo: 0 }], roleId: 'contact-centre-operator' })
    const consultant = await readSubjectData(deps, { operatorId: 'esp', subjectId, basis: 'job_duties' }, reader('consultant'))
    expect(consultant.values.map((v) => v.itemId)).toEqual(['full-name', 'loyalty-card', 'phone', 'residence-address'])
    const forLoyalty = await readSubjectData(deps, { operatorId: 'esp', subjectId, basis: 'job_duties', purpose: 'loyalty' }, reader('consultant'))
    expect(forLoyalty.values.map((v) => v.itemId)).toEqual(['full-name', 'loyalty-card', 'residence-address'])
    await expect(readSubjectData(deps, { operatorId: 'esp', subjectId, basis: 'job_duties', purpose: 'nope' }, reader())).rejects.toMatchObject({ code: 'DERBES_VAULT_PURPOSE_MISMATCH' })
  })

  it('a blocked subject refuses collection and change but can be read, and collects again once unblocked (TW-2; art. 25(2)(8); ESP-7)', async () => {
    const subjectId = await client()
    await collectSubjectData(deps, { operatorId: 'esp', subjectId, items: [{ itemId: 'phone', value: '87015552040', source: 'subject', purposes: ['loyalty'] }] }, 'staff:7')
    const blocked = await blockSubject(deps, { operatorId: 'esp', subjectId, reason: 'accuracy_in_doubt', reference: 'Request 114' }, 'staff:5')
    expect(blocked.status).toBe('blocked')
    await expect(collectSubjectData(deps, { operatorId: 'esp', subjectId, items: [{ itemId: 'email', value: 'x@y.kz', source: 'subject', purposes: ['loyalty'] }] }, 'staff:7')).rejects.toMatchObject({
      code: 'DERBES_SUBJECT_BLOCKED',
      status: 409,
    })
    await expect(changeSubjectData(deps, { operatorId: 'esp', subjectId, itemId: 'phone', value: '87015552041' }, 'staff:7')).rejects.toMatchObject({ code: 'DERBES_SUBJECT_BLOCKED' })
    await expect(blockSubject(deps, { operatorId: 'esp', subjectId, reason: 'other' }, 'staff:5')).rejects.toMatchObject({ code: 'DERBES_SUBJECT_BLOCKED' })
    expect((await readSubjectData(deps, { operatorId: 'esp', subjectId, basis: 'job_duties' }, reader())).values).toHaveLength(1)
    await unblockSubject(deps, { operatorId: 'esp', subjectId, reason: 'verified' }, 'staff:5')
    await expect(unblockSubject(deps, { operatorId: 'esp', subjectId, reason: 'verified' }, 'staff:5')).rejects.toMatchObject({ code: 'DERBES_SUBJECT_NOT_BLOCKED' })
    await expect(collectSubjectData(deps, { operatorId: 'esp', subjectId, items: [{ itemId: 'email', value: 'x@y.kz', source: 'subject', purposes: ['loyalty'] }] }, 'staff:7')).resolves.toHaveLength(1)
    const trail = await database.db.selectFrom('audit_entries').select(['action', 'details']).where('subject_id', '=', subjectId).where('action', 'in', ['block', 'unblock']).orderBy('seq').execute()
    expect(trail).toEqual([
      { action: 'block', details: { reason: 'accuracy_in_doubt', reference: 'Request 114' } },
      { action: 'unblock', details: { reason: 'verified' } },
    ])
  })
})
