import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../db/index.ts'
import { TEST_DATABASES } from '../../db/test-databases.ts'
import { MemoryKeyProvider } from '../../subjects/crypto/index.ts'
import { consentText, consentTextHash } from './consent-text.ts'
import { edsTrustFromEnvironment, loadEdsTrustDirectory, type EdsTrustStore } from '../../eds/eds-trust-store.ts'
import { TestPki } from '../../eds/eds-test-pki.ts'
import { insertTestSubject, testIin } from './evidence-test-kit.ts'
import { verifyEvidence } from './verify-evidence.ts'

const form = {
  title: { kk: 'Дербес деректерді өңдеуге келісім', ru: 'Согласие на обработку персональных данных', en: 'Consent to the processing of personal data' },
  text: { kk: 'Мен дербес деректерімді өңдеуге келісемін.', ru: 'Я согласен на обработку моих персональных данных.', en: 'I consent to the processing of my personal data.' },
}
const TEXT = consentText(form, 'kk')
const TEXT_HASH = consentTextHash(form, 'kk')
const SUBJECT_IIN = testIin('90010130015')
const PARENT_IIN = testIin('85050540022')
const CHILD_IIN = testIin('15030360033')
const STRANGER_IIN = testIin('77070730044')
const person = (iin: string, name = 'ТЕСТОВ ТЕСТ') => `/C=KZ/CN=${name}/SN=${name.split(' ')[0]}/GN=${name.split(' ')[1]}/serialNumber=IIN${iin}`

