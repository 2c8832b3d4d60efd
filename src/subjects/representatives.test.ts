import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../db/index.ts'
import { TEST_DATABASES } from '../db/test-databases.ts'
import { activeRepresentatives } from './active-representatives.ts'
import { destroySubject } from './destroy-subject.ts'
import { getSubject } from './find-subject.ts'
import { registerSubject, type RegisterSubjectInput } from './register-subject.ts'
import { addRepresentative, removeRepresentative } from './representatives.ts'
import { makeIin, NOW, openSeeded } from './subjects-test-helpers.ts'
import type { SubjectsDeps } from './subjects-deps.ts'

describe.each(TEST_DATABASES)('representatives on $name', (target) => {
  let database: DatabaseHandle
  let deps: SubjectsDeps
  const register = async (input: Omit<RegisterSubjectInput, 'operatorId'> & { operatorId?: string }) =>
    (await registerSubject(deps, { operatorId: 'kzk', ...input }, 'staff:1')).subjectId

  beforeAll(async () => {
    ;({ database, deps } = await openSeeded(target))
  })
  afterAll(async () => {
    await database.close()
  })

  it("a parent acts for a minor child until the child comes of age (KZK-1.13; Civil Code art. 17(1))", async () => {
    const child = await register({ kind: 'child', identifiers: [{ kind: 'iin', value: makeIin('150301', 6, 1) }] })
    const parent = await register({ kind: 'parent', birthDate: '1985-04-04' })
    const reps = await addRepresentative(deps, { operatorId: 'kzk', subjectId: child, representativeId: parent, relation: 'parent' }, 'staff:1')
    expect(reps).toEqual([{ representativeId: parent, relation: 'parent', validFrom: null, validUntil: null, basisDocument: null, active: true }])
    expect(await activeRepresentatives(database.db, 'kzk', child, NOW)).toEqual([expect.objectContaining({ representativeId: parent, relation: 'parent' })])
    // 2033-03-01 in Almaty is the eighteenth birthday: the parent no longer acts.
    expect(await activeRepresentatives(database.db, 'kzk', child, new Date('2033-02-28T18:59:59Z'))).toHaveLength(1)
    expect(await activeRepresentatives(database.db, 'kzk', child, new Date('2033-02-28T19:00:00Z'))).toEqual([])
    const view = await getSubject(deps, 'kzk', parent)
    expect(view.represents).toEqual([{ subjectId: child, relation: 'parent' }])
  })

  it('refuses a parent or guardian for a subject who is of age (KZK-1.13)', async () => {
    const grownUp = await register({ kind: 'child', birthDate: '2000-01-01' })
    const guardian = await register({ kind: 'guardian' })
    await expect(addRepresentative(deps, { operatorId: 'kzk', subjectId: grownUp, representativeId: guardian, relation: 'guardian' }, 'staff:1')).rejects.toMatchObject({
      code: 'DERBES_REPRESENTATIVE_NOT_FITTING',
      errors: [{ pointer: '/body/relation' }],
    })
    expect(await database.db.selectFrom('subject_representatives').selectAll().where('subject_id', '=', grownUp).execute()).toEqual([])
  })

  it("refuses a representative whose kind the policy does not let represent the subject's kind", async () => {
    const child = await register({ kind: 'child' })
    // Of no capacity, so a legal representative would fit — but not a 'parent', who represents children only (`represents: [child]`).
    const school = await register({ kind: 'school', legalCapacity: 'none' })
    const parent = await register({ kind: 'parent' })
    await expect(addRepresentative(deps, { operatorId: 'kzk', subjectId: school, representativeId: parent, relation: 'legal_representative' }, 'staff:1')).rejects.toMatchObject({
      code: 'DERBES_REPRESENTATIVE_NOT_FITTING',
      errors: [{ pointer: '/body/representativeId', detail: "a 'parent' represents child" }],
    })
    await expect(addRepresentative(deps, { operatorId: 'kzk', subjectId: child, representativeId: child, relation: 'parent' }, 'staff:1')).rejects.toMatchObject({
      code: 'DERBES_REPRESENTATIVE_NOT_FITTING',
    })
  })

  it('a legal representative acts for a person of limited or no capacity, not for a capable adult (TW-4.1)', async () => {
    const incapable = await register({ operatorId: 'tw', kind: 'incapable-person', legalCapacity: 'none', birthDate: '1990-01-01' })
    const capable = await register({ operatorId: 'tw', kind: 'incapable-person', birthDate: '1990-01-01' })
    const representative = await register({ operatorId: 'tw', kind: 'legal-representative', birthDate: '1960-01-01' })
    await expect(addRepresentative(deps, { operatorId: 'tw', subjectId: incapable, representativeId: representative, relation: 'legal_representative', basisDocument: 'Court decision 2-115/2025' }, 'staff:1')).resolves.toHaveLength(1)
    await expect(addRepresentative(deps, { operatorId: 'tw', subjectId: capable, representativeId: representative, relation: 'legal_representative' }, 'staff:1')).rejects.toMatchObject({
      code: 'DERBES_REPRESENTATIVE_NOT_FITTING',
      errors: [{ pointer: '/body/relation' }],
    })
  })

  it('refuses a representative without full capacity (Civil Code art. 26)', async () => {
    const user = await register({ operatorId: 'tw', kind: 'user' })
    const limited = await register({ operatorId: 'tw', kind: 'user-representative', legalCapacity: 'limited' })
    await expect(addRepresentative(deps, { operatorId: 'tw', subjectId: user, representativeId: limited, relation: 'attorney', validUntil: '2027-01-01' }, 'staff:1')).rejects.toMatchObject({
      code: 'DERBES_REPRESENTATIVE_NOT_FITTING',
      errors: [{ pointer: '/body/representativeId' }],
    })
  })

  it('an attorney needs the power of attorney’s end date and acts only within its dates (ESP-3)', async () => {
    const client = await register({ operatorId: 'esp', kind: 'client' })
    const attorney = await register({ operatorId: 'esp', kind: 'attorney' })
    await expect(addRepresentative(deps, { operatorId: 'esp', subjectId: client, representativeId: attorney, relation: 'attorney' }, 'staff:1')).rejects.toMatchObject({
      code: 'DERBES_REPRESENTATIVE_NOT_FITTING',
      errors: [{ pointer: '/body/validUntil' }],
    })
    await addRepresentative(deps, { operatorId: 'esp', subjectId: client, representativeId: attorney, relation: 'attorney', validFrom: '2026-12-05', validUntil: '2027-06-30', basisDocument: 'POA No. 41' }, 'staff:1')
    expect(await activeRepresentatives(database.db, 'esp', client, NOW)).toEqual([])
    expect(await activeRepresentatives(database.db, 'esp', client, new Date('2026-12-05T00:00:00+05:00'))).toEqual([
      { representativeId: attorney, relation: 'attorney', validFrom: '2026-12-05', validUntil: '2027-06-30', basisDocument: 'POA No. 41' },
    ])
    expect(await activeRepresentatives(database.db, 'esp', client, new Date('2027-06-30T23:59:00+05:00'))).toHaveLength(1)
    expect(await activeRepresentatives(database.db, 'esp', client, new Date('2027-07-01T00:00:00+05:00'))).toEqual([])
    // Renewing the power of attorney replaces its dates.
    const renewed = await addRepresentative(deps, { operatorId: 'esp', subjectId: client, representativeId: attorney, relation: 'attorney', validUntil: '2028-06-30', basisDocument: 'POA No. 77' }, 'staff:1')
    expect(renewed).toEqual([expect.objectContaining({ validFrom: null, validUntil: '2028-06-30', basisDocument: 'POA No. 77', active: true })])
    await expect(addRepresentative(deps, { operatorId: 'esp', subjectId: client, representativeId: attorney, relation: 'attorney', validFrom: '2027-01-01', validUntil: '2026-01-01' }, 'staff:1')).rejects.toMatchObject({
      code: 'DERBES_VALIDATION',
    })
  })

  it("a legal entity's representative must be of a kind with that role (TTC-2)", async () => {
    const subscriber = await register({ operatorId: 'ttc', kind: 'subscriber' })
    const companyRep = await register({ operatorId: 'ttc', kind: 'legal-entity-representative' })
    const other = await register({ operatorId: 'ttc', kind: 'other-individual' })
    await expect(addRepresentative(deps, { operatorId: 'ttc', subjectId: subscriber, representativeId: companyRep, relation: 'legal_entity_representative' }, 'staff:1')).resolves.toHaveLength(1)
    await expect(addRepresentative(deps, { operatorId: 'ttc', subjectId: subscriber, representativeId: other, relation: 'legal_entity_representative' }, 'staff:1')).rejects.toMatchObject({
      code: 'DERBES_REPRESENTATIVE_NOT_FITTING',
    })
  })

  it("refuses another operator's subject as representative (tenant isolation)", async () => {
    const child = await register({ kind: 'child' })
    const foreign = await register({ operatorId: 'esp', kind: 'client' })
    await expect(addRepresentative(deps, { operatorId: 'kzk', subjectId: child, representativeId: foreign, relation: 'guardian' }, 'staff:1')).rejects.toMatchObject({
      code: 'DERBES_REPRESENTATIVE_NOT_FITTING',
      errors: [{ pointer: '/body/representativeId' }],
    })
  })

  it('removes a representative, audited; a destroyed representative no longer acts', async () => {
    const child = await register({ kind: 'child' })
    const mother = await register({ kind: 'parent' })
    const father = await register({ kind: 'parent' })
    await addRepresentative(deps, { operatorId: 'kzk', subjectId: child, representativeId: mother, relation: 'parent' }, 'staff:1')
    await addRepresentative(deps, { operatorId: 'kzk', subjectId: child, representativeId: father, relation: 'parent' }, 'staff:1')
    expect(await removeRepresentative(deps, { operatorId: 'kzk', subjectId: child, representativeId: father }, 'staff:1')).toEqual([expect.objectContaining({ representativeId: mother })])
    await expect(removeRepresentative(deps, { operatorId: 'kzk', subjectId: child, representativeId: father }, 'staff:1')).rejects.toMatchObject({ code: 'DERBES_REPRESENTATIVE_NOT_FOUND' })
    const actions = await database.db.selectFrom('audit_entries').select('action').where('subject_id', '=', child).orderBy('seq').execute()
    expect(actions.map((a) => a.action)).toEqual(['collect', 'supplement', 'supplement', 'change'])
    await destroySubject(deps, { operatorId: 'kzk', subjectId: mother, reason: 'subject_request' }, 'staff:1')
    expect(await activeRepresentatives(database.db, 'kzk', child, NOW)).toEqual([])
  })
})
