import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { issueApiKey } from '../../access/index.ts'
import type { DatabaseHandle } from '../../db/index.ts'
import { TEST_DATABASES } from '../../db/test-databases.ts'
import { buildTestApp } from '../../http/index.ts'
import { seedOperators } from '../../operators/index.ts'
import { putConsent, putSubject } from './decision-db-test-kit.ts'

const NOW = new Date('2026-12-10T10:00:00+05:00')

describe.each(TEST_DATABASES)('POST /v1/operators/:id/decisions on $name', (target) => {
  let database: DatabaseHandle
  let app: FastifyInstance
  const auth: Record<string, { authorization: string }> = {}

  beforeAll(async () => {
    database = await target.open()
    const deps = { db: database.db, clock: () => NOW }
    await seedOperators(deps, 'policies')
    app = await buildTestApp(database, { clock: deps.clock })
    const key = async (operatorId: string, permissions: ('decisions' | 'subjects:read')[]) =>
      ({ authorization: `Bearer ${(await issueApiKey(database.db, { operatorId, name: 'test', permissions, createdBy: 'test' }, NOW)).token}` })
    auth.esp = await key('esp', ['decisions'])
    auth.espReader = await key('esp', ['subjects:read'])
    auth.ttc = await key('ttc', ['decisions'])
    auth.tw = await key('tw', ['decisions'])
    await putSubject(database.db, 'esp', 'client-1', { kind: 'client' })
    await putConsent(database.db, 'esp', 'client-1', { purpose: 'advertising', formId: 'marketing-messages', channel: 'sms' })
    await putSubject(database.db, 'ttc', 'subscriber-1', { kind: 'subscriber', relationshipEndedAt: '2016-12-01T00:00:00+05:00' })
    await putConsent(database.db, 'ttc', 'subscriber-1', { purpose: 'registration', formId: 'app-2' })
  })
  afterAll(async () => {
    await app.close()
    await database.close()
  })

  /** `headers: null` sends no credentials; absent, the operator's own key with `decisions`. */
  const decide = (operatorId: string, payload: Record<string, unknown>, headers: Record<string, string> | null = auth[operatorId]!) =>
    app.inject({ method: 'POST', url: `/v1/operators/${operatorId}/decisions`, payload, ...(headers ? { headers } : {}) })

  it('ESP-2: allows SMS marketing with the SMS consent — basis, no reasons, policy version, time', async () => {
    const res = await decide('esp', { subjectId: 'client-1', purpose: 'advertising', channel: 'sms', items: ['phone'] })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toEqual({ allow: true, basis: 'consent', reasons: [], policyVersion: '2025-1', decidedAt: '2026-12-10T05:00:00.000Z' })
  })

  it('ESP-2: refuses e-mail marketing without its consent, with the reason in the language asked for', async () => {
    const res = await decide('esp', { subjectId: 'client-1', purpose: 'advertising', channel: 'email', lang: 'en' })
    expect(res.json()).toMatchObject({
      allow: false,
      basis: 'consent',
      reasons: [{ code: 'channel.not_consented', clause: 'art. 7', policyClauses: ['ESP-2', 'ESP-6', 'ESP-App.1'], message: 'The subject has not consented to marketing through this channel.', detail: { channel: 'email' } }],
    })
    const kk = await decide('esp', { subjectId: 'client-1', purpose: 'advertising', channel: 'email' })
    expect(kk.json().reasons[0].message).toBe('Субъект осы арна арқылы жарнамалық хабарламалар алуға келісім бермеген.')
  })

  it('TTC-6.4: retention elapsed 10 years after the relationship; `at` decides for another instant', async () => {
    const now = await decide('ttc', { subjectId: 'subscriber-1', purpose: 'registration' })
    expect(now.json()).toMatchObject({ allow: false, reasons: [{ code: 'retention.elapsed', clause: 'art. 12(2), 18' }] })
    const before = await decide('ttc', { subjectId: 'subscriber-1', purpose: 'registration', at: '2026-11-30T00:00:00+05:00' })
    expect(before.json()).toMatchObject({ allow: true, decidedAt: '2026-11-29T19:00:00.000Z' })
  })

  it('TW-6.3: a consent withdrawn after an earlier decision denies once the process forgets the subject', async () => {
    await putSubject(database.db, 'tw', 'user-1', { kind: 'user' })
    await putConsent(database.db, 'tw', 'user-1', { purpose: 'newsletters', formId: 'privacy-policy' })
    expect((await decide('tw', { subjectId: 'user-1', purpose: 'newsletters' })).json().allow).toBe(true)
    await putConsent(database.db, 'tw', 'user-1', { purpose: 'newsletters', formId: 'privacy-policy', status: 'withdrawn' })
    app.decisionIndexes.forget('tw', 'user-1')
    const res = await decide('tw', { subjectId: 'user-1', purpose: 'newsletters' })
    expect(res.json()).toMatchObject({ allow: false, reasons: [{ code: 'consent.withdrawn' }] })
  })

  it('a subject unknown to the operator is a reason, not an error', async () => {
    const res = await decide('esp', { subjectId: 'subscriber-1', purpose: 'loyalty' })
    expect(res.statusCode).toBe(200)
    expect(res.json().reasons.map((r: { code: string }) => r.code)).toEqual(['subject.unknown'])
  })

  it('writes no audit entry for a check; `record: true` appends the use, or its refusal, to the chain', async () => {
    const entries = () => database.db.selectFrom('audit_entries').selectAll().where('operator_id', '=', 'esp').where('subject_id', '=', 'client-1').orderBy('seq').execute()
    await decide('esp', { subjectId: 'client-1', purpose: 'advertising', channel: 'sms' })
    expect(await entries()).toEqual([])
    const used = await decide('esp', { subjectId: 'client-1', purpose: 'advertising', channel: 'sms', items: ['phone'], record: true })
    expect(used.json().recorded).toEqual({ auditSeq: expect.any(Number), action: 'use' })
    await decide('esp', { subjectId: 'client-1', purpose: 'advertising', channel: 'email', record: true })
    const rows = await entries()
    expect(rows.map((r) => [r.action, r.purpose, r.actor.startsWith('api_key:')])).toEqual([['use', 'advertising', true], ['access_denied', 'advertising', true]])
    expect(rows[0]!.details).toEqual({ legalBasis: 'consent', policyVersion: '2025-1', decidedAt: '2026-12-10T05:00:00.000Z', items: ['phone'], channel: 'sms' })
    expect(rows[1]!.details).toMatchObject({ reasons: ['channel.not_consented'] })
  })

  it('is documented in the OpenAPI document with its reason codes', async () => {
    const openapi = (await app.inject({ method: 'GET', url: '/openapi.json' })).json()
    const decision = openapi.paths['/v1/operators/{operatorId}/decisions'].post
    const schema = JSON.stringify(decision.responses['200'])
    expect(schema).toContain('consent.withdrawn')
    expect(schema).toContain('legal_obligation')
    expect(openapi.paths['/v1/operators/{operatorId}/decisions/bulk'].post.tags).toEqual(['decisions'])
  })

  it('refuses a malformed request with 400 and the field', async () => {
    const res = await decide('esp', { subjectId: 'client-1', purpose: 'advertising', country: 'russia', colour: 'red' })
    expect(res.statusCode).toBe(400)
    expect(res.json().code).toBe('DERBES_VALIDATION')
  })

  it('401 without a key, 403 with another operator\'s key (tenant isolation) or without the permission', async () => {
    const payload = { subjectId: 'client-1', purpose: 'advertising', channel: 'sms' }
    expect((await decide('esp', payload, null)).statusCode).toBe(401)
    const foreign = await decide('esp', payload, auth.ttc)
    expect(foreign.statusCode).toBe(403)
    expect(foreign.json().code).toBe('DERBES_FORBIDDEN')
    // TTC's key asking TTC about ESP's subject learns nothing: the subject is unknown there.
    expect((await decide('ttc', { subjectId: 'client-1', purpose: 'marketing', channel: 'sms' })).json().reasons[0].code).toBe('subject.unknown')
    expect((await decide('esp', payload, auth.espReader)).statusCode).toBe(403)
  })
})
