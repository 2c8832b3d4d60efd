import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEST_DATABASES } from '../../db/test-databases.ts'
import { getPublishedVersion } from '../../operators/index.ts'
import { consentText } from './consent-text.ts'
import { TestPki } from '../../eds/eds-test-pki.ts'
import { startEvidenceApp, testIin } from './evidence-test-kit.ts'

// TTC-1.6, App.2 §2: consent given as an electronic document signed with EDS,
// through the ledger's route, with the trust directory read from DERBES_EDS_TRUST_DIR
// as a deployed Derbes reads it. (Each test file runs in its own process.)
describe.each(TEST_DATABASES)('TTC-1.6 on $name: an EDS-signed consent through the ledger', (target) => {
  let kit: Awaited<ReturnType<typeof startEvidenceApp>>
  let pki: TestPki
  let headers: Record<string, string>
  const iin = testIin('88020240055')
  beforeAll(async () => {
    pki = new TestPki()
    pki.rootCa('nca-test-root')
    pki.issue('nca-test-root', 'subscriber', { subject: `/C=KZ/CN=АБАЙ ҚҰНАНБАЙ/SN=ҚҰНАНБАЙ/GN=АБАЙ/serialNumber=IIN${iin}` })
    process.env.DERBES_EDS_TRUST_DIR = pki.trustDir('nca-test-root')
    // openssl dates the signature now: the app's clock must be now too.
    kit = await startEvidenceApp(target, new Date())
    headers = await kit.bearer('ttc', ['subjects:write', 'consents:write', 'consents:read'])
  }, 120_000)
  afterAll(async () => {
    await kit?.close()
    pki?.remove()
    delete process.env.DERBES_EDS_TRUST_DIR
  })

  it('records the consent with the certificate’s fingerprint in the record and the CMS and signer sealed', async () => {
    const registered = await kit.app.inject({ method: 'POST', url: '/v1/operators/ttc/subjects', headers, payload: { kind: 'subscriber', identifiers: [{ kind: 'iin', value: iin }] } })
    expect(registered.statusCode, registered.body).toBe(201)
    const subjectId = registered.json().subjectId as string
    const form = (await getPublishedVersion(kit.deps, 'ttc')).compiled.consentForms.get('app-2')!
    const cms = pki.sign('subscriber', consentText(form, 'kk'))

    const given = await kit.app.inject({ method: 'POST', url: `/v1/operators/ttc/subjects/${subjectId}/consents`, headers, payload: { formId: 'app-2', language: 'kk', evidence: { method: 'eds', cms } } })
    expect(given.statusCode, given.body).toBe(201)
    const { record } = given.json()
    expect(record).toMatchObject({ method: 'eds', evidence: { attached: true, signer: { matched: 'subject' }, certificate: { issuer: 'C=KZ, O=Derbes Test, CN=nca-test-root' } } })
    expect(JSON.stringify(record)).not.toMatch(new RegExp(`${iin}|ҚҰНАНБАЙ`))

    // The Russian text signed for a Kazakh consent: refused, nothing recorded.
    const other = await kit.app.inject({ method: 'POST', url: `/v1/operators/ttc/subjects/${subjectId}/consents`, headers, payload: { formId: 'app-2', language: 'kk', evidence: { method: 'eds', cms: pki.sign('subscriber', consentText(form, 'ru')) } } })
    expect(other.statusCode).toBe(422)
    expect(other.json().code).toBe('DERBES_CONSENT_EDS_CONTENT_MISMATCH')
  })
})
