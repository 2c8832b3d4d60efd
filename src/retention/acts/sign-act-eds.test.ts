import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createStaff } from '../../access/index.ts'
import { verifyAuditChain } from '../../audit/index.ts'
import { TEST_DATABASES } from '../../db/test-databases.ts'
import { readPdf } from '../../notify/pdf/pdf-test-kit.ts'
import { TestPki } from '../../eds/eds-test-pki.ts'
import { registerSubject } from '../../subjects/index.ts'
import { scanMinors } from '../minors/index.ts'
import { openRetentionFixture, type RetentionFixture } from '../retention-test-kit.ts'
import { canonicalJson } from './act-content.ts'

const base = '/v1/operators/ttc/retention'
const IIN = '880202400553'

// Issue 5 §3: a destruction act signed by the responsible person with an EDS — a CMS checked
// against its certificate and the trust directory by the consent ledger's own check (src/eds/),
// with certificates made here by openssl and the trust directory read from DERBES_EDS_TRUST_DIR
// as a deployed Derbes reads it. (Each test file runs in its own process.)
describe.each(TEST_DATABASES)('destruction acts signed with an EDS on $name', (target) => {
  let fx: RetentionFixture
  let pki: TestPki
  let dpo: string
  let reader: string
  beforeAll(async () => {
    pki = new TestPki()
    pki.rootCa('nca-test-root')
    pki.rootCa('someone-elses-root')
    pki.issue('nca-test-root', 'dpo', { subject: `/C=KZ/CN=ҚАНАТҚЫЗЫ ӘСЕЛ/SN=ҚАНАТҚЫЗЫ/GN=ӘСЕЛ/serialNumber=IIN${IIN}` })
    pki.issue('someone-elses-root', 'stranger', { subject: '/C=KZ/CN=STRANGER/serialNumber=IIN900101300123' })
    pki.issue('nca-test-root', 'expired', { subject: '/C=KZ/CN=EXPIRED/serialNumber=IIN900101300123', from: new Date(Date.now() - 3 * 86_400_000), until: new Date(Date.now() - 86_400_000) })
    process.env.DERBES_EDS_TRUST_DIR = pki.trustDir('nca-test-root')
    // openssl dates the signature now: the app's clock must be now too.
    fx = await openRetentionFixture(target, ['ttc'], new Date().toISOString())
    const runner = await fx.token('ttc', ['retention:run', 'retention:read'])
    reader = await fx.token('ttc', ['retention:read'])
    const login = 'dpo'
    await createStaff(fx.deps, { operatorId: 'ttc', login, displayName: 'Әсел Қанатқызы', password: 'correct horse battery', roleId: 'authorised-staff', extraPermissions: ['retention:sign', 'retention:read'], createdBy: 'test' })
    dpo = (await fx.app.inject({ method: 'POST', url: '/v1/operators/ttc/sessions', payload: { login, password: 'correct horse battery' } })).json().token
    // Two runs, one act each: TTC-10.4 destroys a minor found by the scan.
    for (const birthDate of ['2013-02-03', '2014-05-06']) {
      await registerSubject(fx.deps, { operatorId: 'ttc', kind: 'subscriber', birthDate }, 'staff:test')
      await scanMinors(fx.deps, 'ttc', 'staff:test')
      const run = await fx.call(runner, { method: 'POST', url: `${base}/runs`, payload: { dryRun: false } })
      expect(run.statusCode, run.body).toBe(201)
      fx.setNow(new Date(fx.now().getTime() + 1_000))
    }
  }, 180_000)
  afterAll(async () => {
    await fx?.close()
    pki?.remove()
    delete process.env.DERBES_EDS_TRUST_DIR
  })

  const acts = async () => (await fx.call(reader, { method: 'GET', url: `${base}/acts` })).json().acts as { actId: string }[]
  const detail = async (actId: string) => (await fx.call(reader, { method: 'GET', url: `${base}/acts/${actId}` })).json()
  const sign = (actId: string, payload: Record<string, unknown>) => fx.call(dpo, { method: 'POST', url: `${base}/acts/${actId}/sign`, payload })
  const signedAudit = async () => fx.deps.db.selectFrom('audit_entries').select(['actor', 'details']).where('operator_id', '=', 'ttc').where('action', '=', 'retention_act_signed').execute()

  it('refuses a CMS that does not prove this act signed — malformed, another content, an untrusted CA, an expired certificate — with a problem naming why, changing nothing', async () => {
    const { actId } = (await acts())[0]!
    const act = await detail(actId)
    const content = canonicalJson(act.content)
    const cases: [string, string, RegExp][] = [
      ['malformed', 'MIIB', /malformed/],
      ['another content', pki.sign('dpo', content.replace('"number":', '"number": ')), /content mismatch/],
      ['untrusted', pki.sign('stranger', content), /untrusted/],
      ['expired', pki.sign('expired', content), /certificate not valid/],
    ]
    for (const [name, signatureCms, why] of cases) {
      const res = await sign(actId, { contentHash: act.contentHash, signatureCms })
      expect(res.statusCode, `${name}: ${res.body}`).toBe(422)
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/)
      expect(res.json(), name).toMatchObject({ code: 'DERBES_RETENTION_SIGNATURE_INVALID', errors: [{ pointer: '/body/signatureCms' }] })
      expect(res.json().detail, name).toMatch(why)
    }
    expect(await detail(actId)).toMatchObject({ signedBy: null, signedAt: null, edsSigned: false, eds: null })
    const row = await fx.deps.db.selectFrom('retention_acts').select(['signature_cms', 'eds_signer']).where('operator_id', '=', 'ttc').where('act_id', '=', actId).executeTakeFirstOrThrow()
    expect(row).toEqual({ signature_cms: null, eds_signer: null })
    expect(await signedAudit()).toEqual([])
  })

  it('signs an act with the responsible person\'s EDS over its canonical content: verified, the CMS and the certificate\'s subject and IIN recorded, audited with the certificate', async () => {
    const { actId } = (await acts())[0]!
    const act = await detail(actId)
    const signatureCms = pki.sign('dpo', canonicalJson(act.content))
    const res = await sign(actId, { contentHash: act.contentHash, signatureCms })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({
      actId, signedBy: expect.stringMatching(/^staff:/), edsSigned: true,
      eds: { signedContent: 'canonical_content', attached: true, iin: IIN, commonName: 'ҚАНАТҚЫЗЫ ӘСЕЛ', subject: expect.stringContaining(`SERIALNUMBER=IIN${IIN}`), certificate: { issuer: 'C=KZ, O=Derbes Test, CN=nca-test-root' }, chain: [expect.objectContaining({ subject: 'C=KZ, O=Derbes Test, CN=nca-test-root' })], revocation: 'not_checked' },
    })
    expect((await detail(actId)).eds).toEqual(res.json().eds)
    const row = await fx.deps.db.selectFrom('retention_acts').select('signature_cms').where('operator_id', '=', 'ttc').where('act_id', '=', actId).executeTakeFirstOrThrow()
    expect(row.signature_cms).toBe(signatureCms)
    const audit = await signedAudit()
    expect(audit).toEqual([{ actor: res.json().signedBy, details: expect.objectContaining({ actId, contentHash: act.contentHash, eds: { certificateFingerprint: res.json().eds.certificate.fingerprintSha256, signedAt: res.json().eds.signedAt } }) }])
    expect(await verifyAuditChain(fx.deps.db, 'ttc')).toMatchObject({ ok: true })
    // The PDF's signature block names the certificate that signed.
    const kk = readPdf((await fx.call(reader, { method: 'GET', url: `${base}/acts/${actId}/pdf?lang=kk` })).rawPayload).text
    expect(kk).toContain('ЭЦҚ-мен қол қойылған')
    expect(kk).toContain(`IIN${IIN}`)
  })

  it('accepts a detached EDS over the text of the content hash (what a signing tool signs for a short string)', async () => {
    const unsigned = (await fx.call(reader, { method: 'GET', url: `${base}/acts?signed=false` })).json().acts as { actId: string }[]
    expect(unsigned).toHaveLength(1)
    const act = await detail(unsigned[0]!.actId)
    const overHash = pki.sign('dpo', act.contentHash, { detached: true })
    const res = await sign(act.actId, { signatureCms: overHash })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json().eds).toMatchObject({ signedContent: 'content_hash', attached: false, iin: IIN })
  })
})