describe.each(TEST_DATABASES)('EDS-signed consents on $name (TTC-1.6, App.2 §2)', (target) => {
  let database: DatabaseHandle
  let pki: TestPki
  let trust: EdsTrustStore
  const keys = new MemoryKeyProvider()
  const now = new Date()
  const deps = () => ({ clock: () => now, keys, edsTrust: trust })
  const verify = (subjectId: string, cms: string, textHash = TEXT_HASH, d = deps()) =>
    verifyEvidence(database.db, d, { operatorId: 'ttc', subjectId, textHash }, { method: 'eds', cms })

  beforeAll(async () => {
    database = await target.open()
    await database.db.insertInto('operators').values({ operator_id: 'ttc', name: JSON.stringify({ kk: 'ҚТ', ru: 'КТ', en: 'KT' }), bin: '981140001551' }).execute()
    await insertTestSubject(database.db, keys, 'ttc', 'subscriber', { iin: SUBJECT_IIN })
    await insertTestSubject(database.db, keys, 'ttc', 'parent', { iin: PARENT_IIN })
    await insertTestSubject(database.db, keys, 'ttc', 'child', { iin: CHILD_IIN })
    await insertTestSubject(database.db, keys, 'ttc', 'stranger', { iin: STRANGER_IIN })
    await insertTestSubject(database.db, keys, 'ttc', 'no-iin')
    await database.db.insertInto('subject_representatives').values({ operator_id: 'ttc', subject_id: 'child', representative_id: 'parent', relation: 'parent', valid_from: null, valid_until: null, basis_document: null }).execute()

    pki = new TestPki()
    pki.rootCa('rsa-root')
    pki.rootCa('ec-root', 'ec')
    pki.rootCa('rogue-root')
    pki.issue('ec-root', 'ec-intermediate', { subject: '/C=KZ/CN=Test NCA (ECDSA)', kind: 'ec', ca: true })
    pki.issue('rsa-root', 'subscriber-rsa', { subject: person(SUBJECT_IIN) })
    pki.issue('ec-intermediate', 'subscriber-ec', { subject: person(SUBJECT_IIN), kind: 'ec' })
    pki.issue('rsa-root', 'parent-rsa', { subject: person(PARENT_IIN, 'АТА АНА') })
    pki.issue('rsa-root', 'stranger-rsa', { subject: person(STRANGER_IIN, 'БӨТЕН АДАМ') })
    pki.issue('rsa-root', 'no-iin-rsa', { subject: '/C=KZ/CN=NO IIN' })
    pki.issue('rsa-root', 'expired-rsa', { subject: person(SUBJECT_IIN), from: new Date('2020-01-01T00:00:00Z'), until: new Date('2021-01-01T00:00:00Z') })
    pki.issue('rogue-root', 'rogue-rsa', { subject: person(SUBJECT_IIN) })
    trust = await loadEdsTrustDirectory(pki.trustDir('rsa-root', 'ec-root'))
  }, 120_000)
  afterAll(async () => {
    pki?.remove()
    await database?.close()
  })

  it('accepts an RSA signature over the exact text and keeps the CMS and the signer sealed', async () => {
    const cms = pki.sign('subscriber-rsa', TEXT)
    const evidence = await verify('subscriber', cms)
    expect(evidence.method).toBe('eds')
    expect(evidence.summary).toMatchObject({
      method: 'eds',
      textHash: TEXT_HASH,
      attached: true,
      digestAlgorithm: 'SHA-256',
      signingTimeSource: 'signed_attribute',
      signerKind: 'individual',
      signer: { matched: 'subject' },
      revocation: 'not_checked',
      certificate: { fingerprintSha256: expect.stringMatching(/^[0-9a-f]{64}$/), issuer: 'C=KZ, O=Derbes Test, CN=rsa-root' },
      chain: [{ subject: 'C=KZ, O=Derbes Test, CN=rsa-root' }],
    })
    expect(Math.abs(new Date(evidence.summary.signedAt as string).getTime() - Date.now())).toBeLessThan(600_000)
    expect(evidence.sealed).toMatchObject({ cms, signer: { commonName: 'ТЕСТОВ ТЕСТ', surname: 'ТЕСТОВ', givenName: 'ТЕСТ', iin: SUBJECT_IIN } })
    // No personal data outside `sealed`.
    expect(JSON.stringify(evidence.summary)).not.toMatch(new RegExp(`${SUBJECT_IIN}|ТЕСТОВ`))
  })

  it('accepts ECDSA P-256 through an intermediate CA carried in the CMS', async () => {
    const evidence = await verify('subscriber', pki.sign('subscriber-ec', TEXT, { certfile: 'ec-intermediate' }))
    expect(evidence.summary.signatureAlgorithm).toBe('1.2.840.10045.4.3.2')
    expect((evidence.summary.chain as { subject: string }[]).map((c) => c.subject)).toEqual(['C=KZ, CN=Test NCA (ECDSA)', 'C=KZ, O=Derbes Test, CN=ec-root'])
  })

  it('accepts a detached signature: its SHA-256 message digest is the text hash', async () => {
    const evidence = await verify('subscriber', pki.sign('subscriber-rsa', TEXT, { detached: true }))
    expect(evidence.summary).toMatchObject({ attached: false, signer: { matched: 'subject' } })
  })

  it('accepts a parent signing for a child (KZK-1.13) and names the representative', async () => {
    const evidence = await verify('child', pki.sign('parent-rsa', TEXT))
    expect(evidence.summary.signer).toEqual({ matched: 'representative', representativeId: 'parent', relation: 'parent' })
  })

  it('cannot compare when Derbes knows no IIN of the subject, and says so', async () => {
    expect((await verify('no-iin', pki.sign('no-iin-rsa', TEXT))).summary.signer).toEqual({ matched: 'not_checked' })
  })

  it('refuses tampered content: the signature no longer verifies', async () => {
    const der = Buffer.from(pki.sign('subscriber-rsa', TEXT), 'base64')
    const at = der.indexOf(Buffer.from('келісемін', 'utf8'))
    der[at + 1] = der[at + 1]! ^ 0x01
    await expect(verify('subscriber', der.toString('base64'))).rejects.toMatchObject({ code: 'DERBES_CONSENT_EDS_SIGNATURE_INVALID', errors: [{ pointer: '/body/evidence/cms' }] })
  })

  it('refuses a valid signature over another text than the one shown (the Russian text signed, the Kazakh one recorded)', async () => {
    await expect(verify('subscriber', pki.sign('subscriber-rsa', consentText(form, 'ru')))).rejects.toMatchObject({ code: 'DERBES_CONSENT_EDS_CONTENT_MISMATCH' })
    await expect(verify('subscriber', pki.sign('subscriber-rsa', consentText(form, 'ru'), { detached: true }))).rejects.toMatchObject({ code: 'DERBES_CONSENT_EDS_CONTENT_MISMATCH' })
  })

  it('refuses a wrong signer: another person’s certificate, or none with an IIN for a subject who has one', async () => {
    await expect(verify('subscriber', pki.sign('stranger-rsa', TEXT))).rejects.toMatchObject({ code: 'DERBES_CONSENT_EDS_SIGNER_MISMATCH' })
    await expect(verify('subscriber', pki.sign('no-iin-rsa', TEXT))).rejects.toMatchObject({ code: 'DERBES_CONSENT_EDS_SIGNER_MISMATCH' })
    // Known to the operator as another subject: refused even where the subject's IIN is unknown.
    await expect(verify('no-iin', pki.sign('stranger-rsa', TEXT))).rejects.toMatchObject({ code: 'DERBES_CONSENT_EDS_SIGNER_MISMATCH' })
  })

  it('refuses a certificate expired at the signing time', async () => {
    await expect(verify('subscriber', pki.sign('expired-rsa', TEXT))).rejects.toMatchObject({ code: 'DERBES_CONSENT_EDS_CERTIFICATE_NOT_VALID', message: expect.stringContaining('2021-01-01') })
  })

  it('refuses a signature dated in the future of the verifier', async () => {
    const past = { clock: () => new Date(Date.now() - 3_600_000), keys, edsTrust: trust }
    await expect(verify('subscriber', pki.sign('subscriber-rsa', TEXT), TEXT_HASH, past)).rejects.toMatchObject({ code: 'DERBES_CONSENT_EDS_CERTIFICATE_NOT_VALID', message: expect.stringContaining('future') })
  })

  it('refuses a certificate of a CA outside the trust directory, and any EDS when the directory is empty', async () => {
    await expect(verify('subscriber', pki.sign('rogue-rsa', TEXT))).rejects.toMatchObject({ code: 'DERBES_CONSENT_EDS_UNTRUSTED' })
    const empty = { clock: () => now, keys, edsTrust: await loadEdsTrustDirectory(join(pki.dir, 'missing')) }
    await expect(verify('subscriber', pki.sign('subscriber-rsa', TEXT), TEXT_HASH, empty)).rejects.toMatchObject({ code: 'DERBES_CONSENT_EDS_UNTRUSTED', message: expect.stringContaining('docs/operations.md') })
  })

  it.each([
    ['not base64 of DER', Buffer.from('not a signature at all').toString('base64')],
    ['a certificate, not a CMS', () => pki.openssl('x509', '-in', 'rsa-root.pem', '-outform', 'DER').toString('base64')],
  ])('refuses %s as malformed', async (_name, cms) => {
    await expect(verify('subscriber', typeof cms === 'function' ? cms() : cms)).rejects.toMatchObject({ code: 'DERBES_CONSENT_EDS_MALFORMED' })
  })

  it('reads the trust directory from DERBES_EDS_TRUST_DIR, PEM and DER alike', async () => {
    const dir = pki.trustDir('rsa-root')
    writeFileSync(join(dir, 'ec-root.cer'), pki.openssl('x509', '-in', 'ec-root.pem', '-outform', 'DER'))
    const store = await edsTrustFromEnvironment({ DERBES_EDS_TRUST_DIR: dir })
    expect(store.source).toBe(dir)
    expect(store.anchors).toHaveLength(2)
  })
})
