import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEST_DATABASES } from '../../db/test-databases.ts'
import { getPublishedVersion } from '../../operators/index.ts'
import { consentTextHash } from './consent-text.ts'
import { insertTestSubject, startEvidenceApp } from './evidence-test-kit.ts'
import { markSmsSent, pendingSmsMessages } from './sms-outbox.ts'
import { verifyEvidence } from './verify-evidence.ts'

describe.each(TEST_DATABASES)('SMS codes checked by Derbes on $name', (target) => {
  let kit: Awaited<ReturnType<typeof startEvidenceApp>>
  let write: Record<string, string>
  beforeAll(async () => {
    kit = await startEvidenceApp(target)
    write = await kit.bearer('esp', ['consents:write'])
  })
  afterAll(() => kit.close())

  const textHashOf = async (operatorId: string, formId: string, language: 'kk' | 'ru' | 'en') =>
    consentTextHash((await getPublishedVersion(kit.deps, operatorId)).compiled.consentForms.get(formId)!, language)
  const challenge = (subjectId: string, body: Record<string, unknown>, headers = write, operatorId = 'esp') =>
    kit.app.inject({ method: 'POST', url: `/v1/operators/${operatorId}/subjects/${subjectId}/sms-challenges`, headers, payload: body })
  const codeIn = (text: string) => /\b(\d{6})\b/.exec(text)![1]!

  it('sends a code to the tablet customer’s registered phone and accepts it once (ESP-4: data typed on a tablet, confirmed by SMS code)', async () => {
    await insertTestSubject(kit.database.db, kit.keys, 'esp', 'tablet-1', { phone: '+77011234567' })
    const response = await challenge('tablet-1', { phone: '8 (701) 123-45-67', formId: 'app-1', language: 'kk' })
    expect(response.statusCode, response.body).toBe(201)
    const sent = response.json()
    const textHash = await textHashOf('esp', 'app-1', 'kk')
    expect(sent).toMatchObject({ formId: 'app-1', formVersion: 1, language: 'kk', textHash, maxAttempts: 5, expiresAt: '2026-12-02T05:05:00.000Z' })

    // The operator's SMS adapter reads the outbox: the one place the code is readable.
    const outbox = (await pendingSmsMessages(kit.deps, 'esp')).filter((m) => m.subjectId === 'tablet-1')
    expect(outbox).toHaveLength(1)
    expect(outbox[0]).toMatchObject({ phone: '+77011234567', language: 'kk' })
    expect(outbox[0]!.text).toMatch(/^«ЭСПЕРАНС-РК» ЖШС: дербес деректерді өңдеуге келісімді растау коды \d{6}\. Код 5 минут жарамды/)
    const code = codeIn(outbox[0]!.text)

    // Neither the code nor the phone is stored readably anywhere else.
    const rows = JSON.stringify([
      await kit.database.db.selectFrom('sms_challenges').selectAll().where('subject_id', '=', 'tablet-1').execute(),
      await kit.database.db.selectFrom('sms_outbox').selectAll().where('subject_id', '=', 'tablet-1').execute(),
      await kit.database.db.selectFrom('audit_entries').selectAll().where('subject_id', '=', 'tablet-1').execute(),
    ])
    expect(rows).not.toContain(code)
    expect(rows).not.toMatch(/7011234567/)

    const context = { operatorId: 'esp', subjectId: 'tablet-1', textHash }
    const evidence = await kit.database.db.transaction().execute((trx) => verifyEvidence(trx, kit.deps, context, { method: 'sms_code', challengeId: sent.challengeId, code }))
    expect(evidence).toEqual({
      method: 'sms_code',
      summary: {
        method: 'sms_code', textHash, challengeId: sent.challengeId, formId: 'app-1', formVersion: 1, language: 'kk',
        sentAt: '2026-12-02T05:00:00.000Z', confirmedAt: '2026-12-02T05:00:00.000Z', attempt: 1, checkedBy: 'derbes', phoneMatchedIdentifier: true,
      },
      sealed: { phone: '+77011234567' },
    })
    const again = await verifyEvidence(kit.database.db, kit.deps, context, { method: 'sms_code', challengeId: sent.challengeId, code }).catch((e: unknown) => e)
    expect(again).toMatchObject({ code: 'DERBES_CONSENT_SMS_CHALLENGE_USED', status: 409 })
  })

  it('audits the use of the phone without the number or the code (art. 1: use of personal data)', async () => {
    await insertTestSubject(kit.database.db, kit.keys, 'esp', 'tablet-2', { phone: '+77015550101' })
    const sent = (await challenge('tablet-2', { phone: '+77015550101', formId: 'app-1', language: 'ru' })).json()
    const entries = await kit.database.db.selectFrom('audit_entries').selectAll().where('operator_id', '=', 'esp').where('subject_id', '=', 'tablet-2').execute()
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({ action: 'use', actor: expect.stringMatching(/^api_key:/) })
    expect(entries[0]!.details).toEqual({ itemKind: 'phone', reason: 'consent_sms_code', challengeId: sent.challengeId, formId: 'app-1', formVersion: 1 })
  })

  it('writes the SMS in the language asked for, and wipes it once the adapter sent it', async () => {
    await insertTestSubject(kit.database.db, kit.keys, 'esp', 'tablet-3', { phone: '+77015550102' })
    for (const language of ['ru', 'en'] as const) expect((await challenge('tablet-3', { phone: '+77015550102', formId: 'app-1', language })).statusCode).toBe(201)
    const [ru, en] = (await pendingSmsMessages(kit.deps, 'esp')).filter((m) => m.subjectId === 'tablet-3')
    expect(ru!.text).toMatch(/: код подтверждения согласия на обработку персональных данных \d{6}\. Код действует 5 минут/)
    expect(en!.text).toMatch(/your code to confirm consent to the processing of personal data is \d{6}\. Valid for 5 minutes/)
    await markSmsSent(kit.database.db, 'esp', ru!.messageId, kit.clock.now, 'provider-42')
    const row = await kit.database.db.selectFrom('sms_outbox').selectAll().where('message_id', '=', ru!.messageId).executeTakeFirstOrThrow()
    expect(row).toMatchObject({ sealed: null, provider_ref: 'provider-42' })
    expect((await pendingSmsMessages(kit.deps, 'esp')).map((m) => m.messageId)).not.toContain(ru!.messageId)
  })

  it('confirms a KZK registration by SMS code (KZK-2.3.4)', async () => {
    await insertTestSubject(kit.database.db, kit.keys, 'kzk', 'app-user-1', { phone: '+77075550103' })
    const response = await challenge('app-user-1', { phone: '+77075550103', formId: 'registration', language: 'kk' }, await kit.bearer('kzk', ['consents:write']), 'kzk')
    expect(response.statusCode, response.body).toBe(201)
    const [sms] = (await pendingSmsMessages(kit.deps, 'kzk')).filter((m) => m.subjectId === 'app-user-1')
    const textHash = await textHashOf('kzk', 'registration', 'kk')
    const evidence = await verifyEvidence(kit.database.db, kit.deps, { operatorId: 'kzk', subjectId: 'app-user-1', textHash }, { method: 'sms_code', challengeId: response.json().challengeId, code: codeIn(sms!.text) })
    expect(evidence.summary).toMatchObject({ formId: 'registration', checkedBy: 'derbes' })
  })

  it('spends the code only when the consent commits: a rolled-back consent leaves it usable', async () => {
    await insertTestSubject(kit.database.db, kit.keys, 'esp', 'tablet-4', { phone: '+77015550104' })
    const sent = (await challenge('tablet-4', { phone: '+77015550104', formId: 'app-1', language: 'kk' })).json()
    const [sms] = (await pendingSmsMessages(kit.deps, 'esp')).filter((m) => m.subjectId === 'tablet-4')
    const input = { method: 'sms_code' as const, challengeId: sent.challengeId, code: codeIn(sms!.text) }
    const context = { operatorId: 'esp', subjectId: 'tablet-4', textHash: sent.textHash }
    const failed = await kit.database.db.transaction().execute(async (trx) => {
      await verifyEvidence(trx, kit.deps, context, input)
      throw new Error('the ledger failed after the evidence was checked')
    }).catch((e: unknown) => e)
    expect(failed).toBeInstanceOf(Error)
    expect((await verifyEvidence(kit.database.db, kit.deps, context, input)).summary).toMatchObject({ attempt: 1 })
  })
})
