import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEST_DATABASES } from '../db/test-databases.ts'
import { runFulfilmentOnce } from '../requests/fulfilment/index.ts'
import { openPortalFixture, phone, type PortalFixture } from './portal-test-kit.ts'

describe.each(TEST_DATABASES)('portal: answers and data exports to download, on $name', (target) => {
  let fx: PortalFixture
  beforeAll(async () => {
    fx = await openPortalFixture(target)
  })
  afterAll(() => fx.close())

  const get = (token: string, url: string) => fx.asSubject(token, { method: 'GET', url })
  const fulfil = async () => {
    for (let i = 0; i < 5; i++) await runFulfilmentOnce(fx.deps)
  }

  it("TW-9.1, issue 4 item 7: the answer to an access request as a PDF and the data export as JSON and CSV; another subject's is 404", async () => {
    const a = await fx.subject('tw', {
      kind: 'user',
      identifiers: [{ kind: 'phone', value: phone(401) }],
      data: [{ itemId: 'full-name', value: 'Шаһизада Әуезқызы', source: 'subject', purposes: ['registration'] }],
    })
    const b = await fx.subject('tw', { kind: 'user', identifiers: [{ kind: 'phone', value: phone(402) }] })
    const tokenA = await fx.signIn('tw', a, phone(401))
    const tokenB = await fx.signIn('tw', b, phone(402))
    const request = (await fx.asSubject(tokenA, { method: 'POST', url: '/v1/operators/tw/portal/requests', payload: { kind: 'access', language: 'kk' } })).json()
    const base = `/v1/operators/tw/portal/requests/${request.requestId}`

    const early = await get(tokenA, `${base}/answer.pdf`)
    expect(early.statusCode).toBe(404)
    expect(early.json().code).toBe('DERBES_ANSWER_NOT_FOUND')

    await fulfil()
    expect((await get(tokenA, base)).json()).toMatchObject({ state: 'answered', stateText: { kk: 'Жауап берілді' } })
    const pdf = await get(tokenA, `${base}/answer.pdf`)
    expect(pdf.statusCode, pdf.body.slice(0, 300)).toBe(200)
    expect(pdf.headers['content-type']).toBe('application/pdf')
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-')
    expect(pdf.headers['content-disposition']).toBe(`attachment; filename="${request.reference}.pdf"`)

    const json = await get(tokenA, `${base}/export.json`)
    expect(json.statusCode, json.body).toBe(200)
    expect(json.json().records).toEqual(expect.arrayContaining([expect.objectContaining({ item: 'full-name', value: 'Шаһизада Әуезқызы' })]))
    const csv = await get(tokenA, `${base}/export.csv`)
    expect(csv.headers['content-type']).toContain('text/csv')
    expect(csv.body).toContain('Шаһизада Әуезқызы')

    const exports = await fx.database.db.selectFrom('audit_entries').select(['actor', 'basis', 'details']).where('operator_id', '=', 'tw').where('subject_id', '=', a).where('action', '=', 'export').where('actor', '=', `subject:${a}`).execute()
    expect(exports.map((e) => (e.details as { what: string }).what).sort()).toEqual(['answer_pdf', 'data_export_csv', 'data_export_json'])
    expect(exports.every((e) => e.basis === `request:${request.requestId}`)).toBe(true)

    for (const path of ['answer.pdf', 'export.json', 'export.csv']) {
      const res = await get(tokenB, `${base}/${path}`)
      expect(res.statusCode, path).toBe(404)
      expect(res.json().code).toBe('DERBES_REQUEST_NOT_FOUND')
    }
  })

  it('TW-9.1, art. 24(1): an information request has an answer to download but no data export (409)', async () => {
    const subjectId = await fx.subject('tw', { kind: 'user', identifiers: [{ kind: 'phone', value: phone(403) }] })
    const token = await fx.signIn('tw', subjectId, phone(403))
    const request = (await fx.asSubject(token, { method: 'POST', url: '/v1/operators/tw/portal/requests', payload: { kind: 'information' } })).json()
    await fulfil()
    const base = `/v1/operators/tw/portal/requests/${request.requestId}`
    expect((await get(token, `${base}/answer.pdf`)).statusCode).toBe(200)
    const exported = await get(token, `${base}/export.json`)
    expect(exported.statusCode).toBe(409)
    expect(exported.json().code).toBe('DERBES_REQUEST_NOT_ACCESS')
  })
})
