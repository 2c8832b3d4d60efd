import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEST_DATABASES } from '../db/test-databases.ts'
import { startRoutesKit, type RoutesKit } from './routes-test-kit.ts'

describe.each(TEST_DATABASES)('subject routes, bad input, on $name', (target) => {
  let kit: RoutesKit
  let token: string
  let subjectId: string
  const base = '/v1/operators/esp/subjects'
  const counts = async () =>
    Promise.all((['subjects', 'subject_identifiers', 'subject_keys', 'vault_items', 'subject_representatives', 'audit_entries', 'event_outbox'] as const).map(async (t) => (await kit.database.db.selectFrom(t).select('operator_id').execute()).length))

  beforeAll(async () => {
    kit = await startRoutesKit(target)
    token = await kit.token('esp')
    subjectId = (await kit.call(token, { method: 'POST', url: base, payload: { kind: 'client', identifiers: [{ kind: 'phone', value: '87015558001' }] } })).json().subjectId
  })
  afterAll(async () => {
    await kit.close()
  })

  it.each([
    ['a missing kind', { identifiers: [] }, '/body/kind'],
    ['an unknown identifier kind', { kind: 'client', identifiers: [{ kind: 'passport', value: 'x' }] }, '/body/identifiers/0/kind'],
    ['a date-time that is not one', { kind: 'client', relationshipStartedAt: 'yesterday' }, '/body/relationshipStartedAt'],
    ['an unknown capacity', { kind: 'client', legalCapacity: 'partial' }, '/body/legalCapacity'],
    ['a value without purposes', { kind: 'client', data: [{ itemId: 'phone', value: '87015558002', source: 'subject', purposes: [] }] }, '/body/data/0/purposes'],
    ['an unknown source', { kind: 'client', data: [{ itemId: 'phone', value: '87015558002', source: 'rumour', purposes: ['loyalty'] }] }, '/body/data/0/source'],
    ['an unknown field', { kind: 'client', nickname: 'x' }, '/body/nickname'],
  ])('registration with %s is 400 naming the field, and writes nothing', async (_, payload, pointer) => {
    const before = await counts()
    const res = await kit.call(token, { method: 'POST', url: base, payload })
    expect(res.statusCode, res.body).toBe(400)
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/)
    expect(res.json()).toMatchObject({ code: 'DERBES_VALIDATION', errors: expect.arrayContaining([expect.objectContaining({ pointer })]) })
    expect(await counts()).toEqual(before)
  })

  it.each([
    ['an IIN with a wrong check digit', { kind: 'client', identifiers: [{ kind: 'iin', value: '791028302729' }] }, 400, 'DERBES_IDENTIFIER_INVALID', '/body/identifiers/0/value'],
    ['a taken phone', { kind: 'client', identifiers: [{ kind: 'phone', value: '+7 701 555 80 01' }] }, 409, 'DERBES_SUBJECT_IDENTIFIER_TAKEN', '/body/identifiers/0'],
    ['a kind of another policy', { kind: 'subscriber' }, 422, 'DERBES_SUBJECT_KIND_UNKNOWN', '/body/kind'],
    ['a purpose that does not cover the item (art. 7(9))', { kind: 'client', data: [{ itemId: 'loyalty-card', value: 'C-9', source: 'operator', purposes: ['order-notifications'] }] }, 422, 'DERBES_VAULT_PURPOSE_MISMATCH', '/body/data/0/purposes/0'],
    ['a phone of another country', { kind: 'client', data: [{ itemId: 'phone', value: '+7 495 123-45-67', source: 'subject', purposes: ['loyalty'] }] }, 400, 'DERBES_VAULT_VALUE_INVALID', '/body/data/0/value'],
  ])('registration with %s is refused with its code and field, writing nothing', async (_, payload, status, code, pointer) => {
    const before = await counts()
    const res = await kit.call(token, { method: 'POST', url: base, payload })
    expect(res.statusCode, res.body).toBe(status)
    expect(res.json()).toMatchObject({ code, errors: [expect.objectContaining({ pointer })] })
    expect(res.body).not.toContain('791028302729')
    expect(await counts()).toEqual(before)
  })

  it('answers 404 for an unknown subject, and for a subject of another operator under this one', async () => {
    const other = await kit.token('ps')
    const foreign = (await kit.call(other, { method: 'POST', url: '/v1/operators/ps/subjects', payload: { kind: 'client' } })).json().subjectId
    for (const id of ['00000000-0000-4000-8000-000000000000', foreign]) {
      const res = await kit.call(token, { method: 'GET', url: `${base}/${id}` })
      expect(res.statusCode).toBe(404)
      expect(res.json().code).toBe('DERBES_SUBJECT_NOT_FOUND')
    }
    expect((await kit.call(token, { method: 'GET', url: `${base}/not-a-uuid` })).json()).toMatchObject({ code: 'DERBES_VALIDATION', errors: [{ pointer: '/params/subjectId' }] })
    expect((await kit.call(token, { method: 'POST', url: `${base}/lookup`, payload: { kind: 'phone', value: '87015558999' } })).statusCode).toBe(404)
  })

  it('refuses reading without a basis the policy lists (TTC-7.2), writing no audit entry', async () => {
    const before = await counts()
    const none = await kit.call(token, { method: 'GET', url: `${base}/${subjectId}/data` })
    expect(none.statusCode).toBe(400)
    expect(none.json()).toMatchObject({ code: 'DERBES_ACCESS_BASIS_REQUIRED', errors: [{ pointer: '/querystring/basis' }] })
    // ESP lists job duties only.
    expect((await kit.call(token, { method: 'GET', url: `${base}/${subjectId}/data?basis=contractor&reference=Contract%207` })).json().code).toBe('DERBES_ACCESS_BASIS_REQUIRED')
    expect((await kit.call(token, { method: 'GET', url: `${base}/${subjectId}/data?basis=job_duties&purpose=selling` })).json().code).toBe('DERBES_VAULT_PURPOSE_MISMATCH')
    expect(await counts()).toEqual(before)
  })

  it('refuses a change of a value not held, an update with nothing in it, an unblock of an active subject, an unknown reason', async () => {
    const before = await counts()
    expect((await kit.call(token, { method: 'PATCH', url: `${base}/${subjectId}/data/email`, payload: { value: 'a@b.kz' } })).json().code).toBe('DERBES_VAULT_VALUE_NOT_FOUND')
    expect((await kit.call(token, { method: 'PATCH', url: `${base}/${subjectId}`, payload: {} })).statusCode).toBe(400)
    expect((await kit.call(token, { method: 'POST', url: `${base}/${subjectId}/unblock`, payload: { reason: 'verified' } })).json().code).toBe('DERBES_SUBJECT_NOT_BLOCKED')
    const reason = await kit.call(token, { method: 'POST', url: `${base}/${subjectId}/destroy`, payload: { reason: 'bored' } })
    expect(reason.json()).toMatchObject({ code: 'DERBES_VALIDATION', errors: [{ pointer: '/body/reason' }] })
    const rep = await kit.call(token, { method: 'POST', url: `${base}/${subjectId}/representatives`, payload: { representativeId: subjectId, relation: 'attorney', validUntil: '2027-01-01' } })
    expect(rep.json().code).toBe('DERBES_REPRESENTATIVE_NOT_FITTING')
    expect((await kit.call(token, { method: 'DELETE', url: `${base}/${subjectId}/representatives/${subjectId}` })).json().code).toBe('DERBES_REPRESENTATIVE_NOT_FOUND')
    expect(await counts()).toEqual(before)
  })
})
