import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createStaff } from '../access/index.ts'
import { verifyAuditChain } from '../audit/index.ts'
import { TEST_DATABASES } from '../db/test-databases.ts'
import { readPdf } from '../notify/pdf/pdf-test-kit.ts'
import { registerSubject } from '../subjects/index.ts'
import { actHash } from './acts/act-content.ts'
import { scanMinors } from './minors/index.ts'
import { openRetentionFixture, type RetentionFixture } from './retention-test-kit.ts'

const base = '/v1/operators/ttc/retention'

describe.each(TEST_DATABASES)('retention run and act routes on $name', (target) => {
  let fx: RetentionFixture
  let runner: string
  let reader: string
  let minor: string
  let actId: string
  let runId: string
  beforeAll(async () => {
    fx = await openRetentionFixture(target, ['ttc', 'tw'])
    runner = await fx.token('ttc', ['retention:run', 'retention:read'])
    reader = await fx.token('ttc', ['retention:read'])
    minor = (await registerSubject(fx.deps, { operatorId: 'ttc', kind: 'subscriber', birthDate: '2013-02-03' }, 'staff:test')).subjectId
    await scanMinors(fx.deps, 'ttc', 'staff:test')
  }, 120_000)
  afterAll(() => fx?.close())

  /** A member of TTC's staff signed in (no second factor enrolled) with the given extra permissions. */
  async function staffSession(permissions: string[]): Promise<string> {
    const login = `dpo-${Math.random().toString(36).slice(2, 8)}`
    await createStaff(fx.deps, { operatorId: 'ttc', login, displayName: 'Әсел Қанатқызы', password: 'correct horse battery', roleId: 'authorised-staff', extraPermissions: permissions, createdBy: 'test' })
    const session = await fx.app.inject({ method: 'POST', url: '/v1/operators/ttc/sessions', payload: { login, password: 'correct horse battery' } })
    expect(session.statusCode, session.body).toBe(201)
    return session.json().token as string
  }

  it('TTC-10.4, TTC-6.5: POST …/retention/runs destroys the minor now, returns the run with its act; the runs list and the run with its items show it', async () => {
    const dry = await fx.call(runner, { method: 'POST', url: `${base}/runs`, payload: { dryRun: true } })
    expect(dry.statusCode, dry.body).toBe(201)
    expect(dry.json()).toMatchObject({ dryRun: true, status: 'finished', actId: null, startedBy: expect.stringMatching(/^api_key:/), bySchedule: false })

    fx.setNow(new Date(fx.now().getTime() + 60_000))
    const res = await fx.call(runner, { method: 'POST', url: `${base}/runs`, payload: { dryRun: false } })
    expect(res.statusCode, res.body).toBe(201)
    const run = res.json()
    expect(run).toMatchObject({ dryRun: false, status: 'finished', counts: { destroy: 1, failed: 0 } })
    expect(run.actId).toEqual(expect.any(String))
    runId = run.runId
    actId = run.actId

    const list = await fx.call(reader, { method: 'GET', url: `${base}/runs?limit=1` })
    expect(list.statusCode, list.body).toBe(200)
    expect(list.json().runs.map((r: { runId: string }) => r.runId)).toEqual([runId])
    const older = await fx.call(reader, { method: 'GET', url: `${base}/runs?limit=1&after=${list.json().next}` })
    expect(older.json()).toMatchObject({ runs: [{ dryRun: true }], next: null })

    const one = await fx.call(reader, { method: 'GET', url: `${base}/runs/${runId}` })
    expect(one.statusCode, one.body).toBe(200)
    expect(one.json().items).toEqual([expect.objectContaining({ itemNo: 1, subjectId: minor, ruleId: 'age-rules', step: 'destroy', status: 'done', clauses: expect.arrayContaining(['TTC-10.4']) })])
    expect(one.json().next).toBeNull()
    expect((await fx.call(reader, { method: 'GET', url: `${base}/runs/no-such-run` })).json()).toMatchObject({ code: 'DERBES_RETENTION_RUN_NOT_FOUND' })
  })

  it('a real run as of a future time is refused and changes nothing (a dry run may look ahead)', async () => {
    const before = await fx.deps.db.selectFrom('retention_runs').select('run_id').where('operator_id', '=', 'ttc').execute()
    const future = new Date(fx.now().getTime() + 86_400_000).toISOString()
    const res = await fx.call(runner, { method: 'POST', url: `${base}/runs`, payload: { dryRun: false, asOf: future } })
    expect(res.statusCode, res.body).toBe(400)
    expect(res.json()).toMatchObject({ code: 'DERBES_VALIDATION' })
    expect(await fx.deps.db.selectFrom('retention_runs').select('run_id').where('operator_id', '=', 'ttc').execute()).toHaveLength(before.length)
    expect((await fx.call(runner, { method: 'POST', url: `${base}/runs`, payload: { dryRun: true, asOf: future } })).statusCode).toBe(201)
    expect((await fx.call(runner, { method: 'POST', url: `${base}/runs`, payload: { dryRun: 'yes' } })).statusCode).toBe(400)
  })

  it('409 while another run of the operator is running', async () => {
    await fx.deps.db.insertInto('retention_runs').values({ operator_id: 'ttc', run_id: 'held', as_of: fx.now(), dry_run: false, status: 'running', started_at: fx.now(), started_by: 'test', by_schedule: false, counts: '{}' }).execute()
    const res = await fx.call(runner, { method: 'POST', url: `${base}/runs`, payload: { dryRun: true } })
    expect(res.statusCode, res.body).toBe(409)
    expect(res.json()).toMatchObject({ code: 'DERBES_RETENTION_RUN_IN_PROGRESS' })
    await fx.deps.db.updateTable('retention_runs').set({ status: 'failed' }).where('operator_id', '=', 'ttc').where('run_id', '=', 'held').execute()
  })

  it('TTC-6.5, issue 5 §3: the act — listed unsigned, read with its content (subject ids only), its PDF in kk and ru reads back with the Kazakh letters', async () => {
    const unsigned = await fx.call(reader, { method: 'GET', url: `${base}/acts?signed=false` })
    expect(unsigned.statusCode, unsigned.body).toBe(200)
    expect(unsigned.json().acts.map((a: { actId: string }) => a.actId)).toContain(actId)
    const act = await fx.call(reader, { method: 'GET', url: `${base}/acts/${actId}` })
    expect(act.statusCode, act.body).toBe(200)
    expect(act.json()).toMatchObject({ actId, runId, number: 1, signedBy: null, counts: { destroyed: 1 } })
    expect(act.json().content).toMatchObject({ operatorBin: expect.any(String), subjects: [{ subjectId: minor, step: 'destroy', ruleId: 'age-rules', items: 'all' }] })
    expect(act.json().contentHash).toBe(actHash(act.json().content))

    const kk = await fx.call(reader, { method: 'GET', url: `${base}/acts/${actId}/pdf?lang=kk` })
    expect(kk.statusCode).toBe(200)
    expect(kk.headers['content-type']).toContain('application/pdf')
    const text = readPdf(kk.rawPayload).text
    expect(text).toContain('Дербес деректерді жою және иесіздендіру туралы акт')
    expect(text).toContain('№ 1 акт')
    expect(text).toContain(act.json().content.operatorBin)
    expect(text).toContain(minor)
    expect(text).toContain('TTC-10.4')
    expect(text).toContain('жойылды')
    expect(text).toContain('Әлі қол қойылмаған')
    expect(text).toContain(act.json().contentHash)
    const ru = readPdf((await fx.call(reader, { method: 'GET', url: `${base}/acts/${actId}/pdf?lang=ru` })).rawPayload).text
    expect(ru).toContain('Акт об уничтожении и обезличивании персональных данных')
    expect(ru).toContain('Ещё не подписан')
    expect((await fx.call(reader, { method: 'GET', url: `${base}/acts/${actId}/pdf?lang=de` })).statusCode).toBe(400)
  })

  it('issue 5 §3: the responsible person signs in a staff session — hash checked, recorded, audited, an event; twice → 409; the PDF then names the signer', async () => {
    const dpo = await staffSession(['retention:sign', 'retention:read'])
    const shown = (await fx.call(reader, { method: 'GET', url: `${base}/acts/${actId}` })).json().contentHash as string
    const wrongHash = await fx.call(dpo, { method: 'POST', url: `${base}/acts/${actId}/sign`, payload: { contentHash: 'a'.repeat(64) } })
    expect(wrongHash.statusCode, wrongHash.body).toBe(422)
    expect(wrongHash.json()).toMatchObject({ code: 'DERBES_RETENTION_SIGNATURE_INVALID' })
    const cms = await fx.call(dpo, { method: 'POST', url: `${base}/acts/${actId}/sign`, payload: { contentHash: shown, signatureCms: 'MIIB' } })
    expect(cms.statusCode, cms.body).toBe(422)
    expect(cms.json()).toMatchObject({ code: 'DERBES_RETENTION_SIGNATURE_INVALID', errors: [{ pointer: '/body/signatureCms' }] })
    expect(cms.json().detail).toContain('malformed')

    const signed = await fx.call(dpo, { method: 'POST', url: `${base}/acts/${actId}/sign`, payload: { contentHash: shown } })
    expect(signed.statusCode, signed.body).toBe(200)
    expect(signed.json()).toMatchObject({ actId, signedBy: expect.stringMatching(/^staff:/), signedAt: fx.now().toISOString(), contentHash: shown })
    const again = await fx.call(dpo, { method: 'POST', url: `${base}/acts/${actId}/sign`, payload: {} })
    expect(again.statusCode).toBe(409)
    expect(again.json()).toMatchObject({ code: 'DERBES_RETENTION_ACT_ALREADY_SIGNED' })

    const entries = await fx.deps.db.selectFrom('audit_entries').select(['actor', 'details']).where('operator_id', '=', 'ttc').where('action', '=', 'retention_act_signed').execute()
    expect(entries).toEqual([{ actor: signed.json().signedBy, details: expect.objectContaining({ actId, contentHash: shown }) }])
    const events = await fx.deps.db.selectFrom('event_outbox').select('data').where('operator_id', '=', 'ttc').where('type', '=', 'retention.act_signed').execute()
    expect(events).toHaveLength(1)
    expect(await verifyAuditChain(fx.deps.db, 'ttc')).toMatchObject({ ok: true })
    expect((await fx.call(reader, { method: 'GET', url: `${base}/acts?signed=true` })).json().acts.map((a: { actId: string }) => a.actId)).toEqual([actId])

    const kk = readPdf((await fx.call(reader, { method: 'GET', url: `${base}/acts/${actId}/pdf?lang=kk` })).rawPayload).text
    expect(kk).toContain('Әсел Қанатқызы')
    expect(kk).not.toContain('Әлі қол қойылмаған')
  })

  it('refuses without credentials (401), without the permission or with an API key for signing (403), and another operator\'s key (403)', async () => {
    expect((await fx.call(undefined, { method: 'GET', url: `${base}/runs` })).statusCode).toBe(401)
    expect((await fx.call(undefined, { method: 'POST', url: `${base}/acts/${actId}/sign`, payload: {} })).statusCode).toBe(401)
    expect((await fx.call(reader, { method: 'POST', url: `${base}/runs`, payload: { dryRun: true } })).statusCode).toBe(403)
    const keyWithSign = await fx.token('ttc', ['retention:sign', 'retention:read'])
    const byKey = await fx.call(keyWithSign, { method: 'POST', url: `${base}/acts/${actId}/sign`, payload: {} })
    expect(byKey.statusCode, byKey.body).toBe(403)
    const noRead = await fx.token('ttc', ['retention:manage'])
    expect((await fx.call(noRead, { method: 'GET', url: `${base}/acts/${actId}` })).statusCode).toBe(403)
    const tw = await fx.token('tw', ['retention:run', 'retention:read', 'retention:sign'])
    for (const [method, url] of [['GET', `${base}/runs`], ['GET', `${base}/runs/${runId}`], ['GET', `${base}/acts`], ['GET', `${base}/acts/${actId}`], ['GET', `${base}/acts/${actId}/pdf`], ['POST', `${base}/runs`]] as const) {
      expect((await fx.call(tw, { method, url, ...(method === 'POST' ? { payload: { dryRun: true } } : {}) })).statusCode, url).toBe(403)
    }
    // TW's own routes do not see TTC's act.
    expect((await fx.call(tw, { method: 'GET', url: `/v1/operators/tw/retention/acts/${actId}` })).statusCode).toBe(404)
    expect((await fx.call(tw, { method: 'GET', url: '/v1/operators/tw/retention/acts' })).json().acts).toEqual([])
  })
})
