import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEST_DATABASES } from '../../db/test-databases.ts'
import { findRequestRow } from '../get-request.ts'
import { FIXTURE_TIMEOUT_MS, openRequestsFixture, type RequestsFixture } from '../requests-test-kit.ts'
import { openRequestData } from '../seal-request.ts'

// Esperance-RK: a request carries the ID document's number, issue date and issuer and a handwritten or
// electronic signature, and is answered within 3 business days (ESP-9); attorneys act within their power (ESP-3).
describe.each(TEST_DATABASES)('ESP request scenarios on $name', (target) => {
  let fx: RequestsFixture
  let token: string
  const submit = (payload: Record<string, unknown>) => fx.call(token, { method: 'POST', url: '/v1/operators/esp/requests', payload })
  const document = { idDocumentNumber: '041234567', idDocumentIssueDate: '2019-05-04', idDocumentIssuer: 'ҚР ІІМ' }
  beforeAll(async () => {
    fx = await openRequestsFixture(target, undefined, { seeds: ['esp'] })
    token = await fx.token('esp')
  }, FIXTURE_TIMEOUT_MS)
  afterAll(() => fx.close())

  it('ESP-9: an ID-document-backed, signed request for information is in progress at once and due in 3 business days', async () => {
    const subjectId = await fx.subject('esp', { kind: 'client', identifiers: [{ kind: 'phone', value: '87775550101' }] })
    const res = await submit({
      kind: 'information',
      channel: 'written',
      subject: { identifier: { kind: 'phone', value: '8 777 555 01 01' } },
      identityProof: { ...document, signature: { kind: 'handwritten_signature' } },
      scanSha256: '5'.repeat(64),
      language: 'kk',
    })
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json()).toMatchObject({ subjectId, state: 'in_progress', dueOn: '2026-12-07', dueBasis: { days: 3, unit: 'business', clauses: ['ESP-9'] }, waitingFor: [] })
    // The proof is personal data: sealed under the subject's key, never in the answer or the row.
    expect(res.body).not.toContain('041234567')
    const row = await findRequestRow(fx.database.db, 'esp', res.json().requestId)
    expect(JSON.stringify(row)).not.toContain('041234567')
    expect((await openRequestData(fx.database.db, fx.deps.keys, row)).identityProof).toMatchObject(document)
  })

  it('ESP-9: without the proof the request waits visibly, its deadline running; unproven at the deadline it is refused citing ESP-9', async () => {
    const subjectId = await fx.subject('esp', { kind: 'client' })
    const waiting = (await submit({ kind: 'access', channel: 'written', subject: { subjectId }, identityProof: { idDocumentNumber: '041234567' } })).json()
    expect(waiting).toMatchObject({ state: 'verifying', waitingFor: ['identity_proof'], dueOn: '2026-12-07' })
    expect(waiting.verification.identityProof.missing).toEqual(['id_document_issue_date', 'id_document_issuer', 'handwritten_signature|eds'])
    const waitingList = (await fx.call(token, { method: 'GET', url: '/v1/operators/esp/requests?state=verifying' })).json()
    expect(waitingList.items.map((i: { requestId: string }) => i.requestId)).toContain(waiting.requestId)

    const moved = await fx.call(token, { method: 'POST', url: `/v1/operators/esp/requests/${waiting.requestId}/transitions`, payload: { to: 'in_progress' } })
    expect(moved.json()).toMatchObject({ status: 409, code: 'DERBES_REQUEST_VERIFICATION_PENDING' })
    fx.setNow('2026-12-07T17:00:00+05:00')
    const refused = await fx.call(token, { method: 'POST', url: `/v1/operators/esp/requests/${waiting.requestId}/refuse`, payload: { ground: 'identity_not_proven', clauses: ['ESP-9'], detail: 'the request lacks the issue date and issuer of the ID document and a signature' } })
    expect(refused.json()).toMatchObject({ state: 'refused', late: false, refusal: { ground: 'identity_not_proven', clauses: ['ESP-9'] } })
    fx.setNow('2026-12-02T10:00:00+05:00')
  })

  it('ESP-9: an electronic request signed with an EDS proves identity too', async () => {
    const subjectId = await fx.subject('esp', { kind: 'client' })
    const res = await submit({ kind: 'information', channel: 'electronic_document', subject: { subjectId }, identityProof: { ...document, signature: { kind: 'eds', reference: 'ED-2026-0042' } } })
    expect(res.json()).toMatchObject({ state: 'in_progress', verification: { identityProof: { given: expect.arrayContaining(['eds']) } } })
  })

  it('ESP-3: an attorney acts within the power of attorney’s dates', async () => {
    const client = await fx.subject('esp', { kind: 'client' })
    const attorney = await fx.subject('esp', { kind: 'attorney' })
    await fx.representative({ operatorId: 'esp', subjectId: client, representativeId: attorney, relation: 'attorney', validUntil: '2026-12-31', basisDocument: 'POA 12' })
    const proof = { ...document, signature: { kind: 'handwritten_signature' } }
    const within = (await submit({ kind: 'block', channel: 'written', subject: { subjectId: client }, representativeId: attorney, identityProof: proof })).json()
    expect(within).toMatchObject({ state: 'in_progress', requestedBy: 'representative', verification: { authority: { active: true, relation: 'attorney' } }, dueBasis: { rule: 'law', article: 'art. 25(2)(8)' } })
    fx.setNow('2027-01-05T10:00:00+05:00')
    const after = (await submit({ kind: 'access', channel: 'written', subject: { subjectId: client }, representativeId: attorney, identityProof: proof })).json()
    expect(after).toMatchObject({ state: 'verifying', waitingFor: ['authority'], verification: { authority: { active: false } } })
    fx.setNow('2026-12-02T10:00:00+05:00')
  })

  it('ESP App.1: a written withdrawal is a request with art. 8(7)’s 15 working days; the 10-business-day notice is the ledger’s', async () => {
    const subjectId = await fx.subject('esp', { kind: 'client' })
    const res = (await submit({ kind: 'withdraw_consent', channel: 'written', subject: { subjectId }, identityProof: { ...document, signature: { kind: 'handwritten_signature' } }, content: { formId: 'app-1' } })).json()
    expect(res).toMatchObject({ state: 'in_progress', dueOn: '2026-12-24', dueBasis: { rule: 'law', article: 'art. 8(7)' }, scope: { formId: 'app-1', whole: true } })
  })
})
