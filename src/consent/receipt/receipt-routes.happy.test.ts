import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEST_DATABASES } from '../../db/test-databases.ts'
import { insertTestSubject, startEvidenceApp } from '../evidence/evidence-test-kit.ts'
import type { SignedConsentReceipt } from './consent-receipt.ts'
import { readPdf } from './pdf-test-kit.ts'
import { insertConsentEvent, sampleRecord } from './receipt-test-kit.ts'
import { verifyReceiptWithPublicKey } from './verify-receipt.ts'

describe.each(TEST_DATABASES)('consent receipts on $name', (target) => {
  let kit: Awaited<ReturnType<typeof startEvidenceApp>>
  let read: Record<string, string>
  let publicKeyPem: string
  beforeAll(async () => {
    kit = await startEvidenceApp(target)
    read = await kit.bearer('esp', ['consents:read'])
    publicKeyPem = (await kit.app.inject({ method: 'GET', url: '/v1/consent-receipts/signing-key' })).json().publicKeyPem
  })
  afterAll(() => kit.close())

  const subjectWithConsent = async (subjectId: string, overrides: Parameters<typeof sampleRecord>[0] = {}, options: { audit?: boolean } = {}) => {
    await insertTestSubject(kit.database.db, kit.keys, 'esp', subjectId)
    const record = sampleRecord({ subject: { id: subjectId, kind: 'client' }, ...overrides })
    const recordHash = await insertConsentEvent(kit.database.db, record, options)
    return { record, recordHash }
  }
  const get = (url: string) => kit.app.inject({ method: 'GET', url, headers: read })

  it('issues a signed JSON receipt of a consent: the record without its sealed part, its hash, its audit entry, the policy’s names (art. 8(4))', async () => {
    const { record, recordHash } = await subjectWithConsent('receipt-1')
    const response = await get(`/v1/operators/esp/consents/${record.recordId}/receipt`)
    expect(response.statusCode, response.body).toBe(200)
    const signed = response.json() as SignedConsentReceipt
    const { sealed: _sealed, ...withoutSealed } = record
    const audit = await kit.database.db.selectFrom('audit_entries').select(['seq', 'hash']).where('operator_id', '=', 'esp').where('action', '=', 'consent_given').where('subject_id', '=', 'receipt-1').executeTakeFirstOrThrow()
    expect(signed).toMatchObject({ algorithm: 'Ed25519', keyId: expect.stringMatching(/^ed25519:/) })
    expect(signed.receipt).toEqual({
      schema: 'derbes.consent-receipt.v1',
      operatorId: 'esp',
      eventId: record.recordId,
      record: withoutSealed,
      recordHash,
      sealedEvidence: true,
      auditEntry: { seq: Number(audit.seq), hash: audit.hash },
      labels: expect.objectContaining({ formTitle: expect.objectContaining({ ru: 'Согласие на сбор и обработку персональных данных' }) }),
      issuedAt: '2026-12-02T05:00:00.000Z',
    })
    expect(JSON.stringify(signed)).not.toContain(record.sealed!)
    expect(signed.receipt.labels.purposes.advertising?.kk).toMatch(/^Жарнамалық хабарламаларды тарату/)
    expect(signed.receipt.labels.recipients['third-parties-ru']).toBeDefined()
    expect(verifyReceiptWithPublicKey(signed, publicKeyPem)).toBe(true)
  })

  it('verifies a receipt publicly, and refuses one with a purpose added', async () => {
    const { record } = await subjectWithConsent('receipt-2')
    const signed = (await get(`/v1/operators/esp/consents/${record.recordId}/receipt`)).json() as SignedConsentReceipt
    const check = (payload: object) => kit.app.inject({ method: 'POST', url: '/v1/consent-receipts/verify', payload })
    expect((await check(signed)).json()).toEqual({ valid: true, keyId: signed.keyId })
    const forged = { ...signed, receipt: { ...signed.receipt, record: { ...signed.receipt.record, purposes: [...signed.receipt.record.purposes, { id: 'promotions', basis: 'consent' }] } } }
    expect((await check(forged)).json().valid).toBe(false)
    expect(verifyReceiptWithPublicKey(forged, publicKeyPem)).toBe(false)
  })

  it('audits each receipt issued as a view of the consent record, without personal data', async () => {
    const { record } = await subjectWithConsent('receipt-3')
    await get(`/v1/operators/esp/consents/${record.recordId}/receipt`)
    await get(`/v1/operators/esp/consents/${record.recordId}/receipt.pdf`)
    const views = await kit.database.db.selectFrom('audit_entries').selectAll().where('operator_id', '=', 'esp').where('subject_id', '=', 'receipt-3').where('action', '=', 'view').orderBy('seq').execute()
    expect(views.map((v) => v.details)).toEqual([
      { document: 'consent_receipt', consentEventId: record.recordId, format: 'json' },
      { document: 'consent_receipt', consentEventId: record.recordId, format: 'pdf' },
    ])
    expect(views[0]!.actor).toMatch(/^api_key:/)
  })

  it('renders the PDF in the language the text was shown in, with the policy’s Kazakh names, and in Russian on request', async () => {
    const { record } = await subjectWithConsent('receipt-4')
    const kk = await get(`/v1/operators/esp/consents/${record.recordId}/receipt.pdf`)
    expect(kk.statusCode).toBe(200)
    expect(kk.headers['content-type']).toBe('application/pdf')
    expect(kk.headers['content-disposition']).toBe(`inline; filename="consent-receipt-${record.recordId}.pdf"`)
    const kkText = readPdf(kk.rawPayload).text.replace(/\s+/g, ' ')
    expect(kkText).toContain('Дербес деректерді өңдеуге келісім туралы түбіртек')
    expect(kkText).toContain('Жарнамалық хабарламаларды тарату')
    expect(kkText).toContain('«ЭСПЕРАНС-РК» ЖШС')
    const ru = readPdf((await get(`/v1/operators/esp/consents/${record.recordId}/receipt.pdf?lang=ru`)).rawPayload).text.replace(/\s+/g, ' ')
    expect(ru).toContain('Квитанция о согласии на обработку персональных данных')
    expect(ru).toContain('Россия')
  })

  it('issues receipts for withdrawals too, with the channel and notice period (ESP App.1 §5)', async () => {
    const { record } = await subjectWithConsent('receipt-5', {
      kind: 'withdrawal_requested',
      method: null,
      evidence: {},
      sealed: null,
      withdrawal: { channel: 'written_application', noticeBusinessDays: 10 },
      effectiveAt: '2026-12-16T04:00:00.000Z',
    })
    const signed = (await get(`/v1/operators/esp/consents/${record.recordId}/receipt`)).json() as SignedConsentReceipt
    expect(signed.receipt).toMatchObject({ sealedEvidence: false, record: { kind: 'withdrawal_requested', withdrawal: { noticeBusinessDays: 10 } } })
    const text = readPdf((await get(`/v1/operators/esp/consents/${record.recordId}/receipt.pdf?lang=en`)).rawPayload).text.replace(/\s+/g, ' ')
    expect(text).toContain('Withdrawal of consent requested')
    expect(text).toContain('channel: written application; notice: 10 business days')
    expect(text).toContain('2026-12-16 09:00 (Almaty time)')
  })

  it('says so when no audit entry chains the event (an event written without one)', async () => {
    const { record } = await subjectWithConsent('receipt-6', {}, { audit: false })
    expect(((await get(`/v1/operators/esp/consents/${record.recordId}/receipt`)).json() as SignedConsentReceipt).receipt.auditEntry).toBeNull()
  })
})
