import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../db/index.ts'
import { TEST_DATABASES } from '../db/test-databases.ts'
import { blindIndexFor } from './crypto/index.ts'
import { findSubjectByIdentifier, getSubject } from './find-subject.ts'
import { registerSubject } from './register-subject.ts'
import { makeIin, openSeeded } from './subjects-test-helpers.ts'
import type { SubjectsDeps } from './subjects-deps.ts'
import { updateSubject } from './update-subject.ts'

describe.each(TEST_DATABASES)('registerSubject on $name', (target) => {
  let database: DatabaseHandle
  let deps: SubjectsDeps

  beforeAll(async () => {
    ;({ database, deps } = await openSeeded(target))
  })
  afterAll(async () => {
    await database.close()
  })

  const countRows = async () => ({
    subjects: (await database.db.selectFrom('subjects').select('subject_id').execute()).length,
    identifiers: (await database.db.selectFrom('subject_identifiers').select('subject_id').execute()).length,
    keys: (await database.db.selectFrom('subject_keys').select('subject_id').execute()).length,
    audit: (await database.db.selectFrom('audit_entries').select('seq').where('operator_id', '=', 'ttc').execute()).length,
  })

  it('stores identifiers only as blind indexes and gives the subject its own wrapped data key', async () => {
    const iin = makeIin('791028', 3, 1)
    const subject = await registerSubject(deps, {
      operatorId: 'ttc',
      kind: 'subscriber',
      identifiers: [{ kind: 'iin', value: iin }, { kind: 'phone', value: '8 (701) 555-10-01' }],
      relationshipStartedAt: '2026-12-01T09:00:00+05:00',
    }, 'staff:1')
    expect(subject).toMatchObject({ kind: 'subscriber', status: 'active', legalCapacity: 'full', ageBand: 'adult', identifierKinds: ['iin', 'phone'] })
    expect(subject.relationshipStartedAt).toBe('2026-12-01T04:00:00.000Z')
    const rows = await database.db.selectFrom('subject_identifiers').selectAll().where('subject_id', '=', subject.subjectId).execute()
    expect(rows.map((r) => r.blind_index).sort()).toEqual(
      [await blindIndexFor(deps.keys, 'ttc', 'iin', iin), await blindIndexFor(deps.keys, 'ttc', 'phone', '+77015551001')].sort(),
    )
    expect(JSON.stringify(rows)).not.toContain(iin)
    const key = await database.db.selectFrom('subject_keys').selectAll().where('subject_id', '=', subject.subjectId).executeTakeFirstOrThrow()
    expect(key.key_id).toBe(await deps.keys.currentKeyId('ttc'))
    expect(await deps.keys.unwrap('ttc', { keyId: key.key_id, ciphertext: key.wrapped_key })).toHaveLength(32)
  })

  it('finds a subject by any spelling of its phone, through the blind index', async () => {
    const subject = await registerSubject(deps, { operatorId: 'ttc', kind: 'applicant', identifiers: [{ kind: 'phone', value: '+7 701 555 10 02' }] }, 'staff:1')
    expect((await findSubjectByIdentifier(deps, 'ttc', { kind: 'phone', value: '8 (701) 555-10-02' })).subjectId).toBe(subject.subjectId)
    await expect(findSubjectByIdentifier(deps, 'ttc', { kind: 'phone', value: '8 (701) 555-10-99' })).rejects.toMatchObject({ code: 'DERBES_SUBJECT_NOT_FOUND' })
    // Blind indexes are per operator: the same phone is unknown to another one.
    await expect(findSubjectByIdentifier(deps, 'ps', { kind: 'phone', value: '8 (701) 555-10-02' })).rejects.toMatchObject({ code: 'DERBES_SUBJECT_NOT_FOUND' })
  })

  it('refuses an identifier another subject of the operator has (409), storing nothing', async () => {
    await registerSubject(deps, { operatorId: 'ttc', kind: 'subscriber', identifiers: [{ kind: 'email', value: 'Aigerim@Mail.kz' }] }, 'staff:1')
    const before = await countRows()
    const error = await registerSubject(deps, {
      operatorId: 'ttc',
      kind: 'subscriber',
      identifiers: [{ kind: 'phone', value: '87015551003' }, { kind: 'email', value: ' aigerim@mail.KZ' }],
    }, 'staff:1').catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'DERBES_SUBJECT_IDENTIFIER_TAKEN', status: 409, errors: [{ pointer: '/body/identifiers/1' }] })
    expect(await countRows()).toEqual(before)
    // Another operator may hold the same person: indexes of two operators never collide.
    await expect(registerSubject(deps, { operatorId: 'ps', kind: 'client', identifiers: [{ kind: 'email', value: 'aigerim@mail.kz' }] }, 'staff:1')).resolves.toBeDefined()
  })

  it('refuses a kind the published policy does not have, an invalid IIN, a repeated identifier — nothing stored', async () => {
    const before = await countRows()
    await expect(registerSubject(deps, { operatorId: 'ttc', kind: 'child' }, 'staff:1')).rejects.toMatchObject({
      code: 'DERBES_SUBJECT_KIND_UNKNOWN',
      errors: [{ pointer: '/body/kind' }],
    })
    const bad = await registerSubject(deps, { operatorId: 'ttc', kind: 'subscriber', identifiers: [{ kind: 'iin', value: '791028302729' }] }, 'staff:1').catch((e: unknown) => e)
    expect(bad).toMatchObject({ code: 'DERBES_IDENTIFIER_INVALID', errors: [{ pointer: '/body/identifiers/0/value' }] })
    expect((bad as Error).message).not.toContain('791028302729')
    await expect(
      registerSubject(deps, { operatorId: 'ttc', kind: 'subscriber', identifiers: [{ kind: 'phone', value: '87015551004' }, { kind: 'phone', value: '+77015551004' }] }, 'staff:1'),
    ).rejects.toMatchObject({ code: 'DERBES_VALIDATION', errors: [{ pointer: '/body/identifiers/1' }] })
    await expect(
      registerSubject(deps, { operatorId: 'ttc', kind: 'subscriber', relationshipStartedAt: '2026-12-01T00:00:00Z', relationshipEndedAt: '2026-11-01T00:00:00Z' }, 'staff:1'),
    ).rejects.toMatchObject({ code: 'DERBES_VALIDATION', errors: [{ pointer: '/body/relationshipEndedAt' }] })
    expect(await countRows()).toEqual(before)
  })

  it('sets minor_until from the IIN to the day of the policy adult age (KZK-1.13; Civil Code art. 17(1))', async () => {
    const child = await registerSubject(deps, { operatorId: 'kzk', kind: 'child', identifiers: [{ kind: 'iin', value: makeIin('150301', 5, 7) }] }, 'staff:1')
    expect(child.ageBand).toBe('minor')
    const row = await database.db.selectFrom('subjects').select(['age_source']).select((eb) => eb.cast<string>('minor_until', 'text').as('minor_until')).where('subject_id', '=', child.subjectId).executeTakeFirstOrThrow()
    expect(row).toEqual({ minor_until: '2033-03-01', age_source: 'iin' })
  })

  it('prefers a stated birth date to the IIN guess (an IIN need not match since 2013), and stores no adult birth date', async () => {
    // The IIN says 2010, the stated birth date says 2000: the subject is an adult, and nothing of the date is kept.
    const adult = await registerSubject(deps, { operatorId: 'esp', kind: 'client', identifiers: [{ kind: 'iin', value: makeIin('100101', 5, 11) }], birthDate: '2000-01-01' }, 'staff:1')
    expect(adult.ageBand).toBe('adult')
    const row = await database.db.selectFrom('subjects').select(['minor_until', 'age_source']).where('subject_id', '=', adult.subjectId).executeTakeFirstOrThrow()
    expect(row).toEqual({ minor_until: null, age_source: 'birth_date' })
  })

  it('a child born on 29 February comes of age on 1 March in a common year', async () => {
    const child = await registerSubject(deps, { operatorId: 'kzk', kind: 'child', birthDate: '2012-02-29' }, 'staff:1')
    const row = await database.db.selectFrom('subjects').select((eb) => eb.cast<string>('minor_until', 'text').as('minor_until')).where('subject_id', '=', child.subjectId).executeTakeFirstOrThrow()
    expect(row.minor_until).toBe('2030-03-01')
  })

  it('tells unknown age from adult, and counts a minors-only kind of unknown age as minor (KZK child)', async () => {
    expect((await registerSubject(deps, { operatorId: 'esp', kind: 'client' }, 'staff:1')).ageBand).toBe('unknown')
    expect((await registerSubject(deps, { operatorId: 'kzk', kind: 'child' }, 'staff:1')).ageBand).toBe('minor')
  })

  it('refuses a web user younger than the kind allows (TTC-2(2), TTC-10.4)', async () => {
    await expect(registerSubject(deps, { operatorId: 'ttc', kind: 'web-user', birthDate: '2010-05-05' }, 'staff:1')).rejects.toMatchObject({
      code: 'DERBES_SUBJECT_UNDER_AGE',
      errors: [{ pointer: '/body/birthDate' }],
    })
    await expect(registerSubject(deps, { operatorId: 'ttc', kind: 'web-user', birthDate: '2008-12-02' }, 'staff:1')).resolves.toMatchObject({ ageBand: 'adult' })
  })

  it('records the registration in the audit chain and the outbox, without identifier values', async () => {
    const iin = makeIin('880512', 4, 21)
    const subject = await registerSubject(deps, { operatorId: 'ps', kind: 'client', identifiers: [{ kind: 'iin', value: iin }] }, 'api_key:crm')
    const audit = await database.db.selectFrom('audit_entries').selectAll().where('subject_id', '=', subject.subjectId).execute()
    expect(audit).toEqual([expect.objectContaining({ action: 'collect', actor: 'api_key:crm', details: expect.objectContaining({ registered: true, identifierKinds: ['iin'] }) })])
    const events = await database.db.selectFrom('event_outbox').selectAll().where('subject_id', '=', subject.subjectId).execute()
    expect(events.map((e) => e.type)).toEqual(['subject.registered'])
    expect(JSON.stringify([audit, events])).not.toContain(iin)
  })

  it('updates relationship end, capacity and identifiers; adding an IIN to a subject of unknown age gives it an age band', async () => {
    const subject = await registerSubject(deps, { operatorId: 'tw', kind: 'user', identifiers: [{ kind: 'email', value: 'old@tw.kz' }] }, 'staff:1')
    expect(subject.ageBand).toBe('unknown')
    const updated = await updateSubject(deps, {
      operatorId: 'tw',
      subjectId: subject.subjectId,
      relationshipEndedAt: '2026-12-31T18:00:00Z',
      legalCapacity: 'limited',
      identifiers: { add: [{ kind: 'email', value: 'new@tw.kz' }, { kind: 'iin', value: makeIin('900101', 3, 5) }], remove: [{ kind: 'email', value: 'OLD@tw.kz' }] },
    }, 'staff:1')
    expect(updated).toMatchObject({ legalCapacity: 'limited', relationshipEndedAt: '2026-12-31T18:00:00.000Z', identifierKinds: ['email', 'iin'], ageBand: 'adult' })
    await expect(findSubjectByIdentifier(deps, 'tw', { kind: 'email', value: 'old@tw.kz' })).rejects.toMatchObject({ code: 'DERBES_SUBJECT_NOT_FOUND' })
    expect((await findSubjectByIdentifier(deps, 'tw', { kind: 'email', value: 'new@tw.kz' })).subjectId).toBe(subject.subjectId)
    await expect(
      updateSubject(deps, { operatorId: 'tw', subjectId: subject.subjectId, identifiers: { remove: [{ kind: 'phone', value: '87015559999' }] } }, 'staff:1'),
    ).rejects.toMatchObject({ code: 'DERBES_NOT_FOUND', errors: [{ pointer: '/body/identifiers/remove/0' }] })
    expect((await getSubject(deps, 'tw', subject.subjectId)).identifierKinds).toEqual(['email', 'iin'])
  })
})
