import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyAuditChain } from '../audit/index.ts'
import { TEST_DATABASES } from '../db/test-databases.ts'
import { loadEdsTrustDirectory } from '../eds/eds-trust-store.ts'
import { TestPki } from '../eds/eds-test-pki.ts'
import { findRequestRow } from './get-request.ts'
import { provideIdentityProof } from './provide-identity-proof.ts'
import { FIXTURE_TIMEOUT_MS, openRequestsFixture, trailOf, type RequestsFixture } from './requests-test-kit.ts'
import { openRequestData } from './seal-request.ts'
import { submitRequest, type SubmitRequestInput } from './submit-request.ts'

const SUBJECT_IIN = '880202400006'
const STRANGER_IIN = '900101300007'
const DOCUMENT = { idDocumentNumber: '041234567', idDocumentIssueDate: '2019-05-04', idDocumentIssuer: 'ҚР ІІМ' }
const LETTER = 'ESP-ке: менің дербес деректерімді көрсетуіңізді сұраймын. Прошу предоставить мои персональные данные.'
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex')

/**
 * ESP-9 and TW-4.5: a request received as an electronic document is signed
 * with EDS. With its CMS Derbes checks the signature, the document, the
 * certificate and its CA (the check consents and destruction acts share,
 * src/eds/), and that the signer is the subject or a representative; a
 * signature that fails changes nothing. Certificates are made here by openssl.
 */
