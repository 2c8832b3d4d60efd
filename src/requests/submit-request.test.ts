import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openObligation } from '../consent/index.ts'
import { TEST_DATABASES } from '../db/test-databases.ts'
import { iinBinCheckDigit } from '../kz/index.ts'
import { destroySubject } from '../subjects/index.ts'
import { findRequestRow } from './get-request.ts'
import { provideIdentityProof, recheckRequest } from './provide-identity-proof.ts'
import { FIXTURE_TIMEOUT_MS, openRequestsFixture, trailOf, type RequestsFixture } from './requests-test-kit.ts'
import { openRequestData } from './seal-request.ts'
import { submitRequest, type SubmitRequestInput } from './submit-request.ts'

/** A valid IIN of someone born in the 1980s, told apart by `serial`. */
function iin(serial: number): string {
  for (let s = serial; ; s++) {
    const first11 = `850315${3}${String(s).padStart(4, '0')}`
    const check = iinBinCheckDigit(first11)
    if (check !== undefined) return `${first11}${check}`
  }
}

const DOCUMENT = { idDocumentNumber: '041234567', idDocumentIssueDate: '2019-05-04', idDocumentIssuer: 'ҚР ІІМ Астана қ. бойынша' }

describe.each(TEST_DATABASES)('submitRequest on $name', (target) => {
  let fx: RequestsFixture
  beforeAll(async () => {
    fx = await openRequestsFixture(target, undefined, { seeds: ['esp', 'tw', 'ttc'] })
  }, FIXTURE_TIMEOUT_MS)
  afterAll(() => fx.close())

  /** Every row of the requests tables, the audit log and the outbox as text: where plaintext must not appear. */
  const everything = async () => {
    const rows = await sql<{ t: string }>`
      select r::text as t from requests r union all select t::text from request_transitions t
      union all select a::text from audit_entries a union all select e::text from event_outbox e`.execute(fx.database.db)
    return rows.rows.map((r) => r.t).join('\n')
  }
  const counts = async () => {
    const n = async (table: 'requests' | 'request_transitions' | 'audit_entries' | 'event_outbox') =>
      Number((await fx.database.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n)
    return [await n('requests'), await n('request_transitions'), await n('audit_entries'), await n('event_outbox')]
  }
  const submit = (input: Omit<SubmitRequestInput, 'operatorId'> & { operatorId?: string }) => submitRequest(fx.deps, { operatorId: 'esp', ...input }, 'staff:7')

  it('ESP-9: a signed letter with the ID document registered by staff days after receipt: verified, due 3 business days from receipt, the proof sealed', async () => {
    const subjectId = await fx.subject('esp', { kind: 'client', identifiers: [{ kind: 'iin', value: iin(1) }] })
    const request = await submit({
      kind: 'information',
      channel: 'post',
      receivedAt: '2026-11-30T16:20:00+05:00',
      subject: { identifier: { kind: 'iin', value: iin(1) } },
      identityProof: { ...DOCUMENT, signature: { kind: 'handwritten_signature' } },
      requester: { postalAddress: 'Астана қ., Мәңгілік Ел 58, 174' },
      scanSha256: 'AB'.repeat(32),
      postalReference: 'RR123456789KZ',
    })
    expect(request).toMatchObject({
      subjectId,
      kind: 'information',
      state: 'in_progress',
      channel: 'post',
      reference: 'ESP-2026-000001',
      receivedAt: '2026-11-30T11:20:00.000Z',
      dueOn: '2026-12-03',
      dueBasis: { rule: 'policy', clauses: ['ESP-9'] },
      waitingFor: [],
      verification: { identityProof: { missing: [], given: ['id_document_number', 'id_document_issue_date', 'id_document_issuer', 'handwritten_signature'] } },
      scanSha256: 'ab'.repeat(32),
      postalReference: 'RR123456789KZ',
      hasSealedData: true,
      overdue: false,
      businessDaysLeft: 1,
    })
    expect(request.history.map((h) => [h.from, h.to])).toEqual([[null, 'received'], ['received', 'verifying'], ['verifying', 'in_progress']])
    expect(await trailOf(fx.deps, 'esp', request.requestId)).toEqual({
      audit: ['request_received', 'request_state_changed', 'request_state_changed'],
      events: ['request.received', 'request.state_changed', 'request.state_changed'],
    })
    const text = await everything()
    for (const value of [DOCUMENT.idDocumentNumber, DOCUMENT.idDocumentIssuer, 'Мәңгілік Ел', iin(1)]) expect(text).not.toContain(value)
    const row = await findRequestRow(fx.database.db, 'esp', request.requestId)
    expect(row.sealed_key_id).toBeNull() // under the subject's key
    expect(await openRequestData(fx.database.db, fx.deps.keys, row)).toMatchObject({ identityProof: DOCUMENT, requester: { postalAddress: 'Астана қ., Мәңгілік Ел 58, 174' } })
  })

  it('ESP-9: without the proof the request waits visibly in verifying; proof given in parts moves it on when complete', async () => {
    const subjectId = await fx.subject('esp', { kind: 'client' })
    const waiting = await submit({ kind: 'access', channel: 'written', subject: { subjectId }, identityProof: { idDocumentNumber: DOCUMENT.idDocumentNumber } })
    expect(waiting).toMatchObject({ state: 'verifying', waitingFor: ['identity_proof'], dueOn: '2026-12-07' })
    expect(waiting.verification.identityProof?.missing).toEqual(['id_document_issue_date', 'id_document_issuer', 'handwritten_signature|eds'])

    const partly = await provideIdentityProof(fx.deps, { operatorId: 'esp', requestId: waiting.requestId, identityProof: { idDocumentIssueDate: DOCUMENT.idDocumentIssueDate, idDocumentIssuer: DOCUMENT.idDocumentIssuer } }, 'staff:7')
    expect(partly).toMatchObject({ state: 'verifying', waitingFor: ['identity_proof'] })
    expect(partly.verification.identityProof?.missing).toEqual(['handwritten_signature|eds'])

    const done = await provideIdentityProof(fx.deps, { operatorId: 'esp', requestId: waiting.requestId, identityProof: { signature: { kind: 'handwritten_signature' } } }, 'staff:7')
    expect(done).toMatchObject({ state: 'in_progress', waitingFor: [], verification: { identityProof: { missing: [] } } })
    const row = await findRequestRow(fx.database.db, 'esp', waiting.requestId)
    expect((await openRequestData(fx.database.db, fx.deps.keys, row)).identityProof).toEqual({ ...DOCUMENT, signature: { kind: 'handwritten_signature' } })
    expect((await trailOf(fx.deps, 'esp', waiting.requestId)).audit).toEqual(['request_received', 'request_state_changed', 'collect', 'collect', 'request_state_changed'])
    await expect(provideIdentityProof(fx.deps, { operatorId: 'esp', requestId: waiting.requestId, identityProof: DOCUMENT }, 'staff:7')).rejects.toMatchObject({ code: 'DERBES_REQUEST_NOT_VERIFYING' })
  })

  it('a requester the operator does not hold is registered too, its contacts sealed under a key of the request’s own', async () => {
    const request = await submit({
      operatorId: 'tw',
      kind: 'information',
      channel: 'electronic_document',
      subject: { identifier: { kind: 'email', value: 'nobody.here@example.kz' } },
      requester: { name: 'Әлия Сейітова', email: 'nobody.here@example.kz' },
    })
    expect(request).toMatchObject({ subjectId: null, state: 'in_progress', hasSealedData: true, reference: 'TW-2026-000001' })
    const row = await findRequestRow(fx.database.db, 'tw', request.requestId)
    expect(row.sealed_key_id).not.toBeNull()
    expect(await openRequestData(fx.database.db, fx.deps.keys, row)).toEqual({
      requester: { name: 'Әлия Сейітова', email: 'nobody.here@example.kz' },
      identifier: { kind: 'email', value: 'nobody.here@example.kz' },
    })
    const text = await everything()
    expect(text).not.toContain('nobody.here')
    expect(text).not.toContain('Сейітова')
  })

  it('ESP-3: an attorney within the power’s dates acts at once; after it ended the request waits for authority until the power is renewed', async () => {
    const client = await fx.subject('esp', { kind: 'client' })
    const attorney = await fx.subject('esp', { kind: 'attorney' })
    await fx.representative({ operatorId: 'esp', subjectId: client, representativeId: attorney, relation: 'attorney', validUntil: '2026-11-01', basisDocument: 'POA 41' })
    const proof = { ...DOCUMENT, signature: { kind: 'handwritten_signature' as const } }
    const expired = await submit({ kind: 'rectify', channel: 'written', subject: { subjectId: client }, representativeId: attorney, identityProof: proof, content: { items: [{ itemId: 'residence-address', value: 'Алматы', documents: [{ sha256: 'c'.repeat(64) }] }] } })
    expect(expired).toMatchObject({ state: 'verifying', waitingFor: ['authority'], requestedBy: 'representative', verification: { authority: { representativeId: attorney, active: false } } })
    await expect(recheckRequest(fx.deps, { operatorId: 'esp', requestId: expired.requestId }, 'staff:7')).resolves.toMatchObject({ state: 'verifying', waitingFor: ['authority'] })

    await fx.representative({ operatorId: 'esp', subjectId: client, representativeId: attorney, relation: 'attorney', validUntil: '2027-11-01', basisDocument: 'POA 57' })
    const renewed = await recheckRequest(fx.deps, { operatorId: 'esp', requestId: expired.requestId }, 'staff:7')
    expect(renewed).toMatchObject({ state: 'in_progress', waitingFor: [], verification: { authority: { active: true, relation: 'attorney' } } })
    const atOnce = await submit({ kind: 'access', channel: 'written', subject: { subjectId: client }, representativeId: attorney, identityProof: proof })
    expect(atOnce).toMatchObject({ state: 'in_progress', verification: { authority: { active: true } } })
  })

  it('TTC-9.1, art. 8(2): a withdrawal while an obligation is open is refused on intake, citing the clauses', async () => {
    const subjectId = await fx.subject('ttc', { kind: 'subscriber' })
    await openObligation(fx.deps, { operatorId: 'ttc', subjectId, obligationId: 'inv-2026-11', kind: 'unpaid_invoice' })
    const request = await submit({ operatorId: 'ttc', kind: 'withdraw_consent', channel: 'post', subject: { subjectId }, content: { formId: 'app-2' } })
    expect(request.state).toBe('refused')
    expect(request.refusal).toMatchObject({ ground: 'obligation_unfulfilled', detail: 'open obligations: inv-2026-11 (unpaid_invoice)' })
    expect(request.refusal?.clauses).toEqual(expect.arrayContaining(['TTC-9.1', 'art. 8(2)']))
    expect(request.history.map((h) => h.to)).toEqual(['received', 'verifying', 'refused'])
    expect((await trailOf(fx.deps, 'ttc', request.requestId)).events).toEqual(['request.received', 'request.state_changed', 'request.state_changed', 'request.refused'])
    // ESP-6, TTC-9.4: a marketing opt-out is never held up by what the subject owes.
    const optOut = await submit({ operatorId: 'ttc', kind: 'marketing_opt_out', channel: 'post', subject: { subjectId }, content: { channels: { marketing: ['sms'] } } })
    expect(optOut).toMatchObject({ state: 'in_progress', scope: { channels: { marketing: ['sms'] }, whole: false } })
  })

  it('bad input is refused with a pointer and writes nothing', async () => {
    const subjectId = await fx.subject('tw', { kind: 'user' })
    const before = await counts()
    const cases: [Omit<SubmitRequestInput, 'operatorId'> & { operatorId?: string }, string, string][] = [
      [{ operatorId: 'tw', kind: 'rectify', channel: 'post', subject: { subjectId }, content: { items: [{ itemId: 'position', value: 'CTO' }] } }, 'DERBES_VALIDATION', '/body/content/items/0/documents'],
      [{ operatorId: 'tw', kind: 'rectify', channel: 'post', subject: { subjectId }, content: { items: [{ itemId: 'shoe-size', value: '40', documents: [{ sha256: 'a'.repeat(64) }] }] } }, 'DERBES_REQUEST_CONTENT_INVALID', '/body/content/items/0/itemId'],
      [{ operatorId: 'tw', kind: 'complaint', channel: 'post', subject: { subjectId } }, 'DERBES_VALIDATION', '/body/content/text'],
      [{ operatorId: 'tw', kind: 'withdraw_consent', channel: 'post', subject: { subjectId }, content: { purposes: ['newsletters', 'astrology'] } }, 'DERBES_REQUEST_CONTENT_INVALID', '/body/content/purposes/1'],
      [{ operatorId: 'tw', kind: 'access', channel: 'post', subject: { subjectId }, receivedAt: '2026-12-03T10:00:00+05:00' }, 'DERBES_VALIDATION', '/body/receivedAt'],
      [{ operatorId: 'tw', kind: 'access', channel: 'post', subject: { subjectId: 'no-such-subject' } }, 'DERBES_SUBJECT_NOT_FOUND', '/body/subject/subjectId'],
      [{ operatorId: 'tw', kind: 'access', channel: 'post', subject: { identifier: { kind: 'iin', value: '123' } } }, 'DERBES_IDENTIFIER_INVALID', '/body/subject/identifier/value'],
      [{ operatorId: 'tw', kind: 'access', channel: 'post' }, 'DERBES_VALIDATION', '/body/subject'],
      [{ operatorId: 'tw', kind: 'access', channel: 'post', subject: { subjectId }, representativeId: 'nobody' }, 'DERBES_REPRESENTATIVE_NOT_FOUND', '/body/representativeId'],
    ]
    for (const [input, code, pointer] of cases) {
      const failure = await submit(input).then(() => undefined, (error: unknown) => error)
      expect(failure, pointer).toMatchObject({ code, errors: [expect.objectContaining({ pointer })] })
    }
    expect(await counts()).toEqual(before)
  })

  it('destroying the subject shreds the request’s sealed data; what was asked and when stays as proof', async () => {
    const subjectId = await fx.subject('tw', { kind: 'user' })
    const request = await submit({ operatorId: 'tw', kind: 'complaint', channel: 'post', subject: { subjectId }, content: { text: 'Менің деректерім рұқсатсыз жарияланды' } })
    await destroySubject(fx.deps, { operatorId: 'tw', subjectId, reason: 'unlawful_processing' }, 'staff:1')
    const row = await findRequestRow(fx.database.db, 'tw', request.requestId)
    await expect(openRequestData(fx.database.db, fx.deps.keys, row)).rejects.toMatchObject({ code: 'DERBES_SUBJECT_GONE' })
    expect(row).toMatchObject({ kind: 'complaint', state: 'in_progress', subject_id: subjectId })
  })
})
