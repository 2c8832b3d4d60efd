import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEST_DATABASES } from '../../db/test-databases.ts'
import { readPdf } from '../../notify/pdf/index.ts'
import { openPortalFixture, phone, type PortalFixture } from '../../portal/portal-test-kit.ts'

describe.each(TEST_DATABASES)('the acknowledgement that a request was received, on $name', (target) => {
  let fx: PortalFixture
  beforeAll(async () => {
    fx = await openPortalFixture(target)
  })
  afterAll(() => fx.close())

  const text = (pdf: Buffer) => readPdf(pdf).text.replace(/\s+/g, ' ')

  it('ESP-9: a portal request waiting for the ID document — the subject downloads the acknowledgement in Kazakh: reference, due date, its clause, what is awaited', async () => {
    const subjectId = await fx.subject('esp', { kind: 'client', identifiers: [{ kind: 'phone', value: phone(401) }] })
    const token = await fx.signIn('esp', subjectId, phone(401))
    const created = (await fx.asSubject(token, { method: 'POST', url: '/v1/operators/esp/portal/requests', payload: { kind: 'information', language: 'kk' } })).json()
    expect(created.waitingFor).toEqual([expect.objectContaining({ code: 'identity_proof' })])

    const res = await fx.asSubject(token, { method: 'GET', url: `/v1/operators/esp/portal/requests/${created.requestId}/acknowledgement.pdf` })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.headers['content-type']).toBe('application/pdf')
    const kk = text(res.rawPayload)
    expect(kk).toContain(created.reference)
    expect(kk).toContain('Өтініштің қабылданғаны туралы растама')
    expect(kk).toContain('220240037922')
    expect(kk).toContain('Жеке басты куәландыратын құжаттың')
    const audited = await fx.database.db.selectFrom('audit_entries').select(['actor', 'details']).where('subject_id', '=', subjectId).where('action', '=', 'view').execute()
    expect(audited).toEqual([expect.objectContaining({ actor: `subject:${subjectId}` })])

    const ru = text((await fx.asSubject(token, { method: 'GET', url: `/v1/operators/esp/portal/requests/${created.requestId}/acknowledgement.pdf?language=ru` })).rawPayload)
    expect(ru).toContain('Подтверждение получения обращения')
    expect(ru).toContain('личный кабинет')

    const stranger = await fx.subject('esp', { kind: 'client', identifiers: [{ kind: 'phone', value: phone(402) }] })
    const theirs = await fx.asSubject(await fx.signIn('esp', stranger, phone(402)), { method: 'GET', url: `/v1/operators/esp/portal/requests/${created.requestId}/acknowledgement.pdf` })
    expect(theirs.statusCode).toBe(404)
  })

  it('TW-9.1: staff print the acknowledgement of a request registered on paper, in English on asking; without credentials 401', async () => {
    const staff = await fx.token('tw')
    const created = await fx.call(staff, { method: 'POST', url: '/v1/operators/tw/requests', payload: { kind: 'access', channel: 'post', postalReference: 'RR123456789KZ', requester: { postalAddress: 'Алматы, Абай даңғылы, 10' }, receivedAt: '2026-12-01T09:00:00+05:00', language: 'ru' } })
    expect(created.statusCode, created.body).toBe(201)
    const { requestId, reference } = created.json()
    const en = await fx.call(staff, { method: 'GET', url: `/v1/operators/tw/requests/${requestId}/acknowledgement.pdf?language=en` })
    expect(en.statusCode, en.body).toBe(200)
    const body = text(en.rawPayload)
    expect(body).toContain(reference)
    expect(body).toContain('registered mail')
    expect(body).toMatch(/Answer due by: \d+ December 2026/)
    expect((await fx.app.inject({ method: 'GET', url: `/v1/operators/tw/requests/${requestId}/acknowledgement.pdf` })).statusCode).toBe(401)
    expect((await fx.call(staff, { method: 'GET', url: `/v1/operators/tw/requests/${requestId}/acknowledgement.pdf?language=de` })).statusCode).toBe(400)
  })
})