describe.each(TEST_DATABASES)('EDS-signed requests on $name', (target) => {
  let fx: RequestsFixture
  let pki: TestPki
  let subjectId: string
  beforeAll(async () => {
    pki = new TestPki()
    pki.rootCa('nca-test-root')
    pki.rootCa('someone-elses-root')
    pki.issue('nca-test-root', 'subject', { subject: `/C=KZ/CN=ҚАНАТҚЫЗЫ ӘСЕЛ/serialNumber=IIN${SUBJECT_IIN}` })
    pki.issue('nca-test-root', 'stranger', { subject: `/C=KZ/CN=STRANGER/serialNumber=IIN${STRANGER_IIN}` })
    pki.issue('someone-elses-root', 'untrusted', { subject: `/C=KZ/CN=ҚАНАТҚЫЗЫ ӘСЕЛ/serialNumber=IIN${SUBJECT_IIN}` })
    // openssl dates the signature now: the clock must be now too.
    fx = await openRequestsFixture(target, new Date().toISOString(), { seeds: ['esp'] })
    fx.deps.edsTrust = await loadEdsTrustDirectory(pki.trustDir('nca-test-root'))
    subjectId = await fx.subject('esp', { kind: 'client', identifiers: [{ kind: 'iin', value: SUBJECT_IIN }] })
  }, FIXTURE_TIMEOUT_MS)
  afterAll(async () => {
    await fx?.close()
    pki?.remove()
  })

  const request = (signature: NonNullable<NonNullable<SubmitRequestInput['identityProof']>['signature']>): SubmitRequestInput => ({
    operatorId: 'esp',
    kind: 'access',
    channel: 'electronic_document',
    subject: { subjectId },
    identityProof: { ...DOCUMENT, signature },
  })
  const requestCount = async () => Number((await fx.database.db.selectFrom('requests').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n)

  it('ESP-9: the subject’s own EDS over the letter (attached) proves the request: verified, the check recorded, the CMS sealed', async () => {
    const cms = pki.sign('subject', LETTER)
    const submitted = await submitRequest(fx.deps, request({ kind: 'eds', cms }), 'staff:7')
    expect(submitted).toMatchObject({
      state: 'in_progress',
      waitingFor: [],
      verification: { eds: { documentSha256: sha256(LETTER), attached: true, signer: { matched: 'subject' }, revocation: 'not_checked' } },
    })
    const row = await findRequestRow(fx.database.db, 'esp', submitted.requestId)
    expect((await openRequestData(fx.database.db, fx.deps.keys, row)).identityProof?.signature?.cms).toBe(cms)
    expect(JSON.stringify(row)).not.toContain(cms.slice(0, 40))
    const audit = await fx.database.db.selectFrom('audit_entries').select('details').where('operator_id', '=', 'esp').where('action', '=', 'request_received').orderBy('seq', 'desc').executeTakeFirstOrThrow()
    expect(audit.details).toMatchObject({ eds: { documentSha256: sha256(LETTER), signer: 'subject', certificateFingerprint: expect.stringMatching(/^[0-9a-f]{64}$/) } })
    expect(await verifyAuditChain(fx.database.db, 'esp')).toMatchObject({ ok: true })
  })

  it('a detached EDS is checked against the document’s SHA-256, and cannot be checked without it', async () => {
    const cms = pki.sign('subject', LETTER, { detached: true })
    await expect(submitRequest(fx.deps, request({ kind: 'eds', cms, documentSha256: sha256(LETTER) }), 'staff:7')).resolves.toMatchObject({ state: 'in_progress', verification: { eds: { attached: false } } })
    const before = await requestCount()
    await expect(submitRequest(fx.deps, request({ kind: 'eds', cms }), 'staff:7')).rejects.toMatchObject({ code: 'DERBES_REQUEST_EDS_INVALID', errors: [{ pointer: '/body/identityProof/signature/cms' }] })
    await expect(submitRequest(fx.deps, request({ kind: 'eds', cms, documentSha256: sha256('another letter') }), 'staff:7')).rejects.toMatchObject({ code: 'DERBES_REQUEST_EDS_INVALID' })
    expect(await requestCount()).toBe(before)
  })

  it('an EDS of someone else, from an untrusted CA, or beside a handwritten signature is refused and registers nothing', async () => {
    const before = await requestCount()
    await expect(submitRequest(fx.deps, request({ kind: 'eds', cms: pki.sign('stranger', LETTER) }), 'staff:7')).rejects.toMatchObject({ code: 'DERBES_REQUEST_EDS_SIGNER_MISMATCH' })
    await expect(submitRequest(fx.deps, request({ kind: 'eds', cms: pki.sign('untrusted', LETTER) }), 'staff:7')).rejects.toMatchObject({ code: 'DERBES_REQUEST_EDS_INVALID' })
    await expect(submitRequest(fx.deps, request({ kind: 'handwritten_signature', cms: pki.sign('subject', LETTER) }), 'staff:7')).rejects.toMatchObject({ code: 'DERBES_VALIDATION' })
    expect(await requestCount()).toBe(before)
  })

  it('ESP-9: an EDS given later to a request waiting for proof moves it on, the check recorded and audited', async () => {
    const waiting = await submitRequest(fx.deps, { ...request({ kind: 'eds' }), identityProof: DOCUMENT }, 'staff:7')
    expect(waiting).toMatchObject({ state: 'verifying', waitingFor: ['identity_proof'] })
    await expect(provideIdentityProof(fx.deps, { operatorId: 'esp', requestId: waiting.requestId, identityProof: { signature: { kind: 'eds', cms: pki.sign('stranger', LETTER) } } }, 'staff:7')).rejects.toMatchObject({ code: 'DERBES_REQUEST_EDS_SIGNER_MISMATCH' })
    expect((await findRequestRow(fx.database.db, 'esp', waiting.requestId)).state).toBe('verifying')
    const proved = await provideIdentityProof(fx.deps, { operatorId: 'esp', requestId: waiting.requestId, identityProof: { signature: { kind: 'eds', cms: pki.sign('subject', LETTER) } } }, 'staff:7')
    expect(proved).toMatchObject({ state: 'in_progress', verification: { eds: { signer: { matched: 'subject' } } } })
    expect((await trailOf(fx.deps, 'esp', waiting.requestId)).audit).toContain('collect')
  })

  it('through the API a refused EDS is a problem pointing at the CMS', async () => {
    process.env.DERBES_EDS_TRUST_DIR = pki.trustDir('nca-test-root')
    const token = await fx.token('esp')
    const response = await fx.call(token, { method: 'POST', url: '/v1/operators/esp/requests', payload: { ...request({ kind: 'eds', cms: pki.sign('untrusted', LETTER) }), operatorId: undefined } })
    expect(response.statusCode, response.body).toBe(422)
    expect(response.json()).toMatchObject({ code: 'DERBES_REQUEST_EDS_INVALID', errors: [{ pointer: '/body/identityProof/signature/cms' }] })
    const accepted = await fx.call(token, { method: 'POST', url: '/v1/operators/esp/requests', payload: { ...request({ kind: 'eds', cms: pki.sign('subject', LETTER) }), operatorId: undefined } })
    expect(accepted.statusCode, accepted.body).toBe(201)
    expect(accepted.json()).toMatchObject({ verification: { eds: { signer: { matched: 'subject' } } } })
  })
})
