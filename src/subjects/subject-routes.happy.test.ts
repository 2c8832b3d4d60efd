import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEST_DATABASES } from '../db/test-databases.ts'
import { startRoutesKit, type RoutesKit } from './routes-test-kit.ts'
import { makeIin } from './subjects-test-helpers.ts'

describe.each(TEST_DATABASES)('subject routes, happy paths, on $name', (target) => {
  let kit: RoutesKit
  let token: string
  const base = '/v1/operators/esp/subjects'

  beforeAll(async () => {
    kit = await startRoutesKit(target)
    token = await kit.token('esp')
  })
  afterAll(async () => {
    await kit.close()
  })

  it('registers, looks up by identifier, updates, represents, collects, changes, reads, blocks, destroys', async () => {
    const iin = makeIin('920315', 4, 3)
    const created = await kit.call(token, {
      method: 'POST',
      url: base,
      payload: {
        kind: 'client',
        identifiers: [{ kind: 'iin', value: iin }, { kind: 'phone', value: '8 (701) 555-70-01' }],
        relationshipStartedAt: '2026-12-01T10:00:00+05:00',
        data: [{ itemId: 'full-name', value: 'Мәдина Оспанова', source: 'subject', purposes: ['loyalty'] }],
      },
    })
    expect(created.statusCode, created.body).toBe(201)
    const subject = created.json()
    expect(subject).toMatchObject({ operatorId: 'esp', kind: 'client', status: 'active', ageBand: 'adult', identifierKinds: ['iin', 'phone'], collected: [{ itemId: 'full-name', valueNo: 0, action: 'collect' }] })
    expect(created.body).not.toContain(iin)
    const subjectUrl = `${base}/${subject.subjectId}`

    const found = await kit.call(token, { method: 'POST', url: `${base}/lookup`, payload: { kind: 'phone', value: '+77015557001' } })
    expect(found.statusCode, found.body).toBe(200)
    expect(found.json().subjectId).toBe(subject.subjectId)

    const patched = await kit.call(token, { method: 'PATCH', url: subjectUrl, payload: { relationshipEndedAt: '2027-12-01T10:00:00+05:00', identifiers: { add: [{ kind: 'email', value: 'madina@example.kz' }] } } })
    expect(patched.statusCode, patched.body).toBe(200)
    expect(patched.json()).toMatchObject({ relationshipEndedAt: '2027-12-01T05:00:00.000Z', identifierKinds: ['email', 'iin', 'phone'] })

    const attorney = (await kit.call(token, { method: 'POST', url: base, payload: { kind: 'attorney' } })).json().subjectId
    const represented = await kit.call(token, { method: 'POST', url: `${subjectUrl}/representatives`, payload: { representativeId: attorney, relation: 'attorney', validUntil: '2027-06-30', basisDocument: 'POA No. 41' } })
    expect(represented.statusCode, represented.body).toBe(201)
    expect(represented.json().representatives).toEqual([{ representativeId: attorney, relation: 'attorney', validFrom: null, validUntil: '2027-06-30', basisDocument: 'POA No. 41', active: true }])
    expect((await kit.call(token, { method: 'GET', url: subjectUrl })).json().representatives).toHaveLength(1)
    const ended = await kit.call(token, { method: 'DELETE', url: `${subjectUrl}/representatives/${attorney}?relation=attorney` })
    expect(ended.statusCode, ended.body).toBe(200)
    expect(ended.json().representatives).toEqual([])

    const collected = await kit.call(token, {
      method: 'POST',
      url: `${subjectUrl}/data`,
      payload: { items: [{ itemId: 'phone', value: '87015557001', source: 'subject', purposes: ['loyalty', 'order-notifications'] }, { itemId: 'phone', value: '87015557002', source: 'subject', purposes: ['loyalty'] }] },
    })
    expect(collected.statusCode, collected.body).toBe(201)
    expect(collected.json().collected.map((c: { valueNo: number; action: string }) => [c.valueNo, c.action])).toEqual([[0, 'collect'], [1, 'supplement']])
    const changed = await kit.call(token, { method: 'PATCH', url: `${subjectUrl}/data/phone`, payload: { valueNo: 1, value: '+7 701 555 70 03' } })
    expect(changed.statusCode, changed.body).toBe(200)
    expect(changed.json()).toMatchObject({ itemId: 'phone', valueNo: 1, action: 'change' })

    const read = await kit.call(token, { method: 'GET', url: `${subjectUrl}/data?basis=job_duties&purpose=loyalty` })
    expect(read.statusCode, read.body).toBe(200)
    expect(read.json()).toMatchObject({ basis: 'job_duties', purpose: 'loyalty', reference: null })
    expect(read.json().values.map((v: { itemId: string; value: string }) => [v.itemId, v.value])).toEqual([['full-name', 'Мәдина Оспанова'], ['phone', '+77015557001'], ['phone', '+77015557003']])

    const metadata = await kit.call(token, { method: 'GET', url: subjectUrl })
    expect(metadata.body).not.toMatch(/Оспанова|5557001|madina/)

    const blocked = await kit.call(token, { method: 'POST', url: `${subjectUrl}/block`, payload: { reason: 'accuracy_in_doubt', reference: 'Request 7' } })
    expect(blocked.json()).toMatchObject({ status: 'blocked' })
    expect((await kit.call(token, { method: 'POST', url: `${subjectUrl}/data`, payload: { items: [{ itemId: 'email', value: 'm@e.kz', source: 'subject', purposes: ['loyalty'] }] } })).json().code).toBe('DERBES_SUBJECT_BLOCKED')
    expect((await kit.call(token, { method: 'POST', url: `${subjectUrl}/unblock`, payload: { reason: 'verified' } })).json().status).toBe('active')
    const destroyed = await kit.call(token, { method: 'POST', url: `${subjectUrl}/destroy`, payload: { reason: 'consent_withdrawn' } })
    expect(destroyed.statusCode, destroyed.body).toBe(200)
    expect(destroyed.json()).toMatchObject({ status: 'destroyed', identifierKinds: [] })
    expect((await kit.call(token, { method: 'GET', url: `${subjectUrl}/data?basis=job_duties` })).statusCode).toBe(410)

    const actions = await kit.database.db.selectFrom('audit_entries').select('action').where('subject_id', '=', subject.subjectId).orderBy('seq').execute()
    expect(actions.map((a) => a.action)).toEqual(['collect', 'collect', 'change', 'supplement', 'change', 'collect', 'supplement', 'change', 'view', 'block', 'unblock', 'destroy'])
  })

  it('anonymises a subject', async () => {
    const id = (await kit.call(token, { method: 'POST', url: base, payload: { kind: 'enquirer', identifiers: [{ kind: 'email', value: 'ask@example.kz' }] } })).json().subjectId
    const res = await kit.call(token, { method: 'POST', url: `${base}/${id}/anonymise`, payload: { reason: 'purpose_achieved' } })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({ status: 'anonymised', kind: 'enquirer', identifierKinds: [] })
    expect((await kit.call(token, { method: 'POST', url: `${base}/lookup`, payload: { kind: 'email', value: 'ask@example.kz' } })).statusCode).toBe(404)
  })

  it('documents every route in the OpenAPI document', async () => {
    const spec = (await kit.app.inject({ method: 'GET', url: '/openapi.json' })).json()
    // Other modules hang routes under a subject too (its consents); these are ours.
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining([
      '/v1/operators/{operatorId}/subjects',
      '/v1/operators/{operatorId}/subjects/lookup',
      '/v1/operators/{operatorId}/subjects/{subjectId}',
      '/v1/operators/{operatorId}/subjects/{subjectId}/anonymise',
      '/v1/operators/{operatorId}/subjects/{subjectId}/block',
      '/v1/operators/{operatorId}/subjects/{subjectId}/data',
      '/v1/operators/{operatorId}/subjects/{subjectId}/data/{itemId}',
      '/v1/operators/{operatorId}/subjects/{subjectId}/destroy',
      '/v1/operators/{operatorId}/subjects/{subjectId}/representatives',
      '/v1/operators/{operatorId}/subjects/{subjectId}/representatives/{representativeId}',
      '/v1/operators/{operatorId}/subjects/{subjectId}/unblock',
    ]))
    expect(spec.paths['/v1/operators/{operatorId}/subjects/{subjectId}/data'].get.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['basis', 'reference', 'purpose']),
    )
  })
})
