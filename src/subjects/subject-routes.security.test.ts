import type { InjectOptions } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Permission } from '../access/index.ts'
import { TEST_DATABASES } from '../db/test-databases.ts'
import { startRoutesKit, SUBJECT_PERMISSIONS, type RoutesKit } from './routes-test-kit.ts'

describe.each(TEST_DATABASES)('subject routes, authorization and tenant isolation, on $name', (target) => {
  let kit: RoutesKit
  let owner: string
  let subjectId: string
  let attorneyId: string
  const base = '/v1/operators/esp/subjects'

  /** Every route that touches a subject or its data, with the one permission it needs. */
  const routes = (): [string, Permission, InjectOptions][] => [
    ['register', 'subjects:write', { method: 'POST', url: base, payload: { kind: 'client' } }],
    ['look up', 'subjects:read', { method: 'POST', url: `${base}/lookup`, payload: { kind: 'phone', value: '87015559001' } }],
    ['get', 'subjects:read', { method: 'GET', url: `${base}/${subjectId}` }],
    ['update', 'subjects:write', { method: 'PATCH', url: `${base}/${subjectId}`, payload: { legalCapacity: 'full' } }],
    ['add a representative', 'subjects:write', { method: 'POST', url: `${base}/${subjectId}/representatives`, payload: { representativeId: attorneyId, relation: 'attorney', validUntil: '2027-01-01' } }],
    ['remove a representative', 'subjects:write', { method: 'DELETE', url: `${base}/${subjectId}/representatives/${attorneyId}` }],
    ['collect', 'data:write', { method: 'POST', url: `${base}/${subjectId}/data`, payload: { items: [{ itemId: 'email', value: 'x@y.kz', source: 'subject', purposes: ['loyalty'] }] } }],
    ['change', 'data:write', { method: 'PATCH', url: `${base}/${subjectId}/data/phone`, payload: { value: '87015559002' } }],
    ['read', 'data:read', { method: 'GET', url: `${base}/${subjectId}/data?basis=job_duties` }],
    ['block', 'subjects:block', { method: 'POST', url: `${base}/${subjectId}/block`, payload: { reason: 'other' } }],
    ['unblock', 'subjects:block', { method: 'POST', url: `${base}/${subjectId}/unblock`, payload: { reason: 'other' } }],
    ['anonymise', 'subjects:destroy', { method: 'POST', url: `${base}/${subjectId}/anonymise`, payload: { reason: 'other' } }],
    ['destroy', 'subjects:destroy', { method: 'POST', url: `${base}/${subjectId}/destroy`, payload: { reason: 'other' } }],
  ]
  const written = async () => (await kit.database.db.selectFrom('audit_entries').select('seq').where('operator_id', '=', 'esp').execute()).length

  beforeAll(async () => {
    kit = await startRoutesKit(target)
    owner = await kit.token('esp')
    subjectId = (await kit.call(owner, {
      method: 'POST',
      url: base,
      payload: {
        kind: 'client',
        identifiers: [{ kind: 'phone', value: '87015559001' }],
        data: [
          { itemId: 'full-name', value: 'Айдос Серіков', source: 'subject', purposes: ['loyalty'] },
          { itemId: 'phone', value: '87015559001', source: 'subject', purposes: ['loyalty'] },
          { itemId: 'residence-address', value: 'Астана, Мәңгілік Ел 58', source: 'subject', purposes: ['loyalty'] },
          { itemId: 'loyalty-card', value: 'C-77', source: 'operator', purposes: ['loyalty'] },
        ],
      },
    })).json().subjectId
    attorneyId = (await kit.call(owner, { method: 'POST', url: base, payload: { kind: 'attorney' } })).json().subjectId
  })
  afterAll(async () => {
    await kit.close()
  })

  it('answers 401 without credentials or with a token that is not one — before reading the body — and writes nothing', async () => {
    const before = await written()
    for (const [name, , request] of routes()) {
      for (const token of [undefined, 'dk.esp.0000000000000000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA']) {
        const res = await kit.call(token, request)
        expect(res.statusCode, `${name}: ${res.body}`).toBe(401)
        expect(res.json().code).toBe('DERBES_UNAUTHENTICATED')
      }
    }
    const malformed = await kit.call(undefined, { method: 'POST', url: base, payload: { nonsense: true } })
    expect(malformed.statusCode).toBe(401)
    expect(await written()).toBe(before)
  })

  it("answers 403 to another operator's key with every permission (tenant isolation), and writes nothing", async () => {
    const ttc = await kit.token('ttc')
    const before = await written()
    for (const [name, , request] of routes()) {
      const res = await kit.call(ttc, request)
      expect(res.statusCode, `${name}: ${res.body}`).toBe(403)
      expect(res.json().code).toBe('DERBES_FORBIDDEN')
    }
    expect(await written()).toBe(before)
  })

  it('answers 403 to a key of the operator that lacks the one permission the route needs', async () => {
    const before = await written()
    for (const [name, permission, request] of routes()) {
      const token = await kit.token('esp', SUBJECT_PERMISSIONS.filter((p) => p !== permission))
      const res = await kit.call(token, request)
      expect(res.statusCode, `${name}: ${res.body}`).toBe(403)
      expect(res.json().detail).toContain(permission)
    }
    expect(await written()).toBe(before)
  })

  it('registering with values needs data:write besides subjects:write', async () => {
    const writer = await kit.token('esp', ['subjects:write'])
    const payload = { kind: 'client', data: [{ itemId: 'full-name', value: 'Ерлан', source: 'subject', purposes: ['loyalty'] }] }
    expect((await kit.call(writer, { method: 'POST', url: base, payload })).statusCode).toBe(403)
    expect((await kit.call(writer, { method: 'POST', url: base, payload: { kind: 'client' } })).statusCode).toBe(201)
  })

  it('a staff role gets only the items of its categories (TTC-7.1): a contact-centre operator sees no address or loyalty card (ESP)', async () => {
    const operator = await kit.token('esp', ['data:read'], 'contact-centre-operator')
    const res = await kit.call(operator, { method: 'GET', url: `${base}/${subjectId}/data?basis=job_duties` })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json().values.map((v: { itemId: string }) => v.itemId)).toEqual(['full-name', 'phone'])
    expect(res.body).not.toMatch(/Мәңгілік|C-77/)
    const consultant = await kit.token('esp', ['data:read'], 'consultant')
    expect((await kit.call(consultant, { method: 'GET', url: `${base}/${subjectId}/data?basis=job_duties` })).json().values.map((v: { itemId: string }) => v.itemId)).toEqual([
      'full-name', 'loyalty-card', 'phone', 'residence-address',
    ])
    const audit = await kit.database.db.selectFrom('audit_entries').select(['actor', 'basis', 'details']).where('subject_id', '=', subjectId).where('action', '=', 'view').orderBy('seq').execute()
    expect(audit[0]).toMatchObject({ basis: 'job_duties', details: { roleId: 'contact-centre-operator', items: [{ itemId: 'full-name', valueNo: 0 }, { itemId: 'phone', valueNo: 0 }] } })
  })

  it("refuses a key whose role is not in the operator's policy", async () => {
    const stranger = await kit.token('esp', ['data:read'], 'authorised-staff')
    const res = await kit.call(stranger, { method: 'GET', url: `${base}/${subjectId}/data?basis=job_duties` })
    expect(res.statusCode).toBe(403)
  })
})
